import type { ChalkInstance } from 'chalk';

export type Format = 'table' | 'csv' | 'json';

export interface RenderOptions {
  /** Significant digits for CSV and JSON figures; null keeps the engine's value. */
  readonly digits: number | null;
  /** Chosen once by the CLI; level 0 when colour is off. */
  readonly chalk: ChalkInstance;
  readonly locale: string;
}
