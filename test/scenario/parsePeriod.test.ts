import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/engine/index.js';
import { parsePeriod } from '../../src/scenario/parsePeriod.js';

const read = (text: string, start: number | null, step: Step): string => {
  const result = parsePeriod(text, start, step);
  return result.ok ? `year ${result.value.year}, subperiod ${result.value.subperiod}` : `problem: ${result.error.message} (hint: ${result.error.hint})`;
};

describe('parsePeriod', () => {
  it.each<{ rule: string; text: string; start: number | null; step: Step; gives: string }>([
    { rule: 'a calendar year counts from the start year', text: '2031', start: 2026, step: 'year', gives: 'year 5, subperiod 0' },
    { rule: 'the start year is the first period', text: '2026', start: 2026, step: 'year', gives: 'year 0, subperiod 0' },
    { rule: 'an offset counts from the first period', text: '+5', start: null, step: 'year', gives: 'year 5, subperiod 0' },
    { rule: 'an offset works with a start year too', text: '+2', start: 2026, step: 'year', gives: 'year 2, subperiod 0' },
    { rule: 'a quarter', text: '2027-Q3', start: 2026, step: 'quarter', gives: 'year 1, subperiod 2' },
    { rule: 'a quarter counted from the first period', text: '+1-Q3', start: null, step: 'quarter', gives: 'year 1, subperiod 2' },
    { rule: 'a month', text: '2026-07', start: 2026, step: 'month', gives: 'year 0, subperiod 6' },
    { rule: 'a month counted from the first period', text: '+2-12', start: null, step: 'month', gives: 'year 2, subperiod 11' },
    { rule: 'q may be lower case', text: '2027-q1', start: 2026, step: 'quarter', gives: 'year 1, subperiod 0' },
    {
      rule: 'a calendar year needs a start year',
      text: '2031',
      start: null,
      step: 'year',
      gives: "problem: '2031' is a calendar year, but the scenario has no start year (hint: its periods count from the first: write +5)",
    },
    { rule: 'a year before the start', text: '2025', start: 2026, step: 'year', gives: 'problem: 2025 is before the first period (2026) (hint: null)' },
    {
      rule: 'a quarter of a yearly scenario',
      text: '2026-Q1',
      start: 2026,
      step: 'year',
      gives: "problem: '2026-Q1' names part of a year, but the scenario's periods are years (hint: write 2026)",
    },
    {
      rule: 'a year of a quarterly scenario',
      text: '2028',
      start: 2026,
      step: 'quarter',
      gives: "problem: '2028' names no quarter, and the scenario's periods are quarters (hint: write 2028-Q1)",
    },
    { rule: 'a month of a quarterly scenario', text: '2028-03', start: 2026, step: 'quarter', gives: "problem: '2028-03' names no quarter, and the scenario's periods are quarters (hint: write 2028-Q1)" },
    { rule: 'not a period', text: 'last', start: 2026, step: 'month', gives: "problem: 'last' is not a period (hint: write a period as the output labels it, like 2031-01)" },
    { rule: 'month 13', text: '2026-13', start: 2026, step: 'month', gives: "problem: '2026-13' is not a period (hint: write a period as the output labels it, like 2031-01)" },
  ])('$rule', ({ text, start, step, gives }) => {
    expect(read(text, start, step)).toBe(gives);
  });
});
