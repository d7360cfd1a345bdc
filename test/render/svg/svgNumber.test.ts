import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { px } from '../../../src/render/svg/svgNumber.js';
import { escapeXml } from '../../../src/render/svg/escapeXml.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { visible } from '../../../src/core/visibleText.js';
import { binaryUnit } from '../../fuzz/binaryUnit.js';

describe('px', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [-0.001, '0'],
    [12, '12'],
    [12.5, '12.5'],
    [12.345, '12.35'],
    [3.07, '3.07'],
    [-3.07, '-3.07'],
    [0.1 + 0.2, '0.3'],
    [1e6 / 3, '333333.33'],
  ])('writes %d as %s', (value, text) => {
    expect(px(value)).toBe(text);
  });

  it('never writes an exponent, and reads back to within half a hundredth', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), (value) => {
        const text = px(value);
        expect(text).toMatch(/^-?[0-9]+(\.[0-9]{1,2})?$/);
        expect(Math.abs(Number(text) - value)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });
});

describe('escapeXml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['</text><script>alert(1)</script>', '&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"quoted" and 'single'`, '&quot;quoted&quot; and &#39;single&#39;'],
    ['bell \u0007 and escape \u001b[31m', 'bell \\x07 and escape \\x1b[31m'],
    ['a right-to-left override \u202e', 'a right-to-left override \\u202e'],
    ['not a character \uffff', 'not a character \\uffff'],
  ])('writes %j as %j', (text, escaped) => {
    expect(escapeXml(text)).toBe(escaped);
  });

  it('any text, escaped, is well-formed character data and an attribute value that reads back as its visible form', () => {
    const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, parseTagValue: false, trimValues: false, htmlEntities: false });
    fc.assert(
      fc.property(fc.string({ unit: binaryUnit, maxLength: 40 }), (text) => {
        const xml = `<t a="${escapeXml(text)}">${escapeXml(text)}</t>`;
        expect(XMLValidator.validate(xml)).toBe(true);
        const parsed = parser.parse(xml) as { t: { '#text'?: string; '@_a': string } | string };
        const expected = visible(text).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
        const node = parsed.t;
        const body = typeof node === 'string' ? node : (node['#text'] ?? '');
        const attribute = typeof node === 'string' ? '' : node['@_a'];
        expect(body).toBe(expected);
        expect(attribute).toBe(expected);
        expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)).toBe(false);
      }),
    );
  });
});
