import { describe, expect, it } from 'vitest';
import { attributes, escapeHtml, html, trusted } from '../../../src/render/html/html.js';

describe('escapeHtml', () => {
  it.for([
    ['plain text', 'DeFi 2031', 'DeFi 2031'],
    ['markup', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['an ampersand, once', 'A &amp; B', 'A &amp;amp; B'],
    ['both quotes, for attributes', `"a" 'b'`, '&quot;a&quot; &#39;b&#39;'],
    ['a control, as its escape', 'red\u001b[31m', 'red\\x1b[31m'],
    ['a bidi override, as its escape', 'abc\u202edef', 'abc\\u202edef'],
    ['a line break, as its escape', 'one\ntwo', 'one\\ntwo'],
    ['Chinese, as it is', '目标 ¥', '目标 ¥'],
  ] as const)('%s', ([, text, expected]) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});

describe('html', () => {
  it('escapes what it is given and keeps what it made', () => {
    const name = '<b>';
    const inner = html`<em>${name}</em>`;
    expect(html`<p title="${'"x"'}">${inner} ${name}</p>`.text).toBe('<p title="&quot;x&quot;"><em>&lt;b&gt;</em> &lt;b&gt;</p>');
  });

  it('joins lists and leaves out null, undefined and false; writes numbers', () => {
    expect(html`${['a', html`<br>`, null, undefined, false, 7, ['<', '>']]}`.text).toBe('a<br>7&lt;&gt;');
  });

  it('writes attributes in order, escaped, leaving out those without a value', () => {
    expect(attributes({ 'data-case': 'a"b', 'data-reached': null, 'data-value': '0.1', class: undefined }).text).toBe(' data-case="a&quot;b" data-value="0.1"');
  });

  it('keeps trusted markup as it is', () => {
    expect(html`<figure>${trusted('<svg><path d="M0 0"/></svg>')}</figure>`.text).toBe('<figure><svg><path d="M0 0"/></svg></figure>');
  });
});
