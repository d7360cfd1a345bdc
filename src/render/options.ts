import type { ChalkInstance } from 'chalk';

export type Format = 'table' | 'csv' | 'json' | 'svg';

export interface RenderOptions {
  /** Significant digits for CSV and JSON figures; null keeps the engine's value. */
  readonly digits: number | null;
  /** Chosen once by the CLI; level 0 when colour is off. */
  readonly chalk: ChalkInstance;
  readonly locale: string;
  /** Columns for a line chart under each table, or null/absent for none (the CLI decides: terminals, --chart). */
  readonly chartWidth?: number | null;
  /** Pictures (SVG) on a log scale. */
  readonly log?: boolean;
}
