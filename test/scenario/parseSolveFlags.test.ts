import { describe, expect, it } from 'vitest';
import { agreeUnit, parseAmountFlag, parseGrowthFlag, parseStartFlag, parseYearsFlag, type GivenAmount } from '../../src/scenario/parseSolveFlags.js';

const amount = (flag: string, text: string): GivenAmount => {
  const result = parseAmountFlag(flag, text);
  if (!result.ok) {
    throw new Error(result.error.message);
  }
  return result.value;
};

describe('solve flags', () => {
  it.each<{ text: string; value: string }>([
    { text: '238.5B', value: '238500000000' },
    { text: '$2T', value: '2000000000000' },
    { text: '91,332 BTC', value: '91332' },
    { text: '2e12', value: '2000000000000' },
  ])('--from $text is $value', ({ text, value }) => {
    expect(amount('--from', text).value.toFixed()).toBe(value);
  });

  it.each<{ text: string; value: string }>([
    { text: '26.4%', value: '0.264' },
    { text: '-74%', value: '-0.74' },
    { text: '0.05', value: '0.05' },
    { text: '-100%', value: '-1' },
  ])('--growth $text is $value', ({ text, value }) => {
    const result = parseGrowthFlag('--growth', text);
    expect(result.ok && result.value.value.toFixed()).toBe(value);
  });

  it.each<{ text: string; value: string }>([
    { text: '5', value: '5' },
    { text: '2.5', value: '2.5' },
    { text: '10.5', value: '10.5' },
    { text: '0', value: '0' },
    { text: '1000', value: '1000' },
  ])('--years $text is $value', ({ text, value }) => {
    const result = parseYearsFlag('--years', text);
    expect(result.ok && result.value.value.toFixed()).toBe(value);
  });

  it.each<{ flag: string; text: string; message: RegExp }>([
    { flag: '--from', text: '2X', message: /'2X' is not an amount/ },
    { flag: '--from', text: '-5B', message: /cannot be negative/ },
    { flag: '--growth', text: '26.4', message: /would be a rate of 2640%/ },
    { flag: '--growth', text: '-150%', message: /at least -100%/ },
    { flag: '--years', text: '-1', message: /not a number of years/ },
    { flag: '--years', text: 'five', message: /not a number of years/ },
    { flag: '--years', text: '1001', message: /from 0 to 1000/ },
    { flag: '--start', text: '20266', message: /calendar year/ },
    { flag: '--start', text: '0', message: /calendar year/ },
  ])('refuses $flag $text', ({ flag, text, message }) => {
    const parse = { '--from': parseAmountFlag, '--growth': parseGrowthFlag, '--years': parseYearsFlag, '--start': parseStartFlag }[flag]!;
    const result = parse(flag, text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.flag).toBe(flag);
    expect(!result.ok && result.error.message).toMatch(message);
  });

  it.each<{ rule: string; texts: string[]; unit: string }>([
    { rule: 'bare numbers are dollars', texts: ['238.5B', '770.6B'], unit: 'USD' },
    { rule: 'one $ makes dollars', texts: ['$238.5B', '770.6B'], unit: 'USD' },
    { rule: 'one BTC makes bitcoin', texts: ['101721', '91,332 BTC'], unit: 'BTC' },
    { rule: 'BTC on both is bitcoin', texts: ['101,721 BTC', '91,332 BTC'], unit: 'BTC' },
  ])('the unit: $rule', ({ texts, unit }) => {
    expect(agreeUnit(texts.map((text, i) => amount(i === 0 ? '--from' : '--to', text)))).toEqual({ ok: true, value: unit });
  });

  it('refuses dollars and bitcoin in one solve, naming both flags', () => {
    const result = agreeUnit([amount('--from', '$2T'), amount('--to', '5 BTC')]);
    expect(result).toMatchObject({ ok: false, error: { flag: '--to', message: "'5 BTC' is in bitcoin but --from '$2T' is in dollars" } });
  });
});
