import type { ProjectReport } from '../report/types.js';
import type { Format, RenderOptions } from './options.js';
import { renderCsv } from './renderCsv.js';
import { renderJson } from './renderJson.js';
import { renderTable } from './renderTable.js';
import { renderProjectSvg } from './svg/renderScenarioSvg.js';

/** A renderer writes its output a piece at a time, as the report's rows are computed: join the pieces for the whole text. */
export type Renderer = (report: ProjectReport, options: RenderOptions) => Iterable<string>;

export const renderers = { table: renderTable, csv: renderCsv, json: renderJson, svg: renderProjectSvg } as const satisfies Record<Format, Renderer>;

export const FORMATS = Object.keys(renderers) as Format[];
