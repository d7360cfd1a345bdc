import type { GridReport } from '../../report/gridTypes.js';
import type { RenderOptions } from '../options.js';

export const GRID_LAYOUTS = ['matrix', 'long'] as const;
/** matrix: y down, x across; long: one `x,y,value` row per cell (CSV only). */
export type GridLayout = (typeof GRID_LAYOUTS)[number];

export interface GridRenderOptions extends RenderOptions {
  readonly layout: GridLayout;
}

/**
 * A grid renderer yields its text in pieces (a header, then a row at a time) instead of
 * returning one string, so that a million cells stream with flat memory. Like every renderer
 * it never writes anything itself.
 */
export type GridRenderer = (grid: GridReport, options: GridRenderOptions) => Iterable<string>;
