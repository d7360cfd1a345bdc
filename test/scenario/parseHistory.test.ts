import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputIssue } from '../../src/core/inputIssue.js';
import { parseHistory, type HistoryColumns } from '../../src/scenario/parseHistory.js';
import { parseHistoryDate } from '../../src/scenario/parseHistoryDate.js';
import type { History } from '../../src/report/solveTypes.js';
import { REPO_ROOT } from '../helpers/runCli.js';

const fixture = (name: string): string => readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'history', name), 'utf8');

function parsed(text: string, columns: HistoryColumns = {}): History {
  const result = parseHistory(text, 'h.csv', columns);
  if (!result.ok) {
    throw new Error(`expected a history, got: ${result.error.map((issue) => issue.message).join('; ')}`);
  }
  return result.value;
}

function issues(text: string, columns: HistoryColumns = {}): InputIssue[] {
  const result = parseHistory(text, 'h.csv', columns);
  if (result.ok) {
    throw new Error('expected issues, got a history');
  }
  return result.error;
}

/** An issue as `LINE:COLUMN: message`, or `-: message` without a place. */
const brief = (issue: InputIssue): string => `${issue.span === null ? '-' : `${issue.span.line}:${issue.span.column}`}: ${issue.message}`;

describe('parseHistory', () => {
  it('reads the yearly fixture: plain years, comments skipped, columns found by name', () => {
    const history = parsed(fixture('defi-tvl-yearly.csv'));
    expect(history).toMatchObject({ dateColumn: 'year', valueColumn: 'tvl_usd', dates: 'years', unit: 'USD', spanDays: null });
    expect(history.spanYears.toFixed()).toBe('5');
    expect(history.points.map((p) => [p.line, p.label, p.years.toFixed(), p.value.toFixed()])).toEqual([
      [4, '2020', '0', '700000000'],
      [5, '2021', '1', '20000000000'],
      [6, '2022', '2', '250000000000'],
      [7, '2023', '3', '40000000000'],
      [8, '2024', '4', '55000000000'],
      [9, '2025', '5', '120000000000'],
    ]);
  });

  it('reads the dated fixture by anniversary: 1 January to 1 January is a whole year', () => {
    const history = parsed(fixture('defi-tvl-dates.csv'));
    expect(history.points.map((p) => p.years.toFixed())).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(history.spanDays?.toFixed()).toBe('1827');
    expect(history).toMatchObject({ dayCount: 'anniversary', anniversary: { wholeYears: 5 } });
    expect(history.spanYears.toFixed()).toBe('5');
  });

  it('reads the dated fixture: newest first is put in time order, quoted $ amounts, days / 365.25', () => {
    const history = parsed(fixture('defi-tvl-dates.csv'), { dayCount: 'actual/365.25' });
    expect(history).toMatchObject({ dateColumn: 'date', valueColumn: 'tvl', dates: 'dates', unit: 'USD' });
    expect(history.points.map((p) => p.label)).toEqual(['2020-01-01', '2021-01-01', '2022-01-01', '2023-01-01', '2024-01-01', '2025-01-01']);
    expect(history.points[1]!.years.toFixed()).toBe('1.002053388090349075975359342915811088296');
    expect(history.spanDays?.toFixed()).toBe('1827');
    // Python: Decimal(1827) / Decimal('365.25') = 5.0020533880903490759753593429158110882956878850103
    expect(history.spanYears.toFixed()).toBe('5.002053388090349075975359342915811088296');
  });

  it('reports every bad row of the bad fixture at its line and cell', () => {
    expect(issues(fixture('defi-tvl-bad.csv')).map(brief)).toEqual([
      "4:1: '20x1' is not a year or an ISO date",
      "5:6: 'lots' is not an amount",
      '6:6: a value must be above zero for the log fit (got -40000000000)',
      '7:6: a value must be above zero for the log fit (got 0)',
      "8:1: '2024-06-30' is a date but line 3 holds a plain year",
      "9:1: '2020' comes again (first on line 3)",
      "10:1: the row has no 'tvl_usd' cell (1 of 2 cells)",
      "11:6: '1,20,000' has misplaced thousands separators",
    ]);
  });

  it('names the file in every issue and keeps the text of the line for the excerpt', () => {
    const [first] = issues('year,value\n2020,1\n2021,x\n');
    expect(first).toMatchObject({ file: 'h.csv', span: { line: 3, column: 6, length: 1, lineText: '2021,x' } });
  });

  it.each<{ rule: string; text: string; columns?: HistoryColumns; gives: string[] }>([
    { rule: 'an empty file', text: '', gives: ['-: the file holds no rows'] },
    { rule: 'a header alone', text: 'date,value\n', gives: ['-: the history holds no rows of data; a growth rate needs at least 2'] },
    { rule: 'one row of data', text: 'date,value\n2020,1\n', gives: ['-: the history holds one row of data; a growth rate needs at least 2'] },
    { rule: 'a first row of data instead of a header', text: '2020,1\n2021,2\n', gives: ['1:1: the first row holds data, not the names of the columns'] },
    { rule: 'an unknown --value-column', text: 'date,value\n2020,1\n2021,2\n', columns: { valueColumn: 'tvl' }, gives: ["1:1: no column named 'tvl' (--value-column)"] },
    { rule: 'an unknown --date-column', text: 'day,value\n2020,1\n2021,2\n', columns: { dateColumn: 'date' }, gives: ["1:1: no column named 'date' (--date-column)"] },
    { rule: 'three columns and none named like a value', text: 'date,a,b\n2020,1,2\n2021,2,3\n', gives: ['1:1: which column holds the values? 2 could'] },
    { rule: 'an unclosed quote', text: 'date,value\n2020,"1\n2021,2\n', gives: ['2:1: not valid CSV: this quote is never closed'] },
    { rule: 'an empty value', text: 'date,value\n2020,\n2021,2\n', gives: ['2:6: the value is empty'] },
    { rule: 'a date not in the calendar', text: 'date,value\n2023-02-29,1\n2024-02-29,2\n', gives: ["2:1: '2023-02-29' is not a date of the calendar"] },
    { rule: 'a day-first date', text: 'date,value\n31/12/2023,1\n2024-12-31,2\n', gives: ["2:1: '31/12/2023' is not a year or an ISO date"] },
    { rule: 'dollars and bitcoin in one column', text: 'date,value\n2020,$5\n2021,5 BTC\n', gives: ["3:6: '5 BTC' is in bitcoin but line 2 is in dollars"] },
    { rule: 'the same date twice', text: 'date,value\n2020-01-01,1\n2020-01-01T00:00Z,2\n', gives: ["3:1: '2020-01-01T00:00Z' comes again (first on line 2)"] },
  ])('refuses $rule', ({ text, columns, gives }) => {
    expect(issues(text, columns).map(brief)).toEqual(gives);
  });

  it.each<{ rule: string; text: string; columns?: HistoryColumns; dateColumn: string; valueColumn: string; unit: string; span: string }>([
    { rule: 'columns named with flags, in any case', text: 'When,Protocols,TVL USD\n2020,1,100\n2022,1,121\n', columns: { dateColumn: 'when', valueColumn: 'tvl usd' }, dateColumn: 'When', valueColumn: 'TVL USD', unit: 'USD', span: '2' },
    { rule: 'a value column found by its name among three', text: 'date,protocols,tvl\n2020,1,100\n2022,1,121\n', dateColumn: 'date', valueColumn: 'tvl', unit: 'USD', span: '2' },
    { rule: 'the first column as dates when none is named like one', text: 'x,y\n2020,1\n2021,2\n', dateColumn: 'x', valueColumn: 'y', unit: 'USD', span: '1' },
    { rule: 'amounts in bitcoin', text: 'year,btc\n2024,"101,721 BTC"\n2025,91332\n', dateColumn: 'year', valueColumn: 'btc', unit: 'BTC', span: '1' },
    { rule: 'a byte order mark, CRLF line ends and blank lines', text: '\uFEFFdate,value\r\n2020,1\r\n\r\n2021,2\r\n', dateColumn: 'date', valueColumn: 'value', unit: 'USD', span: '1' },
    { rule: 'suffixed amounts and spaces around cells', text: 'date , value\n 2020 , 238.5B \n2025,770.6B\n', dateColumn: 'date', valueColumn: 'value', unit: 'USD', span: '5' },
    { rule: 'a row of empty cells is skipped', text: 'date,value\n2020,1\n,\n2021,2\n', dateColumn: 'date', valueColumn: 'value', unit: 'USD', span: '1' },
    // Python: Decimal('5.5') / 366 (2024 is a leap year) = 0.015027322404371584699453551912568306010928961748634
    { rule: 'times of day and zones: 14:00 at +02:00 five days on is 5.5 days of 366', text: 'time,value\n2024-01-01T00:00Z,1\n2024-01-06T14:00+02:00,2\n', dateColumn: 'time', valueColumn: 'value', unit: 'USD', span: '0.01502732240437158469945355191256830601093' },
    { rule: 'times of day and zones, counted actual/365.25', text: 'time,value\n2024-01-01T00:00Z,1\n2024-01-06T14:00+02:00,2\n', columns: { dayCount: 'actual/365.25' }, dateColumn: 'time', valueColumn: 'value', unit: 'USD', span: '0.01505817932922655715263518138261464750171' },
  ])('accepts $rule', ({ text, columns, dateColumn, valueColumn, unit, span }) => {
    const history = parsed(text, columns);
    expect(history).toMatchObject({ dateColumn, valueColumn, unit });
    expect(history.spanYears.toFixed()).toBe(span);
  });

  it('gives each row the line it starts on, after a quoted cell that spans lines', () => {
    const history = parsed('date,value,note\n2020,1,"two\nlines"\n2021,2,x\n');
    expect(history.points.map((p) => p.line)).toEqual([2, 4]);
  });
});

