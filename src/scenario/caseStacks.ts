import type { IssuePath, Locator } from './locate.js';
import type { CaseFields, ScenarioFile } from './schema.js';

/** One mapping of model fields (the scenario's own, a case's, a swept value, or the flags) and where to point at them. */
export interface Layer {
  readonly fields: CaseFields;
  readonly prefix: IssuePath;
  readonly locate: Locator;
}

/** A case before it is resolved: its name, and the layers over the scenario's own fields, lowest first. */
export interface CaseStack {
  readonly name: string | null;
  readonly layers: readonly Layer[];
}

/** A value of a sweep: the case name it gives, and the layer that sets it. */
export interface SweepValue {
  readonly name: string;
  readonly layer: Layer;
}

/**
 * The cases a scenario file makes: its named cases (or the scenario itself), each crossed with
 * the values of its sweep. A swept value names its case (5%); beside named cases, CASE/VALUE.
 */
export function fileCaseStacks(data: ScenarioFile, locate: Locator): CaseStack[] {
  const named = data.cases === undefined ? [] : Object.entries(data.cases);
  const stacks: CaseStack[] =
    named.length === 0 ? [{ name: null, layers: [] }] : named.map(([name, fields]) => ({ name, layers: [{ fields, prefix: ['cases', name], locate }] }));
  const entry = data.sweep === undefined ? undefined : Object.entries(data.sweep).find(([, values]) => values !== undefined);
  if (entry === undefined) {
    return stacks;
  }
  const [field, values] = entry as [string, readonly unknown[]];
  const swept = values.map((value, index) => ({
    name: valueName(value),
    layer: { fields: { [field]: value } as CaseFields, prefix: [], locate: (path: IssuePath, atKey?: boolean) => locate(['sweep', field, index, ...path.slice(1)], atKey) },
  }));
  return crossStacks(stacks, swept);
}

/** Each case once per swept value, the value's layer on top. */
export function crossStacks(stacks: readonly CaseStack[], values: readonly SweepValue[]): CaseStack[] {
  return stacks.flatMap((stack) =>
    values.map((value) => ({ name: stack.name === null ? value.name : `${stack.name}/${value.name}`, layers: [...stack.layers, value.layer] })),
  );
}

/** The names of the cases a scenario file makes, as --case and expectations name them. */
export function fileCaseNames(data: ScenarioFile): string[] {
  return fileCaseStacks(data, () => ({ file: '', span: null })).flatMap((stack) => (stack.name === null ? [] : [stack.name]));
}

/**
 * A swept value's text, as written: a figure's own text (5%, 91,332 BTC, 5% to 10%), a whole
 * number, a word; a ramp as FROM→TO and phases as RATE×YEARS joined by +.
 */
export function valueName(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return value.map((phase: { years: number; rate: unknown }) => `${valueName(phase.rate)}×${phase.years}`).join('+');
  }
  if (value !== null && typeof value === 'object') {
    if ('text' in value) {
      return String(value.text);
    }
    if ('from' in value && 'to' in value) {
      return `${valueName(value.from)}→${valueName(value.to)}`;
    }
  }
  return String(value);
}
