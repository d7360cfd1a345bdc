import type { ChalkInstance } from 'chalk';

export type Format = 'table' | 'csv' | 'json' | 'markdown' | 'svg';

export interface RenderOptions {
  /** Significant digits of figures: CSV and JSON keep the engine's 40 when null, tables and markdown their 4. */
  readonly digits: number | null;
  /** Chosen once by the CLI; level 0 when colour is off. */
  readonly chalk: ChalkInstance;
  readonly locale: string;
  /** Columns for a line chart under each table, or null/absent for none (the CLI decides: terminals, --chart). */
  readonly chartWidth?: number | null;
  /** Pictures (SVG) on a log scale. */
  readonly log?: boolean;
  /** Columns text for people must fit (tables split into blocks, titles wrap); null or absent for no limit. */
  readonly width?: number | null;
  /** The CSV's shape: --columns (names of CSV_COLUMNS, checked by the CLI; null for all) and --layout. */
  readonly csv?: CsvOptions;
}

export type CsvLayout = 'long' | 'wide';

export const CSV_LAYOUTS: readonly CsvLayout[] = ['long', 'wide'];

export interface CsvOptions {
  readonly columns: readonly string[] | null;
  readonly layout: CsvLayout;
}