describe('parseHistoryDate', () => {
  it.each<{ text: string; gives: unknown }>([
    { text: '2024', gives: { kind: 'years', year: 2024 } },
    { text: ' 2024 ', gives: { kind: 'years', year: 2024 } },
    { text: '1970-01-02', gives: { kind: 'dates', epochMs: 86_400_000 } },
    { text: '1970-01-01T01:00', gives: { kind: 'dates', epochMs: 3_600_000 } },
    { text: '1970-01-01 01:00:00.5Z', gives: { kind: 'dates', epochMs: 3_600_500 } },
    { text: '1970-01-01T01:00+01:00', gives: { kind: 'dates', epochMs: 0 } },
    { text: '1970-01-01T00:00-0130', gives: { kind: 'dates', epochMs: 5_400_000 } },
    { text: '2024-02-29', gives: { kind: 'dates', epochMs: Date.UTC(2024, 1, 29) } },
  ])('reads $text', ({ text, gives }) => {
    expect(parseHistoryDate(text)).toEqual({ ok: true, value: gives });
  });

  it.each(['', '24', '2024-1-5', '2024/01/05', '2023-02-29', '2024-13-01', '2024-01-01T24:00', 'Jan 2024', '1.5e3'])('refuses %j', (text) => {
    expect(parseHistoryDate(text).ok).toBe(false);
  });
});
