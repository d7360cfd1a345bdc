import { D } from '../engine/decimal.js';
import { PERIODS_PER_YEAR, type Step, type TvlBase, type TvlInput } from '../engine/types.js';
import { solveGrowth } from '../engine/solveGrowth.js';
import { MAX_SAMPLED_LOG10, maxSampledLog10 } from '../engine/sample/maxSampledLog10.js';
import type { Distribution } from '../engine/distribution.js';
import type { UncertainInputs } from '../engine/sample/uncertainInputs.js';
import type { Expectation } from './expectationSchema.js';
import { dedupeIssues, type InputIssue } from '../core/inputIssue.js';
import type { IssuePath, Locator } from './locate.js';
import type { Unit } from '../core/unit.js';
import { err, ok, type Result } from '../core/result.js';
import { MAX_CASES, MAX_PERIODS, MODEL_KEYS, type CaseFields, type GrowthField, type ParsedScenario, type Resample } from './schema.js';
import { quoted } from '../core/visibleText.js';

/** Fields that override every case of every scenario: the what-if flags of the command line. */
export interface Overrides {
  readonly fields: CaseFields;
  readonly unit: Unit | null;
  readonly locate: Locator;
}

export interface ResolvedCase {
  /** The case name, or null for a scenario without cases. */
  readonly name: string | null;
  /** The first calendar year, or null when periods count from +0. */
  readonly start: number | null;
  readonly input: TvlInput;
  /** A TVL to reach, or null. */
  readonly target: D | null;
  /** The inputs that are ranges or distributions, or null when the case is exact. */
  readonly uncertain: UncertainInputs | null;
}

export interface ResolvedScenario {
  readonly file: string;
  readonly name: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly notes: string | null;
  readonly unit: Unit;
  readonly cases: readonly ResolvedCase[];
  /** The file's expectations, in order: expectation i was written at ['expect', i]. */
  readonly expectations: readonly Expectation[];
  readonly locate: Locator;
  /** The overrides applied on top of the file, as `field value` texts: what-if runs say so. */
  readonly whatIf: readonly string[];
  /** Cases of the file left out by a --case filter: `check` does not evaluate the expectations that name them. */
  readonly casesLeftOut?: readonly string[];
}

/** One mapping of model fields (the scenario's own, a case's, or the flags) and where to point at them. */
interface Layer {
  readonly fields: CaseFields;
  readonly prefix: IssuePath;
  readonly locate: Locator;
}

type Key = keyof CaseFields;
type Merged = { [K in Key]?: { readonly value: NonNullable<CaseFields[K]>; readonly layer: Layer } };

const MAX_LAST_YEAR = 9999;

/**
 * Applies each case (and then any overrides) to the scenario's own fields and checks what only
 * the combination can show. A layer that sets tvl replaces a market cap below it and the
 * reverse, so a case or a flag may switch how a scenario is modelled.
 */
