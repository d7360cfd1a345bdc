import { CsvError, parse } from 'csv-parse/sync';
import { D } from '../engine/decimal.js';
import type { InputIssue, SourceSpan } from '../core/inputIssue.js';
import { parseAmount } from './parseAmount.js';
import type { Unit } from '../core/unit.js';
import { err, ok, type Result } from '../core/result.js';
import { DATE_HINT, parseHistoryDate, type HistoryDate } from './parseHistoryDate.js';
import { MIN_GROWTH_YEARS } from './parseSolveFlags.js';
import { quoted, shown } from '../core/visibleText.js';
import { anniversarySpan, yearsBetween, type AnniversarySpan, type DayCount } from './dayCount.js';

export interface HistoryColumns {
  /** The header of the date column (any case); by default the one named like a date or year, else the first. */
  readonly dateColumn?: string | undefined;
  /** The header of the value column (any case); by default the other column of two, or the one named like a value or TVL. */
  readonly valueColumn?: string | undefined;
  /** How dates become years (see dayCount.ts); anniversary unless told. Plain years are their difference either way. */
  readonly dayCount?: DayCount | undefined;
}

/** Rows of data a history may hold: a daily series over 270 years. */
export const MAX_HISTORY_ROWS = 100_000;

const MS_PER_DAY = new D(86_400_000);
const DAYS_PER_YEAR = new D('365.25');
const DATE_NAME = /date|year|time|day|period|month/i;
const VALUE_NAME = /value|tvl|amount|total|usd|btc/i;
const VALUE_HINT = 'write a positive amount like 238500000000, 238.5B, $238.5B or 91,332 BTC';
const NOT_POSITIVE_HINT = 'leave out the row, or pick another column with --value-column';

interface Row {
  readonly fields: readonly string[];
  /** The line the record starts on, as in the file (the first line is 1). */
  readonly line: number;
}

/** One dated value of a history file, in time order. */
export interface HistoryPoint {
  /** The line of the file it came from (the header is line 1). */
  readonly line: number;
  /** The date or year as written. */
  readonly label: string;
  /** Years since the first point: by the day count for dates, the difference for plain years. */
  readonly years: D;
  readonly value: D;
}

/** A parsed history file: at least two points with positive values, at distinct times, in time order. */
export interface History {
  readonly file: string;
  readonly dateColumn: string;
  readonly valueColumn: string;
  /** Whether the dates are plain years (2024) or ISO dates (2024-12-31). */
  readonly dates: 'years' | 'dates';
  readonly unit: Unit;
  readonly points: readonly HistoryPoint[];
  /** Days from the first date to the last, or null for plain years. */
  readonly spanDays: D | null;
  /** How the dates were counted in years, or null for plain years. */
  readonly dayCount: DayCount | null;
  /** With the anniversary count: the whole years and the days left over; else null. */
  readonly anniversary: AnniversarySpan | null;
  readonly spanYears: D;
}

type IssueAt = (line: number | null, message: string, hint: string | null, cell?: { row: Row; index: number }) => InputIssue;

/** A row of data that read: its date, and its value with the unit it names. */
interface ParsedRow {
  readonly row: Row;
  readonly date: HistoryDate;
  readonly value: D;
  readonly marker: Unit | null;
}

/** The header's names, where the date and value columns are, and the rows of data. */
interface Table {
  readonly headers: readonly string[];
  readonly dateIndex: number;
  readonly valueIndex: number;
  readonly data: readonly Row[];
}

/**
 * Reads a history CSV: a header row, then one row per date with a date (a year or an ISO date)
 * and a positive value. Lines starting with # are comments; blank lines are skipped. Every bad
 * row is reported, each at its line and cell. Pure: the text comes in, points or issues come out.
 */
export function parseHistory(text: string, file: string, columns: HistoryColumns = {}): Result<History, InputIssue[]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const issueAt: IssueAt = (line, message, hint, cell) => ({
    file,
    span: line === null ? null : spanOf(lines, line, cell === undefined ? null : cell.index),
    message,
    hint,
  });
  const table = readTable(text, columns, issueAt);
  if (!table.ok) {
    return table;
  }
  const { parsed, issues, unit } = readDataRows(table.value, issueAt);
  issues.push(...repeatedDates(parsed, table.value.dateIndex, issueAt));
  if (issues.length === 0 && parsed.length < 2) {
    issues.push(
      issueAt(null, `the history holds ${parsed.length === 0 ? 'no rows of data' : 'one row of data'}; a growth rate needs at least 2`, 'add a row per date after the header: date,value'),
    );
  }
  if (issues.length > 0) {
    return err(issues.sort((a, b) => (a.span?.line ?? 0) - (b.span?.line ?? 0) || (a.span?.column ?? 0) - (b.span?.column ?? 0)));
  }
  return toHistory(parsed, table.value, file, unit, issueAt, columns.dayCount ?? 'anniversary');
}

