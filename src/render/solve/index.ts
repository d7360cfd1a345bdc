import type { SolveReport } from '../../report/solveTypes.js';
import type { RenderOptions } from '../options.js';
import { renderSolveJson } from './renderSolveJson.js';
import { renderSolveText } from './renderSolveText.js';
import { renderSolveMarkdown } from './renderSolveMarkdown.js';

export type SolveFormat = 'text' | 'json' | 'markdown';
export type SolveRenderer = (report: SolveReport, options: RenderOptions) => string;

export const solveRenderers = { text: renderSolveText, json: renderSolveJson, markdown: renderSolveMarkdown } as const satisfies Record<SolveFormat, SolveRenderer>;

export const SOLVE_FORMATS = Object.keys(solveRenderers) as SolveFormat[];
