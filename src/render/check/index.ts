import type { CheckReport } from '../../report/checkTypes.js';
import type { RenderOptions } from '../options.js';
import { renderCheckJson } from './renderCheckJson.js';
import { renderCheckJunit } from './renderCheckJunit.js';
import { renderCheckText } from './renderCheckText.js';
import { renderCheckMarkdown } from './renderCheckMarkdown.js';

export type CheckFormat = 'text' | 'json' | 'junit' | 'markdown';
export type CheckRenderer = (report: CheckReport, options: RenderOptions) => string;

export const checkRenderers = { text: renderCheckText, json: renderCheckJson, junit: renderCheckJunit, markdown: renderCheckMarkdown } as const satisfies Record<CheckFormat, CheckRenderer>;

export const CHECK_FORMATS = Object.keys(checkRenderers) as CheckFormat[];