export function resolveScenario(parsed: ParsedScenario, overrides: Overrides | null = null): Result<ResolvedScenario, InputIssue[]> {
  const { data, locate } = parsed;
  const caseCount = data.cases === undefined ? 0 : Object.keys(data.cases).length;
  if (caseCount > MAX_CASES) {
    // Each case is a whole path of up to 2,401 periods: thousands of them would fill memory.
    return err([{ ...locate(['cases'], true), message: `the scenario has ${caseCount} cases; a scenario has at most ${MAX_CASES}`, hint: 'split the cases over several scenario files' }]);
  }
  const unit: Unit = overrides?.unit ?? data.unit ?? 'USD';
  const base: Layer = { fields: data, prefix: [], locate };
  const caseLayers: [string | null, Layer | null][] =
    data.cases === undefined || Object.keys(data.cases).length === 0
      ? [[null, null]]
      : Object.entries(data.cases).map(([name, fields]) => [name, { fields, prefix: ['cases', name], locate }]);
  const overrideLayer: Layer | null = overrides === null ? null : { fields: overrides.fields, prefix: [], locate: overrides.locate };

  const issues: InputIssue[] = [];
  const at = (layer: Layer, key: Key, message: string, hint: string | null = null): void => {
    issues.push({ ...layer.locate([...layer.prefix, key]), message, hint });
  };
  for (const layer of [base, ...caseLayers.map(([, l]) => l), overrideLayer]) {
    if (layer !== null) {
      checkLayer(layer, unit, at);
    }
  }

  const cases: ResolvedCase[] = [];
  for (const [name, caseLayer] of caseLayers) {
    const merged = merge([base, caseLayer, overrideLayer]);
    const input = toInput(merged, at, () => issues.push({ ...locate([]), message: 'a scenario needs tvl, or market_cap with utilization', hint: 'add tvl: 100B, or market_cap: 2T and utilization: 5%' }));
    if (input !== null) {
      const uncertain = uncertainInputs(merged, input.years);
      if (uncertain !== null && !checkSampling(input, uncertain, merged, at)) {
        continue;
      }
      if (!checkResultRange(input, merged, at)) {
        continue;
      }
      cases.push({ name, start: merged.start?.value ?? null, input, target: merged.target?.value.value ?? null, uncertain });
    }
  }

  if (issues.length > 0) {
    return err(dedupeIssues(issues));
  }
  return ok({
    file: parsed.file,
    name: data.name,
    title: data.title ?? null,
    source: data.source ?? null,
    notes: data.notes ?? null,
    unit,
    cases,
    expectations: data.expect ?? [],
    locate,
    whatIf: overrides === null ? [] : describeOverrides(overrides),
  });
}

function checkLayer(layer: Layer, unit: Unit, at: (layer: Layer, key: Key, message: string, hint?: string | null) => void): void {
  const { fields } = layer;
  if (fields.tvl !== undefined && fields.market_cap !== undefined) {
    at(layer, 'market_cap', 'tvl and market_cap are both set', 'a scenario compounds either a TVL, or a market cap times a utilization: keep one of them');
  }
  if (fields.end !== undefined && fields.growth !== undefined) {
    at(layer, 'end', 'end and growth are both set', 'end: states the amount at the horizon and solves the growth that reaches it; growth: states the growth. Keep one of them');
  }
  for (const key of ['tvl', 'market_cap', 'target', 'end'] as const) {
    const amount = fields[key];
    if (amount?.marker != null && amount.marker !== unit) {
      at(layer, key, `${quoted(amount.text)} is in ${amount.marker}, but the scenario's unit is ${unit}`, `write the amount without a ${amount.marker === 'USD' ? '$' : 'BTC'} marker, or set unit: ${amount.marker}`);
    }
  }
}

function merge(layers: readonly (Layer | null)[]): Merged {
  const merged: Record<string, { value: unknown; layer: Layer }> = {};
  for (const layer of layers) {
    if (layer === null) {
      continue;
    }
    const setsTvl = layer.fields.tvl !== undefined;
    const setsMarketCap = layer.fields.market_cap !== undefined;
    if (setsTvl && !setsMarketCap) {
      delete merged['market_cap'];
      delete merged['utilization'];
    }
    if (setsMarketCap) {
      delete merged['tvl'];
    }
    // A stated end and a stated growth replace each other, layer over layer.
    if (layer.fields.end !== undefined) {
      delete merged['growth'];
    } else if (layer.fields.growth !== undefined) {
      delete merged['end'];
    }
    for (const key of MODEL_KEYS) {
      const value = layer.fields[key];
      // A layer that sets both (reported by checkLayer) is read as a market cap scenario, and as an end.
      if (value !== undefined && !(key === 'tvl' && setsMarketCap) && !(key === 'growth' && layer.fields.end !== undefined)) {
        merged[key] = { value, layer };
      }
    }
  }
  return merged as Merged;
}

