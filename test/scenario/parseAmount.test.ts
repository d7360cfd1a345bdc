import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AMOUNT_HINT, parseAmount, type Amount, type TextProblem } from '../../src/scenario/parseAmount.js';

/** The amount read from text, or a failure naming the problem. */
function accepted(text: string): Amount {
  const result = parseAmount(text);
  if (!result.ok) {
    throw new Error(`expected '${text}' to be an amount, got: ${result.error.message}`);
  }
  return result.value;
}

function rejected(text: string): TextProblem {
  const result = parseAmount(text);
  if (result.ok) {
    throw new Error(`expected '${text}' to be refused, got ${result.value.value.toFixed()}`);
  }
  return result.error;
}

describe('parseAmount accepts', () => {
  it.each<{ rule: string; text: string; value: string; marker: 'USD' | 'BTC' | null }>([
    { rule: 'T is a trillion', text: '2T', value: '2000000000000', marker: null },
    { rule: 'a suffix may be lower case', text: '2t', value: '2000000000000', marker: null },
    { rule: 'B is a billion, and $ marks dollars', text: '$238.5B', value: '238500000000', marker: 'USD' },
    { rule: 'b is a billion', text: '238.5b', value: '238500000000', marker: null },
    { rule: 'M is a million', text: '400M', value: '400000000', marker: null },
    { rule: 'm is a million', text: '1.25m', value: '1250000', marker: null },
    { rule: 'K is a thousand', text: '1.5K', value: '1500', marker: null },
    { rule: 'k is a thousand', text: '1.5k', value: '1500', marker: null },
    { rule: 'thousands separators group in threes', text: '2,000,000,000,000', value: '2000000000000', marker: null },
    { rule: 'a grouped number may have decimals', text: '1,000.5', value: '1000.5', marker: null },
    { rule: 'an exponent scales by a power of ten', text: '2e12', value: '2000000000000', marker: null },
    { rule: 'the exponent mark may be upper case', text: '2E12', value: '2000000000000', marker: null },
    { rule: 'an exponent may be negative', text: '2.5e-3', value: '0.0025', marker: null },
    { rule: 'an exponent and a suffix multiply', text: '2e3M', value: '2000000000', marker: null },
    { rule: 'a BTC suffix marks bitcoin', text: '91,332 BTC', value: '91332', marker: 'BTC' },
    { rule: 'btc may be lower case and follow the digits', text: '91332btc', value: '91332', marker: 'BTC' },
    { rule: 'a USD suffix marks dollars', text: '100 USD', value: '100', marker: 'USD' },
    { rule: 'usd may be lower case', text: '100 usd', value: '100', marker: 'USD' },
    { rule: '$ and USD together are still dollars', text: '$100 USD', value: '100', marker: 'USD' },
    { rule: 'a suffix may come before a unit', text: '2T USD', value: '2000000000000', marker: 'USD' },
    { rule: '$ may be followed by a space', text: '$ 5', value: '5', marker: 'USD' },
    { rule: 'a leading point is a fraction', text: '.5', value: '0.5', marker: null },
    { rule: 'zero is an amount', text: '0', value: '0', marker: null },
    { rule: 'every digit is kept', text: '12345678901234567891.25', value: '12345678901234567891.25', marker: null },
    { rule: 'amounts go up to 1e36', text: '1e36', value: '1000000000000000000000000000000000000', marker: null },
  ])('$rule: $text', ({ text, value, marker }) => {
    const amount = accepted(text);
    expect(amount.value.toFixed()).toBe(value);
    expect(amount.marker).toBe(marker);
    expect(amount.text).toBe(text);
  });

  it('trims the text around an amount, and keeps the trimmed text', () => {
    const amount = accepted('  7B \n');
    expect(amount.value.toFixed()).toBe('7000000000');
    expect(amount.text).toBe('7B');
  });
});

describe('parseAmount refuses', () => {
  it.each<{ rule: string; text: string; message: RegExp; hint: RegExp | null }>([
    { rule: 'an unknown suffix', text: '$2X', message: /'\$2X' is not an amount/, hint: /2T.*\$238\.5B/ },
    { rule: 'an exponent without digits', text: '1e', message: /'1e' is not an amount/, hint: /suffix/ },
    { rule: 'a double minus', text: '--5', message: /'--5' is not an amount/, hint: /suffix/ },
    { rule: 'words', text: 'lots', message: /'lots' is not an amount/, hint: /suffix/ },
    { rule: 'an empty text', text: '', message: /is not an amount/, hint: /suffix/ },
    { rule: 'a percentage', text: '5%', message: /'5%' is not an amount/, hint: /suffix/ },
    { rule: 'two suffixes', text: '2TB', message: /'2TB' is not an amount/, hint: /suffix/ },
    { rule: 'a unit before the number', text: 'USD 100', message: /not an amount/, hint: /suffix/ },
    { rule: 'a group of two digits', text: '1,00', message: /misplaced thousands separators/, hint: /threes/ },
    { rule: 'groups of two digits (Indian grouping)', text: '12,34,567', message: /misplaced thousands separators/, hint: /threes/ },
    { rule: 'a first group of four digits', text: '2000,000', message: /misplaced thousands separators/, hint: /threes/ },
    { rule: 'a negative number', text: '-5', message: /cannot be negative/, hint: null },
    { rule: 'a negative number with a suffix and $', text: '-$238.5B', message: /cannot be negative.*-\$238\.5B/, hint: null },
    { rule: 'a negative number written with a space', text: '- 2T', message: /cannot be negative/, hint: null },
    { rule: 'both $ and BTC', text: '$5 BTC', message: /both dollars and BTC/, hint: null },
    { rule: 'an amount above 1e36', text: '1e37', message: /too large.*1e36/, hint: null },
    { rule: 'an amount above 1e36 by a suffix', text: '1e25T', message: /too large/, hint: null },
  ])('$rule: $text', ({ text, message, hint }) => {
    const problem = rejected(text);
    expect(problem.message).toMatch(message);
    if (hint === null) {
      expect(problem.hint).toBeNull();
    } else {
      expect(problem.hint).toMatch(hint);
    }
  });

  it('gives the one amount hint for text that is not an amount', () => {
    expect(rejected('$2X').hint).toBe(AMOUNT_HINT);
  });
});

describe('properties', () => {
  const suffixes = fc.constantFrom(['', 0], ['K', 3], ['k', 3], ['M', 6], ['m', 6], ['B', 9], ['b', 9], ['T', 12], ['t', 12]) as fc.Arbitrary<[string, number]>;

  it('a suffix multiplies by its power of ten', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 4 }), suffixes, (n, scale, [suffix, power]) => {
        const digits = scale === 0 ? String(n) : `${Math.floor(n / 10 ** scale)}.${String(n % 10 ** scale).padStart(scale, '0')}`;
        const expected = accepted(digits).value.times(`1e${power}`);
        expect(accepted(`${digits}${suffix}`).value.toFixed()).toBe(expected.toFixed());
      }),
    );
  });

  it('a number grouped in threes reads as the number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (n) => {
        const grouped = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        expect(accepted(grouped).value.toFixed()).toBe(n.toString());
      }),
    );
  });

  it('the negative of any accepted amount above zero is refused as negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), suffixes, fc.constantFrom('', '$', ' BTC', ' USD'), (n, [suffix], unit) => {
        const text = unit === '$' ? `$${n}${suffix}` : `${n}${suffix}${unit}`;
        expect(accepted(text).value.gt(0)).toBe(true);
        expect(rejected(`-${text}`).message).toMatch(/cannot be negative/);
      }),
    );
  });
});
