import type { D } from '../engine/decimal.js';
import type { InputIssue } from '../core/inputIssue.js';
import type { Unit } from '../core/unit.js';
import { quoted } from '../core/visibleText.js';
import type { Locator } from './locate.js';
import type { IncludedReferences, ReferenceEntry, ReferencesField } from './referenceSchema.js';

/** A level the paths of a scenario are compared with, in the scenario's unit. */
export interface ResolvedReference {
  readonly name: string;
  readonly value: D;
  readonly unit: Unit;
  /** When the figure stands, as written: 2025, 2025-Q4, 2025-08; null when not said. */
  readonly period: string | null;
  readonly source: string | null;
  readonly note: string | null;
}

/**
 * A scenario's references: those of the files it includes (in order), then its own. Each amount
 * must be in the scenario's unit (a marker, or an included file's unit:, that says otherwise is an
 * issue), and each name is used once.
 */
export function resolveReferences(
  field: ReferencesField | undefined,
  included: readonly IncludedReferences[],
  unit: Unit,
  locate: Locator,
): { readonly references: ResolvedReference[]; readonly issues: InputIssue[] } {
  const references: ResolvedReference[] = [];
  const issues: InputIssue[] = [];
  // Where each name was first defined, found only for a name defined twice: a file's positions
  // cost a parse of its text when its data was read ahead (the bundled files).
  const firstPlace = new Map<string, () => string>();
  const add = (entry: ReferenceEntry, where: Locator, fileUnit: Unit): void => {
    const first = firstPlace.get(entry.name);
    if (first !== undefined) {
      const at = where(['references', entry.name], true);
      issues.push({ ...at, message: `the reference ${quoted(entry.name)} is already defined at ${first()}`, hint: 'each reference name is used once in a scenario and the files it includes: rename one of them' });
      return;
    }
    firstPlace.set(entry.name, () => {
      const at = where(['references', entry.name], true);
      return `${at.file}${at.span === null ? '' : `:${at.span.line}:${at.span.column}`}`;
    });
    const marker = entry.amount.marker;
    if (marker !== null && marker !== fileUnit) {
      issues.push({ ...where(['references', entry.name]), message: `${quoted(entry.amount.text)} is in ${marker}, but the references here are in ${fileUnit}`, hint: `write the amount without a ${marker === 'USD' ? '$' : 'BTC'} marker, or use a scenario in ${marker}` });
      return;
    }
    references.push({ name: entry.name, value: entry.amount.value, unit, period: entry.period, source: entry.source, note: entry.note });
  };
  for (const file of included) {
    if (file.unit !== null && file.unit !== unit) {
      issues.push({ ...locate(['references', 'include']), message: `${file.file} states unit: ${file.unit}, but the scenario's unit is ${unit}`, hint: 'include references in the scenario\'s unit' });
      continue;
    }
    file.entries.forEach((entry) => add(entry, file.locate, unit));
  }
  field?.entries.forEach((entry) => add(entry, locate, unit));
  return { references, issues };
}