/** The rows of the CSV, its header, and where the date and value columns are; or the one problem that stops reading. */
function readTable(text: string, columns: HistoryColumns, issueAt: IssueAt): Result<Table, InputIssue[]> {
  let rows: Row[];
  try {
    rows = readRows(text);
  } catch (error) {
    if (error instanceof CsvError) {
      const hint = 'quote a cell that holds a comma ("1,000"), and double a quote inside one ("")';
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
        return err([issueAt(lineOfUnclosedQuote(text), 'not valid CSV: this quote is never closed', hint)]);
      }
      const line = (error as CsvError & { lines?: number }).lines ?? null;
      return err([issueAt(line, `not valid CSV: ${error.message.replace(/\s*at line \d+$/, '')}`, hint)]);
    }
    throw error;
  }
  const header = rows[0];
  if (header === undefined) {
    return err([issueAt(null, 'the file holds no rows', 'a history is a header row, like date,value, then one row per date')]);
  }

  const headers = header.fields.map((name) => name.trim());
  const located = locateColumns(headers, columns);
  if (!located.ok) {
    return err([issueAt(header.line, located.error.message, located.error.hint)]);
  }
  const { dateIndex, valueIndex } = located.value;
  const data = rows.slice(1);
  if (data.length > MAX_HISTORY_ROWS) {
    const first = data[MAX_HISTORY_ROWS]!;
    return err([issueAt(first.line, `the history has more than ${MAX_HISTORY_ROWS.toLocaleString('en-US')} rows of data`, 'thin it out (a row a day over 270 years is fewer), or split the span into several files')]);
  }
  if (columns.dateColumn === undefined && columns.valueColumn === undefined && looksLikeData(headers, dateIndex, valueIndex)) {
    return err([issueAt(header.line, 'the first row holds data, not the names of the columns', 'start the file with a header row, such as date,value')]);
  }
  return ok({ headers, dateIndex, valueIndex, data });
}

/** Every row of data that reads, every problem of those that do not, and the unit the values name (dollars when none does). */
function readDataRows(table: Table, issueAt: IssueAt): { parsed: ParsedRow[]; issues: InputIssue[]; unit: Unit } {
  const { headers, dateIndex, valueIndex } = table;
  const issues: InputIssue[] = [];
  const parsed: ParsedRow[] = [];
  let firstDate: { kind: HistoryDate['kind']; row: Row } | null = null;
  let firstMarker: { unit: Unit; row: Row } | null = null;
  for (const row of table.data) {
    const dateCell = row.fields[dateIndex];
    const valueCell = row.fields[valueIndex];
    if (dateCell === undefined || valueCell === undefined) {
      const missing = dateCell === undefined ? headers[dateIndex] : headers[valueIndex];
      issues.push(issueAt(row.line, `the row has no ${quoted(missing!)} cell (${row.fields.length} of ${headers.length} cells)`, 'every row needs a date and a value'));
      continue;
    }
    const date = readDateCell(dateCell, row, dateIndex, firstDate, issueAt);
    if (date.ok && firstDate === null) {
      firstDate = { kind: date.value.kind, row };
    }
    const value = readValueCell(valueCell, row, valueIndex, firstMarker, issueAt);
    if (value.ok && value.value.marker !== null && firstMarker === null) {
      firstMarker = { unit: value.value.marker, row };
    }
    if (!date.ok || !value.ok) {
      issues.push(...(date.ok ? [] : date.error), ...(value.ok ? [] : value.error));
      continue;
    }
    parsed.push({ row, date: date.value, value: value.value.value, marker: value.value.marker });
  }
  return { parsed, issues, unit: firstMarker?.unit ?? 'USD' };
}

/** The date of a row, written the way the first date was (all years, or all dates). */
function readDateCell(dateCell: string, row: Row, dateIndex: number, firstDate: { kind: HistoryDate['kind']; row: Row } | null, issueAt: IssueAt): Result<HistoryDate, InputIssue[]> {
  const cell = { row, index: dateIndex };
  const date = parseHistoryDate(dateCell);
  if (!date.ok) {
    return err([issueAt(row.line, date.error, DATE_HINT, cell)]);
  }
  if (firstDate !== null && firstDate.kind !== date.value.kind) {
    const what = (kind: HistoryDate['kind']): string => (kind === 'years' ? 'a plain year' : 'a date');
    return err([
      issueAt(row.line, `${quoted(dateCell.trim())} is ${what(date.value.kind)} but line ${firstDate.row.line} holds ${what(firstDate.kind)}`, 'write every date the same way: all years (2024) or all dates (2024-12-31)', cell),
    ]);
  }
  return date;
}

