import { statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { InputIssue } from '../core/inputIssue.js';
import { err, ok, type Result } from '../core/result.js';
import { describeFsError, MAX_FILE_BYTES, noteInputFile } from './loadScenarioTexts.js';
import { parseReferencesFile, type IncludedReferences } from './parseReferencesFile.js';
import { readTextUpTo } from './readTextUpTo.js';
import type { ParsedScenario } from './schema.js';

/** Included files already read in this run, by absolute path: a file shared by several scenarios is read and reported once. */
export type IncludeCache = Map<string, Result<IncludedReferences, InputIssue[]>>;

/**
 * Where a scenario's file is and how messages name it: `path` is where it was read (null for
 * standard input, whose includes are relative to the working folder), `shown` its name in messages.
 */
export interface ScenarioPlace {
  readonly path: string | null;
  readonly shown: string;
}

/**
 * Reads the files of references a scenario includes (`references: {include: FILE}`), each
 * relative to the scenario's own file and named in messages as the scenario's name is: a path
 * beside a path, `scenarios/...` beside a bundled scenario. The only place that reads them.
 */
export function loadReferenceIncludes(scenario: ParsedScenario, place: ScenarioPlace, cache: IncludeCache, readBefore: ReadBefore = () => undefined): Result<IncludedReferences[], InputIssue[]> {
  const includes = scenario.data.references?.include ?? [];
  const loaded: IncludedReferences[] = [];
  const issues: InputIssue[] = [];
  for (const include of includes) {
    const path = resolve(place.path === null ? '.' : dirname(place.path), include);
    const shown = place.path === null ? relative('.', path) || include : join(dirname(place.shown), include);
    let result = cache.get(path);
    if (result === undefined) {
      result = readIncluded(path, shown, readBefore);
      cache.set(path, result);
    }
    if (result.ok) {
      loaded.push(result.value);
    } else if (result.error.every((issue) => issue.span === null && issue.file === shown)) {
      // The file cannot be read: said where the scenario includes it.
      issues.push(...result.error.map((issue) => ({ ...scenario.locate(['references', 'include']), message: `cannot read ${shown}: ${issue.message}`, hint: issue.hint })));
    } else {
      issues.push(...result.error);
    }
  }
  return issues.length > 0 ? err(issues) : ok(loaded);
}

/** The text, data and checked data a file was read to before (a bundled file of references, read when btcfi is built), by absolute path. */
export type ReadBefore = (path: string) => { readonly text: string; readonly data: object; readonly checked?: unknown } | undefined;

function readIncluded(path: string, shown: string, readBefore: ReadBefore): Result<IncludedReferences, InputIssue[]> {
  const problem = (message: string, hint: string | null = null): Result<IncludedReferences, InputIssue[]> => err([{ file: shown, span: null, message, hint }]);
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      return problem('is a directory', 'include a file of references, like references/article.yaml');
    }
    const read = stats.size > MAX_FILE_BYTES ? null : readTextUpTo(path, MAX_FILE_BYTES, stats.size, stats.isFile());
    if (read === null || 'moreThan' in read) {
      return problem(`it is more than ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes (1 MiB)`, 'a file of references takes a few hundred bytes: is this the right file?');
    }
    noteInputFile(stats);
    const before = readBefore(path);
    return parseReferencesFile(read.text, shown, before !== undefined && before.text === read.text ? before : undefined);
  } catch (error) {
    return problem(describeFsError(error), (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'an include is relative to the file that includes it' : null);
  }
}
