import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centreWithin, fitText, textWidth, wrapText } from '../../../src/render/svg/svgText.js';

/**
 * DejaVu Sans 2.37 (Debian's fonts-dejavu-core), the widest common default sans-serif: the advance
 * width of each character of CHARACTERS in font units, 2048 to the em, as its hmtx table gives them
 * (glyph by the cmap) in /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf and DejaVuSans-Bold.ttf.
 */
const CHARACTERS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~·…';
const UNITS_PER_EM = 2048;
// prettier-ignore
const DEJAVU_SANS = [
  651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303,
  690, 690, 1716, 1716, 1716, 1087, 2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612, 1235, 1612, 1423,
  1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186,
  569, 1995, 1298, 1253, 1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716, 651, 2048,
];
// prettier-ignore
const DEJAVU_SANS_BOLD = [
  713, 934, 1067, 1716, 1425, 2052, 1786, 627, 936, 936, 1071, 1716, 778, 850, 778, 748, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425,
  819, 819, 1716, 1716, 1716, 1188, 2048, 1585, 1561, 1503, 1700, 1399, 1399, 1681, 1714, 762, 762, 1587, 1305, 2038, 1714, 1741, 1501, 1741, 1577,
  1475, 1397, 1663, 1585, 2259, 1579, 1483, 1485, 936, 748, 936, 1716, 1024, 1024, 1382, 1466, 1214, 1466, 1389, 891, 1466, 1458, 702, 702, 1362,
  702, 2134, 1458, 1407, 1466, 1466, 1010, 1219, 979, 1458, 1335, 1892, 1321, 1335, 1192, 1458, 748, 1458, 1716, 778, 2048,
];

/** The width of a text set in DejaVu Sans at `size` pixels, without kerning. */
function dejaVuWidth(text: string, size: number, units: readonly number[]): number {
  let total = 0;
  for (const character of text) {
    const at = CHARACTERS.indexOf(character);
    expect(at, `no DejaVu width for ${JSON.stringify(character)}`).not.toBe(-1);
    total += units[at]!;
  }
  return (total / UNITS_PER_EM) * size;
}

describe('textWidth', () => {
  it('holds the advance widths of DejaVu Sans for the whole table', () => {
    expect([CHARACTERS.length, DEJAVU_SANS.length, DEJAVU_SANS_BOLD.length]).toEqual([97, 97, 97]);
  });

  it.each([...CHARACTERS])('is never below DejaVu Sans for %j, regular and bold', (character) => {
    expect(textWidth(character, 100)).toBeGreaterThanOrEqual(dejaVuWidth(character, 100, DEJAVU_SANS));
    expect(textWidth(character, 100, 'bold')).toBeGreaterThanOrEqual(dejaVuWidth(character, 100, DEJAVU_SANS_BOLD));
  });

  it.each([
    // A tick label that ran 2 px past the right edge of a chart when digits were taken for 0.56 em.
    ['$800B', 11],
    ['$1,234,567,890', 11],
    ['WWW mmm MMM www', 12],
    ['TVL in 2031 over 2,000 paths · rounded', 12],
    ['<img src=x onerror=alert(1)> & <script>alert(2)</script>', 16],
    ['Target (bull, base) $1.5T', 11],
  ] as const)('covers DejaVu Sans for %j at %i px, and is at most a sixth wider', (text, size) => {
    for (const [weight, units] of [
      ['normal', DEJAVU_SANS],
      ['bold', DEJAVU_SANS_BOLD],
    ] as const) {
      const font = dejaVuWidth(text, size, units);
      expect(textWidth(text, size, weight)).toBeGreaterThanOrEqual(font);
      expect(textWidth(text, size, weight)).toBeLessThan(font * (7 / 6));
    }
  });

  it('measures a text as drawn: controls as their escapes, a wide character as two columns', () => {
    expect(textWidth('\u001b[31mred\u202e', 11)).toBe(textWidth('\\x1b[31mred\\u202e', 11));
    expect(textWidth('目标', 10)).toBe(2 * textWidth('00', 10));
    expect(textWidth('😀', 10)).toBe(textWidth('目', 10));
  });

  it('scales with the size', () => {
    expect(textWidth('$800B', 22)).toBeCloseTo(2 * textWidth('$800B', 11), 10);
  });
});

describe('fitText and wrapText', () => {
  const text = fc.string({ unit: fc.constantFrom(...'aW $.0 ·目\u001b'), maxLength: 60 });

  it('fitText: the text itself when it fits, else a cut ending in … that fits', () => {
    expect(fitText('$800B', 100, 11)).toBe('$800B');
    expect(fitText('WWWWWWWWWW', 60, 11)).toBe('WWWW…');
    fc.assert(
      fc.property(text, fc.integer({ min: 20, max: 400 }), fc.constantFrom('normal', 'bold'), (each, width, weight) => {
        const fitted = fitText(each, width, 11, weight);
        expect(fitted === each || (fitted.endsWith('…') && each.startsWith(fitted.slice(0, -1)))).toBe(true);
        expect(textWidth(fitted, 11, weight)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('fitText cuts a bold text sooner: bold is wider', () => {
    const title = 'Bitcoin DeFi TVL, 2026 to 2031: three cases';
    const width = textWidth(title, 16) - 1;
    expect(fitText(title, width, 16, 'bold').length).toBeLessThan(fitText(title, width, 16).length);
  });

  it('wrapText: at most `most` lines, each within the width', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 20, max: 400 }), fc.integer({ min: 1, max: 3 }), (each, width, most) => {
        const lines = wrapText(each, width, 16, most, 'bold');
        expect(lines.length).toBeLessThanOrEqual(most);
        for (const line of lines) {
          expect(textWidth(line, 16, 'bold')).toBeLessThanOrEqual(width);
        }
      }),
    );
  });
});

describe('centreWithin', () => {
  it('moves a centred label in from the edges of the chart, and leaves one inside it where it is', () => {
    const half = textWidth('$800B', 11) / 2;
    expect(centreWithin(704, '$800B', 11, 720)).toBe(720 - 4 - half);
    expect(centreWithin(2, '$800B', 11, 720)).toBe(4 + half);
    expect(centreWithin(360, '$800B', 11, 720)).toBe(360);
  });
});
