import type { InputIssue } from '../core/inputIssue.js';
import { err, ok, type Result } from '../core/result.js';
import { describeZodIssue, fieldLabel } from './describeZodIssue.js';
import type { IssuePath } from './locate.js';
import { lazyLocator, readScenarioText } from './parseScenario.js';
import { REFERENCE_KEYS, REFERENCES_FILE_KEYS, referencesFileSchema, type IncludedReferences } from './referenceSchema.js';

export type { IncludedReferences };

const FILE_HINT = 'a file of references holds references: {eth-defi: {value: 238B, source: "..."}}, and may state its unit: USD';

function knownKeys(path: IssuePath): readonly string[] {
  if (path.length === 0) {
    return REFERENCES_FILE_KEYS;
  }
  return path[0] === 'references' && path.length === 2 ? REFERENCE_KEYS : [];
}

/**
 * A file of references (`unit:` and `references:`) to its entries, or every issue found in it,
 * each placed in that file. With `readData`, the data its very text was read to before (the
 * bundled files, read when btcfi is built): the text is parsed again only if an issue needs to
 * say where. Pure.
 */
export function parseReferencesFile(text: string, file: string, readData?: object): Result<IncludedReferences, InputIssue[]> {
  const read = readData === undefined ? readScenarioText(text, file) : ok({ data: readData, locate: lazyLocator(text, file) });
  if (!read.ok) {
    return read;
  }
  const { data, locate } = read.value;
  const parsed = referencesFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue) => describeZodIssue(issue, knownKeys, fieldLabel));
    return err(issues.map((d) => ({ ...locate(d.path, d.atKey), message: d.message, hint: d.hint ?? (d.path.length === 1 && d.path[0] === 'references' ? FILE_HINT : null) })));
  }
  return ok({ file, unit: parsed.data.unit ?? null, entries: parsed.data.references.entries, locate });
}

