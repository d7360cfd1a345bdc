import { parseReadScenario, parseScenario, type ParsedScenario } from './parseScenario.js';
import type { InputIssue } from '../core/inputIssue.js';
import type { Result } from '../core/result.js';

/**
 * Scenario files read ahead of time (the bundled ones, when btcfi is built), by file name: the
 * text each was read from and the plain data readScenarioText made of it. Written as JSON.
 */
export type ScenarioReads = Readonly<Record<string, { readonly text: string; readonly data: object }>>;

/** Where the build writes the reads of the bundled scenarios: beside the bundle, dist/cli/. */
export const BUNDLED_READS_FILE = 'scenarios.read.json';

/**
 * parseScenario, taking the data read ahead of time when `reads` holds this file's very text
 * (YAML parsing is most of the work of reading a small file); any other text is parsed. Pure.
 */
export function parseScenarioWith(reads: ScenarioReads | null, name: string, text: string, file: string): Result<ParsedScenario, InputIssue[]> {
  const read = reads !== null && Object.hasOwn(reads, name) ? reads[name] : undefined;
  return read !== undefined && read.text === text ? parseReadScenario(text, file, read.data) : parseScenario(text, file);
}
