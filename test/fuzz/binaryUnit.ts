import fc from 'fast-check';

const SURROGATES = 0xd800;
const GAP = 0xe000 - 0xd800;

/**
 * Any code point but a lone surrogate, as fc.string({ unit: 'binary' }) draws them: the same
 * values and shrinks for the same seed. fast-check builds its 'binary' unit as a table of all
 * 1.1 million code points, a second or more of every test process that uses it; this one
 * computes each code point instead. Use it as fc.string({ unit: binaryUnit }).
 */
export const binaryUnit: fc.Arbitrary<string> = fc.nat({ max: 0x10ffff - GAP }).map(
  (index) => String.fromCodePoint(index < SURROGATES ? index : index + GAP),
  (value) => {
    const point = typeof value === 'string' ? value.codePointAt(0) : undefined;
    if (point === undefined || String.fromCodePoint(point) !== value || (point >= SURROGATES && point < SURROGATES + GAP)) {
      throw new Error('not one code point');
    }
    return point < SURROGATES ? point : point - GAP;
  },
);
