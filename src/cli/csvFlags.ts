import { suggest } from '../core/suggest.js';
import { quoted } from '../core/visibleText.js';
import { CSV_COLUMNS } from '../render/csvColumns.js';
import type { CsvLayout, CsvOptions, Format } from '../render/options.js';
import { UsageError } from './errors.js';

/**
 * --columns and --layout of `project`, checked: CSV only; every name one of the CSV's columns
 * (with --layout wide, one of a row's figures), or exit 2 with the nearest name.
 */
export function parseCsvFlags(format: Format, columns: string | undefined, layout: CsvLayout | undefined): CsvOptions {
  if (format !== 'csv' && (columns !== undefined || layout !== undefined)) {
    throw new UsageError(`${columns !== undefined ? '--columns' : '--layout'} applies only to --format csv`, 'add --format csv');
  }
  const wide = layout === 'wide';
  if (columns === undefined) {
    return { columns: null, layout: layout ?? 'long' };
  }
  const known = CSV_COLUMNS.filter((column) => !wide || column.perPeriod).map((column) => column.name);
  const names = columns.split(',').map((name) => name.trim());
  for (const name of names) {
    if (name === '') {
      throw new UsageError(`--columns has an empty name in ${quoted(columns)}`, `the columns are: ${known.join(', ')}`);
    }
    if (wide && CSV_COLUMNS.some((column) => column.name === name && !column.perPeriod)) {
      throw new UsageError(`--layout wide gives each case a column per figure, and ${quoted(name)} is not a figure of a period`, `the figures are: ${known.join(', ')}`);
    }
    if (!known.includes(name)) {
      const near = suggest(name, known);
      throw new UsageError(`no CSV column named ${quoted(name)}`, near !== null ? `did you mean ${quoted(near)}?` : `the columns are: ${known.join(', ')}`);
    }
  }
  return { columns: names, layout: layout ?? 'long' };
}
