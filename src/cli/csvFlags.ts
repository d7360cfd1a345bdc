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
    if (!known.includes(name)) {
      const near = suggest(name, known);
      throw new UsageError(
        name === '' ? `--columns has an empty name in ${quoted(columns)}` : `no CSV column named ${quoted(name)}${wide ? ' in --layout wide' : ''}`,
        near !== null && name !== '' ? `did you mean ${quoted(near)}? The columns are: ${known.join(', ')}` : `the columns are: ${known.join(', ')}`,
      );
    }
  }
  return { columns: names, layout: layout ?? 'long' };
}
