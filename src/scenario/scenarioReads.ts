import { lazyLocator, parseReadScenario, parseScenario, type ParsedScenario } from './parseScenario.js';
import type { InputIssue } from '../core/inputIssue.js';
import { ok, type Result } from '../core/result.js';
import { decodeChecked } from './checkedData.js';
import type { ScenarioFile } from './schema.js';

/**
 * Scenario files read ahead of time (the bundled ones, when btcfi is built), by file name: the
 * text each was read from, the plain data readScenarioText made of it and, for a file that
 * passed the schema, what the schema made of it (checkedData.ts). Written as JSON.
 */
export type ScenarioReads = Readonly<Record<string, ScenarioRead>>;

export interface ScenarioRead {
  readonly text: string;
  readonly data: object;
  /** The schema's output for the data, as encodeChecked writes it; absent for a file that does not pass. */
  readonly checked?: unknown;
}

/** Where the build writes the reads of the bundled scenarios: beside the bundle, dist/cli/. */
export const BUNDLED_READS_FILE = 'scenarios.read.json';

/**
 * parseScenario, taking what was read and checked ahead of time when `reads` holds this file's
 * very text (YAML parsing and the schema are most of the work of reading a small file); any
 * other text is parsed. Pure.
 */
export function parseScenarioWith(reads: ScenarioReads | null, name: string, text: string, file: string): Result<ParsedScenario, InputIssue[]> {
  const read = reads !== null && Object.hasOwn(reads, name) ? reads[name] : undefined;
  if (read === undefined || read.text !== text) {
    return parseScenario(text, file);
  }
  if (read.checked !== undefined) {
    return ok({ file, data: decodeChecked(read.checked) as ScenarioFile, locate: lazyLocator(text, file) });
  }
  return parseReadScenario(text, file, read.data);
}
