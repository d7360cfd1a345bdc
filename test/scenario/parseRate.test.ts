import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/index.js';
import type { TextProblem } from '../../src/scenario/parseAmount.js';
import { parseRate, type Rate } from '../../src/scenario/parseRate.js';

function accepted(text: string): Rate {
  const result = parseRate(text);
  if (!result.ok) {
    throw new Error(`expected '${text}' to be a rate, got: ${result.error.message}`);
  }
  return result.value;
}

function rejected(text: string): TextProblem {
  const result = parseRate(text);
  if (result.ok) {
    throw new Error(`expected '${text}' to be refused, got ${result.value.value.toFixed()}`);
  }
  return result.error;
}

/** A decimal's text from an integer and a scale: (1234, 2) is 12.34, (-5, 0) is -5. */
function decimalText(n: number, scale: number): string {
  return new D(`${n}e-${scale}`).toFixed();
}

describe('parseRate accepts', () => {
  it.each<{ rule: string; text: string; value: string }>([
    { rule: 'a percentage is a hundredth', text: '5%', value: '0.05' },
    { rule: 'a percentage may be negative', text: '-74%', value: '-0.74' },
    { rule: 'a percentage may carry a plus sign', text: '+5%', value: '0.05' },
    { rule: 'a space may come before %', text: '5 %', value: '0.05' },
    { rule: 'a leading point is a fraction of a percent', text: '.5%', value: '0.005' },
    { rule: 'zero percent', text: '0%', value: '0' },
    { rule: '-100% is minus everything', text: '-100%', value: '-1' },
    { rule: 'a percentage may have many decimals', text: '26.435236211558297%', value: '0.26435236211558297' },
    {
      rule: 'a percentage keeps 40 significant digits',
      text: '-10.21323030642640162798242250862653729318%',
      value: '-0.1021323030642640162798242250862653729318',
    },
    { rule: 'a percentage may have an exponent', text: '1e3%', value: '10' },
    { rule: 'rates go up to 100000%', text: '100000%', value: '1000' },
    { rule: 'a bare number is a fraction', text: '0.05', value: '0.05' },
    { rule: 'a bare fraction may be negative', text: '-0.74', value: '-0.74' },
    { rule: 'a bare 1 is 100%', text: '1', value: '1' },
    { rule: 'a bare -1 is -100%', text: '-1', value: '-1' },
    { rule: 'a bare fraction may have an exponent', text: '5e-1', value: '0.5' },
    { rule: 'a bare fraction may start with a point', text: '.05', value: '0.05' },
  ])('$rule: $text', ({ text, value }) => {
    const rate = accepted(text);
    expect(rate.value.toFixed()).toBe(value);
    expect(rate.text).toBe(text);
  });

  it('trims the text around a rate, and keeps the trimmed text', () => {
    const rate = accepted('  26.4%\t');
    expect(rate.value.toFixed()).toBe('0.264');
    expect(rate.text).toBe('26.4%');
  });
});

describe('parseRate refuses', () => {
  it.each<{ rule: string; text: string; message: RegExp; hint: RegExp | null }>([
    { rule: 'a bare number above 1, suggesting %', text: '26.4', message: /'26\.4' would be a rate of 2640%/, hint: /26\.4%/ },
    { rule: 'a bare 1.5, suggesting 1.5%', text: '1.5', message: /150%/, hint: /1\.5%/ },
    { rule: 'a bare number below -1, suggesting %', text: '-74', message: /-7400%/, hint: /-74%/ },
    { rule: 'a bare exponent above 1', text: '5e1', message: /5000%/, hint: /5e1%/ },
    { rule: 'words', text: 'five', message: /'five' is not a rate/, hint: /5%.*0\.05/ },
    { rule: 'a lone %', text: '%', message: /is not a rate/, hint: /5%/ },
    { rule: 'an empty text', text: '', message: /is not a rate/, hint: /5%/ },
    { rule: 'two percent signs', text: '5%%', message: /is not a rate/, hint: /5%/ },
    { rule: 'a double minus', text: '--5%', message: /is not a rate/, hint: /5%/ },
    { rule: 'a percent word', text: '5 percent', message: /is not a rate/, hint: /5%/ },
    { rule: 'thousands separators', text: '1,000%', message: /is not a rate/, hint: /5%/ },
    { rule: 'a rate above 100000%', text: '100001%', message: /too large.*100000%/, hint: null },
    { rule: 'a rate below -100000%', text: '-100001%', message: /too large/, hint: null },
  ])('$rule: $text', ({ text, message, hint }) => {
    const problem = rejected(text);
    expect(problem.message).toMatch(message);
    if (hint === null) {
      expect(problem.hint).toBeNull();
    } else {
      expect(problem.hint).toMatch(hint);
    }
  });

  it('says a bare number is a fraction', () => {
    expect(rejected('26.4').hint).toMatch(/fraction.*0\.05 is 5%/);
  });
});

describe('properties', () => {
  const signedDecimal = fc.tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 0, max: 5 }));

  it('x% is x / 100', () => {
    fc.assert(
      fc.property(signedDecimal, ([n, scale]) => {
        const text = decimalText(n, scale);
        expect(accepted(`${text}%`).value.toFixed()).toBe(new D(text).div(100).toFixed());
      }),
    );
  });

  it('a bare number from -1 to 1 is itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        const text = decimalText(n, 5);
        expect(accepted(text).value.toFixed()).toBe(text);
      }),
    );
  });

  it('a bare number beyond ±1 is refused with a hint to write it with %', () => {
    fc.assert(
      fc.property(signedDecimal, ([n, scale]) => {
        const text = decimalText(n, scale);
        fc.pre(new D(text).abs().gt(1));
        const problem = rejected(text);
        expect(problem.hint).toContain(`${text}%`);
        expect(accepted(`${text}%`).value.toFixed()).toBe(new D(text).div(100).toFixed());
      }),
    );
  });
});
