import type { Format } from '../options.js';
import type { GridRenderer } from './options.js';
import { renderGridCsv } from './renderGridCsv.js';
import { renderGridJson } from './renderGridJson.js';
import { renderGridTable } from './renderGridTable.js';
import { renderGridSvg } from '../svg/renderGridSvg.js';

export const gridRenderers = { table: renderGridTable, csv: renderGridCsv, json: renderGridJson, svg: renderGridSvg } as const satisfies Record<Format, GridRenderer>;
export { GRID_LAYOUTS, type GridLayout, type GridRenderOptions } from './options.js';