/** The value of a row: a positive amount, in the unit of the first value that names one. */
function readValueCell(valueCell: string, row: Row, valueIndex: number, firstMarker: { unit: Unit; row: Row } | null, issueAt: IssueAt): Result<{ value: D; marker: Unit | null }, InputIssue[]> {
  const cell = { row, index: valueIndex };
  const amount = parseAmount(valueCell);
  if (!amount.ok) {
    const empty = valueCell.trim() === '';
    const negative = !empty && parseAmount(valueCell.trim().replace(/^-\s*/, '')).ok;
    return err([
      empty
        ? issueAt(row.line, 'the value is empty', VALUE_HINT, cell)
        : negative
          ? issueAt(row.line, `a value must be above zero for the log fit (got ${shown(valueCell.trim())})`, NOT_POSITIVE_HINT, cell)
          : issueAt(row.line, amount.error.message, amount.error.hint ?? VALUE_HINT, cell),
    ]);
  }
  if (amount.value.value.isZero()) {
    return err([issueAt(row.line, `a value must be above zero for the log fit (got ${shown(amount.value.text)})`, NOT_POSITIVE_HINT, cell)]);
  }
  const { marker } = amount.value;
  if (marker !== null && firstMarker !== null && marker !== firstMarker.unit) {
    const name = (unit: Unit): string => (unit === 'BTC' ? 'bitcoin' : 'dollars');
    return err([issueAt(row.line, `${quoted(amount.value.text)} is in ${name(marker)} but line ${firstMarker.row.line} is in ${name(firstMarker.unit)}`, 'keep one unit in the value column', cell)]);
  }
  return ok({ value: amount.value.value, marker });
}

/** A row whose date an earlier row has already. */
function repeatedDates(parsed: readonly ParsedRow[], dateIndex: number, issueAt: IssueAt): InputIssue[] {
  const issues: InputIssue[] = [];
  const seen = new Map<string, Row>();
  for (const point of parsed) {
    const key = point.date.kind === 'years' ? `y${point.date.year}` : `d${point.date.epochMs}`;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, point.row);
    } else {
      issues.push(issueAt(point.row.line, `${quoted(point.row.fields[dateIndex]!.trim())} comes again (first on line ${earlier.line})`, 'keep one row per date', { row: point.row, index: dateIndex }));
    }
  }
  return issues;
}

/** The points in time order, each at its years since the first; refused when they span too short a time for a rate per year. */
function toHistory(parsed: readonly ParsedRow[], table: Table, file: string, unit: Unit, issueAt: IssueAt, dayCount: DayCount): Result<History, InputIssue[]> {
  const { headers, dateIndex, valueIndex } = table;
  const time = (date: HistoryDate): number => (date.kind === 'years' ? date.year : date.epochMs);
  const sorted = [...parsed].sort((a, b) => time(a.date) - time(b.date));
  const origin = sorted[0]!.date;
  const yearsSince = (date: HistoryDate): D => (date.kind === 'years' ? new D(String(date.year - time(origin))) : yearsBetween(time(origin), date.epochMs, dayCount));
  const points: HistoryPoint[] = sorted.map(({ row, date, value }) => ({ line: row.line, label: row.fields[dateIndex]!.trim(), years: yearsSince(date), value }));
  const last = sorted.at(-1)!.date;
  const spanYears = points.at(-1)!.years;
  const spanDays = origin.kind === 'dates' ? new D(String(time(last) - time(origin))).div(MS_PER_DAY) : null;
  // Held to days / 365.25 whatever the day count, so the shortest span is 3.65 days either way.
  if ((spanDays === null ? spanYears : spanDays.div(DAYS_PER_YEAR)).lt(MIN_GROWTH_YEARS)) {
    // A growth per year over minutes would be a number of millions of digits, computed for ever.
    const lastRow = sorted.at(-1)!.row;
    return err([
      issueAt(lastRow.line, `the dates span ${(spanDays ?? spanYears.times(DAYS_PER_YEAR)).toSignificantDigits(4).toFixed()} days; a growth rate per year needs a span of at least ${MIN_GROWTH_YEARS.toFixed()} years (3.65 days)`, 'add rows further apart, or solve with --from, --to and --years', { row: lastRow, index: dateIndex }),
    ]);
  }
  return ok({
    file,
    dateColumn: headers[dateIndex]!,
    valueColumn: headers[valueIndex]!,
    dates: origin.kind,
    unit,
    points,
    spanDays,
    spanYears,
    dayCount: origin.kind === 'dates' ? dayCount : null,
    anniversary: origin.kind === 'dates' && dayCount === 'anniversary' ? anniversarySpan(time(origin), time(last)) : null,
  });
}

