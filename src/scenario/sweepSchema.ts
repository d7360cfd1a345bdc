import * as z from 'zod/mini';
import { addIssue } from './fields.js';
import { FIELD_TABLE, type CaseKey, type FieldRow } from './fieldTable.js';
import { MAX_SWEEP_VALUES } from './splitList.js';
import { once } from '../core/once.js';

// `sweep:` in a scenario file: one field and a list of its values, one case per value, each
// named by its value as written: `sweep: {utilization: [5%, 10%, 11.9%]}` makes the cases
// 5%, 10% and 11.9%. Any field a case may set can be swept; each value is read as that field is.

const sweepable = (Object.entries(FIELD_TABLE) as [CaseKey, FieldRow][]).filter(([, row]) => row.scope === 'case');

/** The keys a sweep may name: the fields a case may set. */
export const SWEEP_KEYS: readonly string[] = sweepable.map(([key]) => key);

const valueLists = (): { [K in CaseKey]: z.ZodMiniOptional<z.ZodMiniArray<ReturnType<(typeof FIELD_TABLE)[K]['schema']>>> } =>
  Object.fromEntries(
    sweepable.map(([key, row]) => [
      key,
      z.optional(
        z.array(row.schema(), { error: `must be a list of values, like [5%, 10%, 11.9%]` }).check(
          z.minLength(1, { error: 'needs at least one value' }),
          z.maxLength(MAX_SWEEP_VALUES, { error: `lists more than ${MAX_SWEEP_VALUES} values; a scenario has at most ${MAX_SWEEP_VALUES} cases` }),
        ),
      ),
    ]),
  ) as { [K in CaseKey]: z.ZodMiniOptional<z.ZodMiniArray<ReturnType<(typeof FIELD_TABLE)[K]['schema']>>> };

export const sweepSchema = once(() => z.strictObject(valueLists(), { error: 'must name one field and its values, like {utilization: [5%, 10%, 11.9%]}' }).check(
  z.check((ctx) => {
    if (ctx.issues.some((issue) => issue.code === 'unrecognized_keys' && (issue.path?.length ?? 0) === 0)) {
      return; // an unknown key, already reported with a suggestion
    }
    const sweep = ctx.value;
    const keys = Object.keys(sweep).filter((key) => (sweep as Record<string, unknown>)[key] !== undefined);
    if (keys.length !== 1) {
      addIssue(ctx, {
        message: keys.length === 0 ? 'needs one field and its values, like {utilization: [5%, 10%]}' : `names ${keys.join(' and ')}; a sweep varies one field`,
        params: { hint: 'to vary two fields at once use btcfi grid (--x utilization=5%,10% --y growth=0%,10%), or write cases' },
      });
    }
  }),
));

export type SweepFields = z.output<ReturnType<typeof sweepSchema>>;
