import { describe, expect, it } from 'vitest';
import { parseAxis } from '../../src/scenario/parseAxis.js';

/** An axis as literal strings: the field, its values, what a range fell short of. */
function read(text: string): { field: string; values: string[]; marked: string[]; stopsShort: string | null } | { problem: string; hint: string | null } {
  const axis = parseAxis(text);
  if (!axis.ok) {
    return { problem: axis.error.message, hint: axis.error.hint };
  }
  const { field, values, marked, stopsShort } = axis.value;
  return {
    field,
    values: values.map((value) => value.toFixed()),
    marked: marked.map((m) => `${m.text} ${m.marker}`),
    stopsShort: stopsShort === null ? null : `${stopsShort.last.toFixed()} < ${stopsShort.end.toFixed()}`,
  };
}

const range = (field: string, values: string[], extra: { marked?: string[]; stopsShort?: string | null } = {}) => ({
  field,
  values,
  marked: extra.marked ?? [],
  stopsShort: extra.stopsShort ?? null,
});

describe('parseAxis: ranges and lists', () => {
  it.each<{ rule: string; text: string; gives: ReturnType<typeof range> }>([
    { rule: 'a range of rates counts in decimals: 0%..30%:10% is exactly 0, 0.1, 0.2, 0.3', text: 'growth=0%..30%:10%', gives: range('growth', ['0', '0.1', '0.2', '0.3']) },
    { rule: 'the end is included when a whole number of steps away', text: 'utilization=1%..3%:1%', gives: range('utilization', ['0.01', '0.02', '0.03']) },
    {
      rule: 'a range that cannot reach its end stops short, and says so',
      text: 'utilization=1%..10%:4%',
      gives: range('utilization', ['0.01', '0.05', '0.09'], { stopsShort: '0.09 < 0.1' }),
    },
    { rule: 'amounts take suffixes: 1T..3T:1T', text: 'market_cap=1T..3T:1T', gives: range('market_cap', ['1000000000000', '2000000000000', '3000000000000']) },
    { rule: 'amounts may have thousands separators in a range', text: 'tvl=90,000..92,000:1,000', gives: range('tvl', ['90000', '91000', '92000']) },
    {
      rule: 'amounts that name a unit are kept for the unit check',
      text: 'tvl=$1B..$2B:$1B',
      gives: range('tvl', ['1000000000', '2000000000'], { marked: ['$1B USD', '$2B USD', '$1B USD'] }),
    },
    { rule: 'a range of one value: start equals end', text: 'growth=5%..5%:1%', gives: range('growth', ['0.05']) },
    { rule: 'negative growth runs upwards too', text: 'growth=-20%..0%:10%', gives: range('growth', ['-0.2', '-0.1', '0']) },
    { rule: 'rates may be fractions', text: 'growth=0..0.2:0.1', gives: range('growth', ['0', '0.1', '0.2']) },
    { rule: 'years step by 1 when the step is left out', text: 'years=1..4', gives: range('years', ['1', '2', '3', '4']) },
    { rule: 'years with a step', text: 'years=0..10:5', gives: range('years', ['0', '5', '10']) },
    { rule: 'a list keeps its order', text: 'utilization=5%,1%,2.5%', gives: range('utilization', ['0.05', '0.01', '0.025']) },
    { rule: 'a list of one value', text: 'years=5', gives: range('years', ['5']) },
    { rule: 'spaces around values are ignored', text: ' growth = 1% .. 3% : 1% ', gives: range('growth', ['0.01', '0.02', '0.03']) },
    { rule: 'a field may be written with a hyphen, like its flag', text: 'market-cap=1T,2T', gives: range('market_cap', ['1000000000000', '2000000000000']) },
    { rule: 'a step of 0.01% gives 1,000 values from 0.01% to 10%', text: 'utilization=0.01%..10%:0.01%', gives: expect.objectContaining({ field: 'utilization' }) as never },
  ])('$rule', ({ text, gives }) => {
    expect(read(text)).toEqual(gives);
  });

  it('reaches 1,000 values exactly, the last one exact', () => {
    const axis = parseAxis('utilization=0.01%..10%:0.01%');
    expect(axis.ok && axis.value.values.length).toBe(1000);
    expect(axis.ok && axis.value.values.at(-1)!.toFixed()).toBe('0.1');
    expect(axis.ok && axis.value.stopsShort).toBeNull();
  });
});