function toInput(
  merged: Merged,
  at: (layer: Layer, key: Key, message: string, hint?: string | null) => void,
  missingBase: () => void,
): TvlInput | null {
  const years = merged.years?.value ?? 0;
  const step: Step = merged.step?.value ?? 'year';
  let valid = true;

  let base: TvlBase | null = null;
  if (merged.tvl !== undefined) {
    base = { kind: 'tvl', tvl: merged.tvl.value.value };
    if (merged.utilization !== undefined) {
      at(merged.utilization.layer, 'utilization', 'utilization applies only to a market_cap', 'this scenario compounds tvl directly; use market_cap instead of tvl to apply a utilization');
      valid = false;
    }
  } else if (merged.market_cap !== undefined) {
    const utilization = merged.utilization?.value;
    if (utilization === undefined) {
      at(merged.market_cap.layer, 'market_cap', 'market_cap needs a utilization', 'add utilization: 5% (the share of the market cap that is locked)');
      valid = false;
    } else {
      const ramp = 'from' in utilization ? { from: utilization.from.value, to: utilization.to.value } : { from: utilization.value, to: utilization.value };
      base = { kind: 'marketCap', marketCap: merged.market_cap.value.value, utilization: ramp };
    }
  } else {
    missingBase();
    valid = false;
  }

  const periods = years * PERIODS_PER_YEAR[step];
  if (periods > MAX_PERIODS) {
    // Unreachable while years stops at 200, the schema's limit; a guard should that ever change.
    at(merged.years!.layer, 'years', `${years} years of ${step}s make ${periods} periods; a path has at most ${MAX_PERIODS} (200 years of months)`, 'shorten the horizon or use a longer step');
    valid = false;
  }
  const start = merged.start?.value;
  if (start !== undefined && start + years > MAX_LAST_YEAR) {
    at(merged.years?.layer ?? merged.start!.layer, merged.years !== undefined ? 'years' : 'start', `runs past the year ${MAX_LAST_YEAR} (start ${start} + ${years} years)`);
    valid = false;
  }

  if (merged.end !== undefined) {
    const solved = base === null ? null : solveEnd(merged, base, years, at);
    return !valid || solved === null ? null : { years, step, base: base!, growthByYear: new Array<D>(years).fill(solved), end: merged.end.value.value };
  }
  const growth = merged.growth;
  const growthByYear = growth === undefined ? Array.from({ length: years }, () => new D(0)) : expandGrowth(growth.value, years);
  if (growth !== undefined && growthByYear === null) {
    const phaseYears = (growth.value as { years: number }[]).reduce((sum, phase) => sum + phase.years, 0);
    at(growth.layer, 'growth', `phases add up to ${phaseYears} years, but the horizon is ${years} years`, 'make the phases\' years add up to years:, or change years:');
    valid = false;
  }
  if (!valid || base === null || growthByYear === null) {
    return null;
  }
  return { years, step, base, growthByYear };
}

/**
 * The growth that takes the start (a TVL, or a market cap) to the stated end in `years`, solved
 * as `btcfi solve growth` solves it; null (with its issue) when none does or the start is a range.
 */
function solveEnd(merged: Merged, base: TvlBase, years: number, at: (layer: Layer, key: Key, message: string, hint?: string | null) => void): D | null {
  const end = merged.end!;
  const [key, field] = base.kind === 'tvl' ? (['tvl', merged.tvl!] as const) : (['market_cap', merged.market_cap!] as const);
  if (field.value.distribution != null) {
    at(field.layer, key, `${key} is a range, but end: needs an exact start to solve the growth from`, `give ${key} one figure, or state growth: instead of end:`);
    return null;
  }
  const solved = solveGrowth({ from: field.value.value, to: end.value.value, years: new D(years) });
  if (solved.reason === 'zero-years') {
    at(end.layer, 'end', 'end: needs a horizon of 1 year or more', 'add years: 5 (the years from the start to the end)');
    return null;
  }
  if (solved.reason === 'zero-start') {
    at(end.layer, 'end', `from a ${key} of 0 no growth reaches ${quoted(end.value.text)}`, `start from a ${key} above 0`);
    return null;
  }
  return solved.value;
}

/**
 * Sampling runs in float64: a case whose ranges let some path pass 1e300 is refused here, where
 * its place is known, rather than failing halfway through a simulation. Exact figures are
 * decimals and have no such limit.
 */
