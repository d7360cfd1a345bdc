import type { InputIssue } from '../core/inputIssue.js';
import { err, ok, type Result } from '../core/result.js';
import { describeZodIssue, fieldLabel, type DescribedIssue } from './describeZodIssue.js';
import { decodeChecked } from './checkedData.js';
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

/** What the schema makes of a file of references, without where it was written. */
export type CheckedReferences = Pick<IncludedReferences, 'unit' | 'entries'>;

/**
 * A file of references (`unit:` and `references:`) to its entries, or every issue found in it,
 * each placed in that file. With `before`, what its very text was read (and checked) to before
 * (the bundled files, read when btcfi is built): the text is parsed again only if an issue needs
 * to say where. Pure.
 */
export function parseReferencesFile(text: string, file: string, before?: { readonly data: object; readonly checked?: unknown }): Result<IncludedReferences, InputIssue[]> {
  const locate = lazyLocator(text, file);
  if (before?.checked !== undefined) {
    return ok({ file, ...(decodeChecked(before.checked) as CheckedReferences), locate });
  }
  const read = before === undefined ? readScenarioText(text, file) : ok({ data: before.data, locate });
  if (!read.ok) {
    return read;
  }
  const checked = checkReferences(read.value.data);
  if (!checked.ok) {
    const at = read.value.locate;
    return err(checked.error.map((d) => ({ ...at(d.path, d.atKey), message: d.message, hint: d.hint ?? (d.path.length === 1 && d.path[0] === 'references' ? FILE_HINT : null) })));
  }
  return ok({ file, ...checked.value, locate: read.value.locate });
}

/** The data of a file of references through the schema: its unit and entries, or what is wrong with it. */
export function checkReferences(data: unknown): Result<CheckedReferences, DescribedIssue[]> {
  const parsed = referencesFileSchema().safeParse(data, { reportInput: true });
  if (!parsed.success) {
    return err(parsed.error.issues.flatMap((issue) => describeZodIssue(issue, knownKeys, fieldLabel)));
  }
  return ok({ unit: parsed.data.unit ?? null, entries: parsed.data.references.entries });
}