describe('parseAxis: what it refuses', () => {
  it.each<{ rule: string; text: string; problem: RegExp; hint?: RegExp }>([
    { rule: 'no field', text: '1%..10%:1%', problem: /names no field/, hint: /FIELD=RANGE/ },
    { rule: 'an unknown field, with a suggestion', text: 'utilisation=1%..10%:1%', problem: /unknown field 'utilisation'/, hint: /did you mean 'utilization'/ },
    { rule: 'a field not in the grid', text: 'start=2026..2030:1', problem: /unknown field 'start'/, hint: /market_cap, tvl, utilization, growth, years/ },
    { rule: 'no values', text: 'growth=', problem: /has no values/ },
    { rule: 'a zero step', text: 'growth=0%..30%:0%', problem: /step .* must be positive/ },
    { rule: 'a negative step', text: 'growth=0%..30%:-10%', problem: /step .* must be positive/ },
    { rule: 'a negative amount step', text: 'tvl=1B..3B:-1B', problem: /step must be positive/ },
    { rule: 'an end below the start', text: 'growth=30%..0%:10%', problem: /ends below its start/, hint: /0%\.\.30%:10%/ },
    { rule: 'a missing step (but for years)', text: 'growth=0%..30%', problem: /has no step/ },
    { rule: 'an empty end', text: 'growth=0%..:10%', problem: /is not a range/ },
    { rule: 'more than 1,000 values in a range', text: 'utilization=0%..100%:0.01%', problem: /gives 10001 values; an axis takes at most 1000/ },
    { rule: 'more than 1,000 values in a list', text: `years=${Array.from({ length: 1001 }, () => '1').join(',')}`, problem: /1001 values/ },
    { rule: 'a value that is not a rate', text: 'growth=0%..abc:1%', problem: /'abc' is not a rate/ },
    { rule: 'a bare rate above 1', text: 'growth=0..26.4:1', problem: /would be a rate of 2640%/ },
    { rule: 'a utilization above 100%', text: 'utilization=1%..140%:1%', problem: /between 0% and 100% \(got 140%\)/ },
    { rule: 'a utilization below 0%', text: 'utilization=-1%,5%', problem: /between 0% and 100% \(got -1%\)/ },
    { rule: 'growth below -100%', text: 'growth=-150%..0%:50%', problem: /at least -100% \(got -150%\)/ },
    { rule: 'a negative amount', text: 'market_cap=-1T..1T:1T', problem: /cannot be negative/ },
    { rule: 'an amount that is not one', text: 'tvl=1X..2X:1X', problem: /is not an amount/ },
    { rule: 'years that are not whole', text: 'years=1.5..3', problem: /whole numbers from 0 to 200 \(got 1.5\)/ },
    { rule: 'years past 200', text: 'years=190..210:10', problem: /whole numbers from 0 to 200 \(got 210\)/ },
    { rule: 'an empty list value', text: 'utilization=1%,,2%', problem: /has an empty value/ },
    { rule: 'amounts with thousands separators in a list', text: 'tvl=1,000,2,000', problem: /'000' .* looks like part of an amount with thousands separators/, hint: /1000,2000/ },
  ])('$rule', ({ text, problem, hint }) => {
    const result = read(text);
    expect(result).toHaveProperty('problem');
    const { problem: message, hint: given } = result as { problem: string; hint: string | null };
    expect(message).toMatch(problem);
    if (hint !== undefined) {
      expect(given).toMatch(hint);
    }
  });
});
