import type { InputIssue } from '../core/inputIssue.js';
import { err, ok, type Result } from '../core/result.js';
import type { Unit } from '../core/unit.js';
import { quoted } from '../core/visibleText.js';
import { FIELD_TABLE, flagName, type FieldKey, type FieldRow } from './fieldTable.js';
import { parseAmount } from './parseAmount.js';
import type { NotApplied, ResolvedScenario } from './resolveScenario.js';
import { splitList, type ListKind } from './splitList.js';

/** The field flags as read: one value each, and at most one flag given a list of values (a sweep). */
export interface FlagReading {
  readonly fixed: Readonly<Record<string, string>>;
  readonly sweep: { readonly field: string; readonly values: readonly string[] } | null;
}

/** How a flag's commas read: by what it takes (see splitList.ts). */
function listKind(field: FieldKey): ListKind {
  const value = (FIELD_TABLE[field] as FieldRow).flag?.value;
  return value === '<amount>' ? 'amount' : value === '<rate>' ? 'rate' : 'other';
}

/**
 * Splits each field flag's text into its values: a flag written as a list (5%,10%,11.9%) is a
 * sweep. One field may be swept at a time, and only a field a case can set (not the unit).
 */
export function readFieldFlags(fields: Readonly<Record<string, string>>): Result<FlagReading, InputIssue[]> {
  const fixed: Record<string, string> = {};
  let sweep: FlagReading['sweep'] = null;
  const issues: InputIssue[] = [];
  const issue = (field: string, message: string, hint: string | null): void => void issues.push({ file: flagName(field as FieldKey), span: null, message, hint });
  for (const [field, text] of Object.entries(fields)) {
    const row = FIELD_TABLE[field as FieldKey] as FieldRow;
    const split = splitList(text, listKind(field as FieldKey));
    if (!split.ok) {
      issue(field, split.error.message, split.error.hint);
    } else if (split.value === null) {
      fixed[field] = text;
    } else if (row.scope !== 'case') {
      issue(field, `takes one value (got ${quoted(text)}): a sweep makes cases, and ${field} is set once for a whole scenario`, null);
    } else if (sweep !== null) {
      issue(field, `${flagName(sweep.field as FieldKey)} is a sweep already; one field is swept at a time`, 'to vary two fields at once use btcfi grid (--x utilization=5%,10% --y growth=0%,10%)');
    } else {
      sweep = { field, values: split.value };
    }
  }
  return issues.length > 0 ? err(issues) : ok({ fixed, sweep });
}

/** The unit that the amounts of the flags name (91,332 BTC), or null when none names one; the first wins, as in solve. */
export function markedUnit(reading: FlagReading): Unit | null {
  const amounts = [
    ...Object.entries(reading.fixed),
    ...(reading.sweep === null ? [] : reading.sweep.values.map((value) => [reading.sweep!.field, value] as const)),
  ].filter(([field]) => listKind(field as FieldKey) === 'amount');
  for (const [, text] of amounts) {
    const parsed = parseAmount(text);
    if (parsed.ok && parsed.value.marker !== null) {
      return parsed.value.marker;
    }
  }
  return null;
}

/**
 * The what-if flags that a run left out somewhere, one note a flag naming where:
 * `--utilization 7% does not apply to l2-2025: a TVL compounds directly there, ...`.
 */
export function notAppliedNotes(scenarios: readonly ResolvedScenario[]): string[] {
  const byField = new Map<string, { entry: NotApplied; where: string[] }>();
  for (const scenario of scenarios) {
    for (const entry of scenario.notApplied ?? []) {
      const found = byField.get(entry.field) ?? { entry, where: [] };
      const cases = entry.all ? '' : ` (${entry.cases.length === 1 ? 'case' : 'cases'} ${entry.cases.join(', ')})`;
      found.where.push(`${scenario.name}${cases}`);
      byField.set(entry.field, found);
    }
  }
  return [...byField.values()].map(({ entry, where }) => `${flagName(entry.field as FieldKey)} ${entry.text} does not apply to ${where.join(', ')}: ${entry.reason}; left out there`);
}

/**
 * A what-if flag left out of every case of every scenario selected changes nothing: an input
 * error naming the scenarios, rather than a run that silently ignores it.
 */
export function appliedNowhere(scenarios: readonly ResolvedScenario[], fields: readonly string[]): InputIssue[] {
  if (scenarios.length === 0) {
    return [];
  }
  return fields.flatMap((field) => {
    const entries = scenarios.map((scenario) => scenario.notApplied?.find((entry) => entry.field === field));
    if (!entries.every((entry) => entry?.all === true)) {
      return [];
    }
    const first = entries[0]!;
    return [{
      file: flagName(field as FieldKey),
      span: null,
      message: `${first.text} applies to none of the scenarios selected (${scenarios.map((scenario) => scenario.name).join(', ')}): ${first.reason}`,
      hint: field === 'utilization' ? 'utilization is a share of a market cap: give --market-cap with it, or choose scenarios that have one (-s NAME)' : null,
    }];
  });
}
