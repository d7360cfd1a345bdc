import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitColumns } from '../../src/render/layoutTable.js';
import { wrapText } from '../../src/render/wrapText.js';
import { displayWidth } from '../../src/render/displayWidth.js';

describe('wrapText', () => {
  it.each([
    ['fits: one line', 'a b c', 10, '', ['a b c']],
    ['no width: one line', 'a b c d e f', null, '', ['a b c d e f']],
    ['breaks at the last space that fits', 'aaa bbb ccc', 7, '', ['aaa bbb', 'ccc']],
    ['indents the lines after the first', 'aaa bbb ccc', 7, '  ', ['aaa bbb', '  ccc']],
    ['a word wider than the width has its own line, never cut', 'a 0123456789 b', 5, '', ['a', '0123456789', 'b']],
    ['a word that fits only without the indent starts at the margin', 'label 0123456789', 12, '      ', ['label', '0123456789']],
    ['counts wide characters as two columns', '目标 目标 目标', 9, '', ['目标 目标', '目标']],
    ['colour codes take no room', '\u001b[1mab\u001b[22m cd', 5, '', ['\u001b[1mab\u001b[22m cd']],
  ] as const)('%s', (_rule, text, width, indent, lines) => {
    expect(wrapText(text, width, indent)).toEqual(lines);
  });

  describe('properties', () => {
    it('keeps every word in order, and a line is wider than the width only when it is one word', () => {
      const word = fc.stringMatching(/^[a-z]{1,12}$/);
      fc.assert(
        fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (words, width) => {
          const lines = wrapText(words.join(' '), width, '  ');
          expect(lines.join(' ').split(' ').filter((w) => w !== '')).toEqual(words);
          for (const line of lines) {
            expect(displayWidth(line) <= width || line.trim().split(' ').length === 1).toBe(true);
          }
        }),
      );
    });
  });
});

describe('fitColumns', () => {
  it.each([
    ['everything fits: one block', [6, 10, 10], 80, undefined, [[1, 2]]],
    ['no width: one block', [6, 50, 50, 50], null, undefined, [[1, 2, 3]]],
    ['a block per width, each repeating the first column', [6, 10, 10, 10], 30, undefined, [[1, 2], [3]]],
    ['a unit stays together when it fits a block', [6, 10, 10, 10], 40, [[1], [2, 3]], [[1], [2, 3]]],
    ['a unit too wide for any block is split column by column', [6, 20, 20, 20], 30, [[1, 2, 3]], [[1], [2], [3]]],
    ['a column wider than the width has a block of its own', [6, 5, 100, 5], 30, undefined, [[1], [2], [3]]],
  ] as const)('%s', (_rule, widths, width, units, blocks) => {
    expect(fitColumns(widths, width, units)).toEqual(blocks);
  });

  describe('properties', () => {
    it('every column in one block, in order; a block wider than the width holds one column', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 20 }), fc.integer({ min: 20, max: 120 }), (widths, width) => {
          const blocks = fitColumns(widths, width);
          expect(blocks.flat()).toEqual(widths.slice(1).map((_, j) => j + 1));
          for (const block of blocks) {
            const total = block.reduce((sum, j) => sum + 2 + widths[j]!, widths[0]!);
            expect(total <= width || block.length === 1).toBe(true);
          }
        }),
      );
    });
  });
});