function checkSampling(input: TvlInput, uncertain: UncertainInputs, merged: Merged, at: (layer: Layer, key: Key, message: string, hint?: string | null) => void): boolean {
  const log10 = maxSampledLog10(input, uncertain);
  if (log10 <= MAX_SAMPLED_LOG10) {
    return true;
  }
  const startLog10 = maxSampledLog10({ ...input, growthByYear: [] }, { base: uncertain.base, growthByYear: [] });
  const base = merged.tvl !== undefined ? (['tvl', merged.tvl.layer] as const) : (['market_cap', merged.market_cap!.layer] as const);
  const about = Number.isFinite(log10) ? ` (to about 1e${Math.ceil(log10)})` : '';
  if (startLog10 > MAX_SAMPLED_LOG10 || merged.growth === undefined) {
    at(base[1], base[0], `with this range a sampled path can start above 1e${MAX_SAMPLED_LOG10}${about}, beyond what sampling in float64 holds`, 'narrow the range');
  } else {
    at(
      merged.growth.layer,
      'growth',
      `with these ranges a sampled path can grow past 1e${MAX_SAMPLED_LOG10}${about} in ${input.years} years, beyond what sampling in float64 holds`,
      'narrow the range of growth or shorten the horizon; exact figures (without ranges) have no such limit',
    );
  }
  return false;
}

/**
 * The largest figure a path may reach: 1e100. Amounts start at most at 1e36, and 100000% a year
 * for 200 years would take them past 1e636, figures of 850 characters that made a table of 100
 * monthly cases take over a gigabyte. Checked on an upper bound of the exact path (the start
 * grown by every rise, no fall counted), at the growth that takes it there.
 */
export const MAX_RESULT_LOG10 = 100;

function checkResultRange(input: TvlInput, merged: Merged, at: (layer: Layer, key: Key, message: string, hint?: string | null) => void): boolean {
  const log10 = maxSampledLog10(input, { base: null, growthByYear: [] });
  if (log10 <= MAX_RESULT_LOG10) {
    return true;
  }
  const about = Number.isFinite(log10) ? `about 1e${Math.ceil(log10)}` : 'beyond any number';
  if (merged.growth === undefined) {
    const base = merged.tvl !== undefined ? (['tvl', merged.tvl.layer] as const) : (['market_cap', merged.market_cap!.layer] as const);
    at(base[1], base[0], `the path would reach ${about}; figures go up to 1e${MAX_RESULT_LOG10}`, 'start lower');
  } else {
    at(merged.growth.layer, 'growth', `the path would grow to ${about} in ${input.years} years; figures go up to 1e${MAX_RESULT_LOG10}`, 'lower the growth or shorten the horizon');
  }
  return false;
}

function uncertainInputs(merged: Merged, years: number): UncertainInputs | null {
  const base = (merged.tvl ?? merged.market_cap)?.value.distribution ?? null;
  const utilization = merged.tvl === undefined ? merged.utilization?.value : undefined;
  const [utilizationFrom, utilizationTo] =
    utilization === undefined ? [null, null] : 'from' in utilization ? [utilization.from.distribution ?? null, utilization.to.distribution ?? null] : [utilization.distribution ?? null, utilization.distribution ?? null];
  const growth = merged.growth?.value;
  const growthByYear: (Distribution | null)[] =
    growth === undefined
      ? new Array<null>(years).fill(null)
      : Array.isArray(growth)
        ? growth.flatMap((phase) => new Array<Distribution | null>(phase.years).fill(phase.rate.distribution ?? null))
        : new Array<Distribution | null>(years).fill(growth.distribution ?? null);
  if (base === null && utilizationFrom === null && utilizationTo === null && growthByYear.every((d) => d === null)) {
    return null;
  }
  return { base, utilizationFrom, utilizationTo, growthByYear, resample: merged.resample?.value ?? 'path' };
}

function expandGrowth(growth: GrowthField, years: number): D[] | null {
  if (!Array.isArray(growth)) {
    return new Array<D>(years).fill(growth.value);
  }
  const rates = growth.flatMap((phase) => new Array<D>(phase.years).fill(phase.rate.value));
  return rates.length === years ? rates : null;
}


function describeOverrides(overrides: Overrides): string[] {
  const texts = Object.entries(overrides.fields).map(([key, value]) => `${key} ${describeValue(value)}`);
  return overrides.unit === null ? texts : [...texts, `unit ${overrides.unit}`];
}

function describeValue(value: unknown): string {
  if (value !== null && typeof value === 'object' && 'text' in value) {
    return String(value.text);
  }
  return String(value);
}
