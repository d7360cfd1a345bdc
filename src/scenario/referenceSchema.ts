import * as z from 'zod/mini';
import { addIssue, numeral } from './fields.js';
import { once } from '../core/once.js';
import { parseAmount, type Amount } from './parseAmount.js';
import { quoted, shown } from '../core/visibleText.js';
import type { Unit } from '../core/unit.js';
import type { Locator } from './locate.js';

// References: named levels a path is compared with (Ethereum DeFi's $238B, the ETFs' $115B).
//   references:
//     include: references/article.yaml        # a file of references, relative to this file
//     eth-defi: {value: 238B, source: "...", period: 2025, note: "..."}
//     etf-aum: 115B
// An included file holds the same mapping under `references:` (and may state its `unit:`).

/** A reference name: lowercase letters, digits and hyphens, as scenario names. */
export const REFERENCE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** The key that includes files of references; no reference can be called so. */
export const INCLUDE_KEY = 'include';
/** The keys of a reference written as a mapping. */
export const REFERENCE_KEYS: readonly string[] = ['value', 'period', 'source', 'note'];
/** When a reference's figure stands: 2025, 2025-Q4 or 2025-08. */
const REFERENCE_PERIOD_PATTERN = /^[0-9]{4}(?:-(?:Q[1-4]|0[1-9]|1[0-2]))?$/;

/** One reference as written: its name, its amount, and what the file says of it. */
export interface ReferenceEntry {
  readonly name: string;
  readonly amount: Amount;
  readonly period: string | null;
  readonly source: string | null;
  readonly note: string | null;
}

/** The references of an included file, and where each was written (in that file). */
export interface IncludedReferences {
  /** The file as messages name it. */
  readonly file: string;
  /** The unit the file states, or null: its amounts are then in the unit of the scenario that includes it. */
  readonly unit: Unit | null;
  readonly entries: readonly ReferenceEntry[];
  readonly locate: Locator;
}

/** The references field: the files it includes (as written) and its own references, in order. */
export interface ReferencesField {
  readonly include: readonly string[];
  readonly entries: readonly ReferenceEntry[];
}

const referenceObject = once(() => {
  const text = z.string({ error: 'must be text' });
  return z.strictObject({
    value: numeral(),
    period: z.optional(numeral()),
    source: z.optional(text),
    note: z.optional(text),
  });
});

const written = once(() =>
  z.union([numeral(), referenceObject(), z.array(z.unknown())], {
    error: 'must be an amount like 238B, or {value: 238B, source: "...", period: 2025-08, note: "..."}',
  }),
);

/** The references of a scenario, or of an included file (which includes nothing itself). */
export function referencesSchema(allowInclude: boolean) {
  return z.pipe(
    z.record(z.string().check(z.regex(REFERENCE_NAME_PATTERN, { error: 'a reference name uses lowercase letters, digits and hyphens, starting with a letter or digit' })), written(), {
      error: 'must map reference names to amounts, like {eth-defi: 238B}',
    }),
    z.transform((raw, ctx): ReferencesField => {
      const include: string[] = [];
      const entries: ReferenceEntry[] = [];
      for (const [name, value] of Object.entries(raw)) {
        if (name === INCLUDE_KEY) {
          include.push(...readInclude(value, allowInclude, ctx));
          continue;
        }
        const entry = readEntry(name, value, ctx);
        if (entry !== null) {
          entries.push(entry);
        }
      }
      return ctx.issues.length > 0 ? z.NEVER : { include, entries };
    }),
  );
}

function readInclude(value: unknown, allowInclude: boolean, ctx: z.core.ParsePayload): string[] {
  if (!allowInclude) {
    addIssue(ctx, { path: [INCLUDE_KEY], message: 'an included file of references cannot include another', params: { hint: 'include every file from the scenario itself' } });
    return [];
  }
  const paths = Array.isArray(value) ? value : [value];
  if (paths.length === 0 || paths.some((path) => typeof path !== 'string' || path.trim() === '')) {
    addIssue(ctx, { path: [INCLUDE_KEY], message: 'must be a file path, or a list of them', params: { hint: 'include: references/article.yaml (relative to this file)' } });
    return [];
  }
  return paths as string[];
}

function readEntry(name: string, value: unknown, ctx: z.core.ParsePayload): ReferenceEntry | null {
  if (Array.isArray(value)) {
    addIssue(ctx, { path: [name], message: 'must be an amount like 238B, or {value: 238B, source: "..."}' });
    return null;
  }
  const object = typeof value === 'object' && value !== null ? (value as z.output<ReturnType<typeof referenceObject>>) : null;
  const amountText = String(object === null ? value : object.value);
  const amount = parseAmount(amountText);
  const amountPath = object === null ? [name] : [name, 'value'];
  if (!amount.ok) {
    addIssue(ctx, { path: amountPath, message: amount.error.message, params: { hint: amount.error.hint } });
    return null;
  }
  if (amount.value.value.isZero()) {
    addIssue(ctx, { path: amountPath, message: `a reference is a level above zero (got ${shown(amountText.trim())})` });
    return null;
  }
  const period = object?.period === undefined ? null : String(object.period).trim();
  if (period !== null && !REFERENCE_PERIOD_PATTERN.test(period)) {
    addIssue(ctx, { path: [name, 'period'], message: `${quoted(period)} is not a period`, params: { hint: 'write when the figure stands as 2025, 2025-Q4 or 2025-08' } });
    return null;
  }
  return { name, amount: amount.value, period, source: object?.source ?? null, note: object?.note ?? null };
}

/** The field as a scenario writes it. */
export const referencesField = once(() => referencesSchema(true));

/** A file of references, included by scenarios: `unit:` (optional) and `references:`. */
export const referencesFileSchema = once(() =>
  z.strictObject({
    unit: z.optional(z.enum(['USD', 'BTC'], { error: 'must be USD or BTC' })),
    references: referencesSchema(false),
  }),
);

/** The keys of a file of references, as referencesFileSchema has them. */
export const REFERENCES_FILE_KEYS: readonly string[] = ['unit', 'references'];
