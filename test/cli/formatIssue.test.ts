import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCERPT_COLUMNS, excerptLine } from '../../src/cli/excerptLine.js';
import { formatIssue } from '../../src/cli/formatIssue.js';
import { displayWidth } from '../../src/render/displayWidth.js';
import type { InputIssue } from '../../src/core/inputIssue.js';
import { visible as visibleText } from '../../src/core/visibleText.js';

const plain = new Chalk({ level: 0 });

/** The issue's message, excerpt and caret lines for `lineText` with the place at `column` (1-based), `length` long. */
function shown(lineText: string, column: number, length: number): { excerpt: string; caret: string } {
  const issue: InputIssue = { file: 'f.json', span: { line: 1, column, length, lineText }, message: 'm', hint: null };
  const [, excerpt, caret] = formatIssue(issue, plain).split('\n');
  return { excerpt: excerpt!.slice('  1 | '.length), caret: caret!.slice('    | '.length) };
}

/** The character a terminal shows at `column` (0-based) of `text`, by display width. */
function characterAtColumn(text: string, column: number): string | undefined {
  let at = 0;
  for (const character of text) {
    if (at === column) {
      return character;
    }
    at += displayWidth(character);
    if (at > column) {
      return undefined;
    }
  }
  return undefined;
}

describe('formatIssue excerpts', () => {
  it('shows a short line whole, with the caret under the place', () => {
    expect(shown('utilization: 140%', 14, 4)).toEqual({ excerpt: 'utilization: 140%', caret: '             ^^^^' });
  });

  it('counts a wide character before the place as two columns, and underlines wide characters in full', () => {
    // The value after growth: is at column 19 (UTF-16 units), after 20 terminal columns: 中文 takes four.
    expect(shown('title: 中文 growth: 中文', 19, 2)).toEqual({ excerpt: 'title: 中文 growth: 中文', caret: `${' '.repeat(20)}^^^^` });
  });

  it('shows a window of a very long line around the place, cut with …, the caret under the place', () => {
    // A 1 MiB minified JSON file on one line, with a bad value near column 500,000.
    const line = `{"name":"big","notes":"${'x'.repeat(500_000)}","growth":"abc","source":"${'y'.repeat(548_000)}"}`;
    const column = line.indexOf('"abc"') + 1;
    const { excerpt, caret } = shown(line, column, 5);
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(displayWidth(excerpt)).toBeLessThanOrEqual(EXCERPT_COLUMNS);
    expect(excerpt).toContain('","growth":"abc","source":"yyy');
    expect(caret.trimStart()).toBe('^^^^^');
    expect(excerpt.slice(caret.indexOf('^'), caret.indexOf('^') + 5)).toBe('"abc"');
  });

  it('keeps the caret right in a long line of wide characters', () => {
    const line = `${'中'.repeat(300_000)}"abc"${'文'.repeat(300)}`;
    const { excerpt, caret } = shown(line, 300_001, 5);
    expect(displayWidth(excerpt)).toBeLessThanOrEqual(EXCERPT_COLUMNS);
    expect(characterAtColumn(excerpt, caret.indexOf('^'))).toBe('"');
    expect(displayWidth(caret)).toBe(displayWidth(excerpt.slice(0, excerpt.indexOf('"abc"'))) + 5);
  });

  it('starts the window at the start of the line, or ends it at the end, when the place is near one', () => {
    const line = `abc${'x'.repeat(10_000)}xyz`;
    const start = shown(line, 2, 1);
    expect(start.excerpt).toMatch(/^abcx+…$/);
    expect(start.caret).toBe(' ^');
    const end = shown(line, line.length, 1);
    expect(end.excerpt).toMatch(/^…x+xyz$/);
    expect(displayWidth(end.excerpt)).toBe(EXCERPT_COLUMNS);
    expect(characterAtColumn(end.excerpt, end.caret.indexOf('^'))).toBe('z');
    // A place just past the end of the line (where yaml puts the end of input).
    const past = shown(line, line.length + 1, 1);
    expect(past.caret.indexOf('^')).toBe(displayWidth(past.excerpt));
  });

  it('underlines a long value only as far as the window goes', () => {
    const line = `k: ${'v'.repeat(5_000)}`;
    const { excerpt, caret } = shown(line, 4, 5_000);
    expect(caret).toBe(`   ${'^'.repeat(displayWidth(excerpt) - 4)}`);
  });

  it('shows tabs, control characters and bidi overrides as escapes, with the caret under the visible form of the place', () => {
    expect(shown('\tname: a\u001b[2J\rtvl: x', 16, 1)).toEqual({ excerpt: '\\tname: a\\x1b[2J\\rtvl: x', caret: `${' '.repeat(20)}^` });
    expect(shown('k: \u202eabc', 4, 4)).toEqual({ excerpt: 'k: \\u202eabc', caret: `   ${'^'.repeat(9)}` });
  });

  it('puts the caret under the first character of the place, in any line', () => {
    const character = fc.constantFrom('a', 'x', ' ', '中', '文', 'é', '😀', '\t', '\u001b', '\u202e', '\r');
    fc.assert(
      fc.property(fc.array(character, { minLength: 1, maxLength: 400 }), fc.nat(), fc.integer({ min: 1, max: 300 }), (characters, seed, length) => {
        const line = characters.join('');
        // A place at the start of a character, as spans are.
        const index = seed % characters.length;
        const start = characters.slice(0, index).join('').length;
        const excerpt = excerptLine(line, start, start + length);
        const visible = visibleText(line);
        expect(characterAtColumn(excerpt.text, excerpt.pad)).toBe(visibleText(line.slice(start)).match(/^./u)![0]);
        expect(excerpt.carets).toBeGreaterThanOrEqual(1);
        if (displayWidth(visible) > EXCERPT_COLUMNS) {
          expect(displayWidth(excerpt.text)).toBeLessThanOrEqual(EXCERPT_COLUMNS);
          expect(excerpt.pad + excerpt.carets).toBeLessThanOrEqual(displayWidth(excerpt.text));
        } else {
          expect(excerpt.text).toBe(visible);
        }
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 2000) },
    );
  });
});
