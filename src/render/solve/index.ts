import type { SolveReport } from '../../report/solveTypes.js';
import type { RenderOptions } from '../options.js';
import { renderSolveJson } from './renderSolveJson.js';
import { renderSolveText } from './renderSolveText.js';

export type SolveFormat = 'text' | 'json';
export type SolveRenderer = (report: SolveReport, options: RenderOptions) => string;

export const solveRenderers = { text: renderSolveText, json: renderSolveJson } as const satisfies Record<SolveFormat, SolveRenderer>;

export const SOLVE_FORMATS = Object.keys(solveRenderers) as SolveFormat[];