/** The records with the line each starts on; comment lines (#) and blank lines are skipped. */
function readRows(text: string): Row[] {
  const records = parse(text, {
    bom: true,
    comment: '#',
    comment_no_infix: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    relax_column_count: true,
    info: true,
    // The header, the most rows a history may hold, and one more to know it has too many.
    to: MAX_HISTORY_ROWS + 2,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  // info.lines is the line a record ends on; a quoted cell may hold line breaks of its own.
  return records.map(({ record, info }) => ({ fields: record, line: info.lines - record.join('').split(/\r\n|\n|\r/).length + 1 }));
}

function locateColumns(headers: readonly string[], columns: HistoryColumns): Result<{ dateIndex: number; valueIndex: number }, { message: string; hint: string }> {
  const listing = `the columns are: ${headers.map((name) => (name === '' ? "''" : name)).join(', ')}`;
  const find = (name: string, flag: string): Result<number, { message: string; hint: string }> => {
    const index = headers.findIndex((header) => header.toLowerCase() === name.trim().toLowerCase());
    return index === -1 ? err({ message: `no column named ${quoted(name)} (${flag})`, hint: listing }) : ok(index);
  };

  let dateIndex: number;
  if (columns.dateColumn !== undefined) {
    const found = find(columns.dateColumn, '--date-column');
    if (!found.ok) {
      return found;
    }
    dateIndex = found.value;
  } else {
    const named = headers.findIndex((header) => DATE_NAME.test(header));
    dateIndex = named === -1 ? 0 : named;
  }

  if (columns.valueColumn !== undefined) {
    const found = find(columns.valueColumn, '--value-column');
    if (!found.ok) {
      return found;
    }
    return found.value === dateIndex ? err({ message: `${quoted(headers[dateIndex]!)} cannot be both the date and the value column`, hint: listing }) : ok({ dateIndex, valueIndex: found.value });
  }
  const others = headers.map((_, index) => index).filter((index) => index !== dateIndex);
  const named = others.filter((index) => VALUE_NAME.test(headers[index]!));
  const valueIndex = others.length === 1 ? others[0] : named.length === 1 ? named[0] : undefined;
  if (valueIndex === undefined) {
    return err({
      message: others.length === 0 ? 'the file has one column; a history needs a date and a value' : `which column holds the values? ${others.length} could`,
      hint: others.length === 0 ? 'write a header row such as date,value, then one row per date' : `name it with --value-column; ${listing}`,
    });
  }
  return ok({ dateIndex, valueIndex });
}

/** A header row whose date and value cells read as a date and an amount is a row of data. */
function looksLikeData(headers: readonly string[], dateIndex: number, valueIndex: number): boolean {
  return parseHistoryDate(headers[dateIndex] ?? '').ok && parseAmount(headers[valueIndex] ?? '').ok;
}

/**
 * Where a cell sits on its line, for the caret under it: the cells are found by walking the
 * line's quotes and commas (csv-parse reports no columns). Without a cell, the whole line.
 */
function spanOf(lines: readonly string[], line: number, cellIndex: number | null): SourceSpan {
  const lineText = lines[line - 1] ?? '';
  const whole: SourceSpan = { line, column: 1, length: Math.max(1, lineText.length), lineText };
  if (cellIndex === null) {
    return whole;
  }
  const cell = cellRanges(lineText)[cellIndex];
  if (cell === undefined) {
    return whole;
  }
  // Underline the cell's text, not the blanks around it.
  const raw = lineText.slice(cell.start, cell.end);
  const lead = raw.length - raw.trimStart().length;
  const length = raw.trim().length;
  return length === 0 ? { line, column: cell.start + 1, length: 1, lineText } : { line, column: cell.start + lead + 1, length, lineText };
}

function cellRanges(lineText: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= lineText.length; i += 1) {
    const char = lineText[i];
    if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && (char === ',' || char === undefined)) {
      ranges.push({ start, end: i });
      start = i + 1;
    }
  }
  return ranges;
}

/** The line of the quote that opens a cell and is never closed (csv-parse names the last line of the file). */
function lineOfUnclosedQuote(text: string): number {
  let line = 1;
  let quoted = false;
  let openedOn = 1;
  for (const char of text) {
    if (char === '"') {
      quoted = !quoted;
      openedOn = quoted ? line : openedOn;
    } else if (char === '\n') {
      line += 1;
    }
  }
  return openedOn;
}
