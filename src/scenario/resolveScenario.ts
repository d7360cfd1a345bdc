import { D } from '../engine/decimal.js';
import { PERIODS_PER_YEAR, type MarketInput, type Step, type Track, type TvlBase, type TvlInput } from '../engine/types.js';
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
import type { IncludedReferences } from './referenceSchema.js';
import { resolveReferences, type ResolvedReference } from './resolveReferences.js';

export type { ResolvedReference };
import { crossStacks, fileCaseStacks, type CaseStack, type Layer } from './caseStacks.js';
import { deriveMarketCap, isSupplyShare, marketMarkerProblems, priceParts, supplyParts, withIssuance } from './resolveMarket.js';
import { scaleDistribution } from '../engine/scaleDistribution.js';
import { P } from '../engine/decimal.js';

/** Fields that override every case of every scenario: the what-if flags of the command line. */
export interface Overrides {
  readonly fields: CaseFields;
  readonly unit: Unit | null;
  readonly locate: Locator;
  /** A flag given several values: each case becomes one case per value. */
  readonly sweep?: FlagSweep | null;
}

/** A what-if flag given several values (--utilization 5%,10%), each read as the field is. */
export interface FlagSweep {
  readonly field: Key;
  /** The values as typed, each the name of its case, with the field it sets. */
  readonly values: readonly { readonly name: string; readonly fields: CaseFields }[];
}

/** A what-if field that a scenario's cases (all of them, or those named) cannot take, and why: it is left out there. */
export interface NotApplied {
  readonly field: string;
  /** The value as typed, or the values of a sweep. */
  readonly text: string;
  /** The cases it was left out of (null for a scenario without cases). */
  readonly cases: readonly (string | null)[];
  /** Whether it was left out of every case of the scenario. */
  readonly all: boolean;
  readonly reason: string;
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
  /** The levels its paths are compared with: those of the files it includes, then its own. */
  readonly references: readonly ResolvedReference[];
  /** The what-if fields left out where they do not apply (a utilization on a TVL that compounds directly). */
  readonly notApplied?: readonly NotApplied[];
  /** Cases of the file left out by a --case filter: `check` does not evaluate the expectations that name them. */
  readonly casesLeftOut?: readonly string[];
}

type Key = keyof CaseFields;
/** Each field as the layers leave it: its value, the layer that set it and that layer's place (a later layer has a higher rank). */
type Merged = { [K in Key]?: { readonly value: NonNullable<CaseFields[K]>; readonly layer: Layer; readonly rank: number } };

const MAX_LAST_YEAR = 9999;

/**
 * Applies each case (and then any overrides) to the scenario's own fields and checks what only
 * the combination can show. A layer that sets tvl replaces a market cap below it and the
 * reverse, so a case or a flag may switch how a scenario is modelled. With `caseFilter`, only
 * the cases it names (before any what-if sweep makes more of them).
 */
export function resolveScenario(
  parsed: ParsedScenario,
  overrides: Overrides | null = null,
  included: readonly IncludedReferences[] = [],
  caseFilter: ReadonlySet<string> | null = null,
): Result<ResolvedScenario, InputIssue[]> {
  const { data, locate } = parsed;
  const caseCount = data.cases === undefined ? 0 : Object.keys(data.cases).length;
  if (caseCount > MAX_CASES) {
    // Each case is a whole path of up to 2,401 periods: thousands of them would fill memory.
    return err([{ ...locate(['cases'], true), message: `the scenario has ${caseCount} cases; a scenario has at most ${MAX_CASES}`, hint: 'split the cases over several scenario files' }]);
  }
  const unit: Unit = overrides?.unit ?? data.unit ?? 'USD';
  const base: Layer = { fields: data, prefix: [], locate };
  const fileStacks = fileCaseStacks(data, locate);
  const selected = caseFilter === null ? fileStacks : fileStacks.filter((stack) => stack.name !== null && caseFilter.has(stack.name));
  const applied = applyOverrides(base, selected, overrides);
  const issues: InputIssue[] = [];
  const at = (layer: Layer, key: Key, message: string, hint: string | null = null): void => {
    issues.push({ ...layer.locate([...layer.prefix, key]), message, hint });
  };
  if (applied.stacks.length > MAX_CASES) {
    const where = overrides?.sweep != null ? overrides.locate([overrides.sweep.field]) : locate(data.sweep === undefined ? ['cases'] : ['sweep'], true);
    return err([{ ...where, message: `the scenario would have ${applied.stacks.length} cases; a scenario has at most ${MAX_CASES}`, hint: 'sweep fewer values, or choose cases with --case' }]);
  }
  const names = applied.stacks.map((stack) => stack.name);
  const twice = names.find((name, index): name is string => name !== null && names.indexOf(name) !== index);
  if (twice !== undefined) {
    return err([{ ...locate(data.sweep === undefined ? ['cases'] : ['sweep'], true), message: `two cases are named ${quoted(twice)}`, hint: 'each value of a sweep names a case: list each value once' }]);
  }
  for (const layer of new Set([base, ...applied.stacks.flatMap((stack) => stack.layers)])) {
    checkLayer(layer, unit, at);
  }

  const cases: ResolvedCase[] = [];
  for (const { name, layers } of applied.stacks) {
    const merged = merge([base, ...layers]);
    const model = toInput(merged, unit, at, () => issues.push({ ...locate([]), message: 'a scenario needs tvl, or market_cap with utilization', hint: 'add tvl: 100B, or market_cap: 2T and utilization: 5%' }));
    if (model !== null) {
      const { input } = model;
      const uncertain = uncertainInputs(merged, model);
      if (uncertain !== null && !checkSampling(input, uncertain, merged, model.baseKey, at)) {
        continue;
      }
      if (!checkResultRange(input, merged, model.baseKey, at)) {
        continue;
      }
      cases.push({ name, start: merged.start?.value ?? null, input, target: merged.target?.value.value ?? null, uncertain });
    }
  }

  const { references, issues: referenceIssues } = resolveReferences(data.references, included, unit, locate);
  issues.push(...referenceIssues);
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
    whatIf: overrides === null ? [] : describeOverrides(overrides, applied.notApplied),
    notApplied: applied.notApplied,
    references,
  });
}

interface Applied {
  readonly stacks: readonly CaseStack[];
  readonly notApplied: readonly NotApplied[];
}

/**
 * The what-if flags on each case: a sweep makes one case per value, and the fixed values go on
 * top. A field that a case cannot take (a utilization where a TVL compounds directly) is left
 * out of that case, and said so.
 */
function applyOverrides(base: Layer, stacks: readonly CaseStack[], overrides: Overrides | null): Applied {
  if (overrides === null) {
    return { stacks, notApplied: [] };
  }
  const sweep = overrides.sweep ?? null;
  const combined: CaseFields = { ...overrides.fields, ...(sweep === null ? {} : sweep.values[0]!.fields) };
  const skipped = new Map<Key, { reason: string; cases: (string | null)[] }>();
  const out: CaseStack[] = [];
  for (const stack of stacks) {
    const below = merge([base, ...stack.layers]);
    const left = new Set<Key>();
    for (const key of Object.keys(combined) as Key[]) {
      const reason = notApplying(key, combined, below);
      if (reason !== null) {
        left.add(key);
        const entry = skipped.get(key) ?? { reason, cases: [] };
        entry.cases.push(stack.name);
        skipped.set(key, entry);
      }
    }
    const fields = Object.fromEntries(Object.entries(overrides.fields).filter(([key]) => !left.has(key as Key))) as CaseFields;
    const fixed: Layer = { fields, prefix: [], locate: overrides.locate };
    const swept =
      sweep === null || left.has(sweep.field) ? [stack] : crossStacks([stack], sweep.values.map((value) => ({ name: value.name, layer: { fields: value.fields, prefix: [], locate: overrides.locate } })));
    out.push(...swept.map((s) => ({ name: s.name, layers: [...s.layers, fixed] })));
  }
  const texts = overrideTexts(overrides);
  const notApplied = [...skipped].map(([field, { reason, cases }]) => ({ field, text: texts.get(field) ?? '', cases, all: cases.length === stacks.length, reason }));
  return { stacks: out, notApplied };
}

/** Why a what-if field does not apply to a case (what the layers below it make), or null when it does. */
function notApplying(key: Key, over: CaseFields, below: Merged): string | null {
  if (key === 'utilization' && over.tvl === undefined && over.market_cap === undefined && below.tvl !== undefined) {
    return 'a TVL compounds directly there, not a market cap times a utilization';
  }
  const growth = below.growth?.value;
  if (key === 'years' && over.growth === undefined && Array.isArray(growth) && growth.reduce((sum, phase) => sum + phase.years, 0) !== over.years) {
    return 'growth phases fix the horizon there';
  }
  return null;
}

function checkLayer(layer: Layer, unit: Unit, at: (layer: Layer, key: Key, message: string, hint?: string | null) => void): void {
  const { fields } = layer;
  if (fields.tvl !== undefined && fields.market_cap !== undefined) {
    at(layer, 'market_cap', 'tvl and market_cap are both set', 'a scenario compounds either a TVL, or a market cap times a utilization: keep one of them');
  }
  if (fields.end !== undefined && fields.growth !== undefined) {
    at(layer, 'end', 'end and growth are both set', 'end: states the amount at the horizon and solves the growth that reaches it; growth: states the growth. Keep one of them');
  }
  for (const problem of marketMarkerProblems(fields)) {
    at(layer, problem.key, problem.message, problem.hint);
  }
  if (fields.supply !== undefined && !isSupplyShare(fields.supply) && (fields.tvl !== undefined || fields.market_cap !== undefined)) {
    at(
      layer,
      'supply',
      `${fields.tvl !== undefined ? 'tvl' : 'market_cap'} and supply are both set`,
      fields.tvl !== undefined ? 'with tvl, state the supply as the TVL\'s share of it: supply: {share: 0.46%}' : 'a market cap is price x supply: give market_cap, or price and supply',
    );
  }
  if (fields.supply !== undefined && isSupplyShare(fields.supply) && fields.market_cap !== undefined) {
    at(layer, 'supply', 'a supply share applies to a tvl, not to a market_cap', 'with market_cap, the utilization is the share: utilization: 0.46%');
  }
  for (const key of ['tvl', 'market_cap', 'target', 'end'] as const) {
    const amount = fields[key];
    if (amount?.marker != null && amount.marker !== unit) {
      at(layer, key, `${quoted(amount.text)} is in ${amount.marker}, but the scenario's unit is ${unit}`, `write the amount without a ${amount.marker === 'USD' ? '$' : 'BTC'} marker, or set unit: ${amount.marker}`);
    }
  }
}

function merge(layers: readonly (Layer | null)[]): Merged {
  const merged: Record<string, { value: unknown; layer: Layer; rank: number }> = {};
  for (const [rank, layer] of layers.entries()) {
    if (layer === null) {
      continue;
    }
    const setsTvl = layer.fields.tvl !== undefined;
    const setsMarketCap = layer.fields.market_cap !== undefined;
    // A supply of its own (not a share of the TVL) makes the market cap price x supply.
    const setsSupply = layer.fields.supply !== undefined && !isSupplyShare(layer.fields.supply);
    const mergedSupply = merged['supply']?.value as CaseFields['supply'];
    if (setsTvl && !setsMarketCap) {
      delete merged['market_cap'];
      delete merged['utilization'];
    }
    if (setsMarketCap) {
      delete merged['tvl'];
    }
    if ((setsTvl && !isSupplyShare(mergedSupply)) || setsMarketCap) {
      delete merged['supply'];
    }
    if (setsSupply && !setsTvl && !setsMarketCap) {
      delete merged['tvl'];
      delete merged['market_cap'];
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
        merged[key] = { value, layer, rank };
      }
    }
  }
  return merged as Merged;
}

/** A case's path, and what its uncertain figures are made of. */
interface Model {
  readonly input: TvlInput;
  /** The range the path starts from: the TVL's, the market cap's, or one scaled to it (a price's times the supply). */
  readonly baseDistribution: Distribution | null;
  /** The growth written for what compounds (for price x supply, the price's), and the factor a year it is scaled by (1 + issuance). */
  readonly growth: Merged['growth'];
  readonly growthFactor: D | null;
  /** Where the start of the path was written. */
  readonly baseKey: readonly [Key, Layer];
}

type At = (layer: Layer, key: Key, message: string, hint?: string | null) => void;

function toInput(merged: Merged, unit: Unit, at: At, missingBase: () => void): Model | null {
  const years = merged.years?.value ?? 0;
  const step: Step = merged.step?.value ?? 'year';
  let valid = true;

  const resolvedBase = resolveBase(merged, unit, at, missingBase);
  valid &&= resolvedBase !== null;

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
    const solved = resolvedBase === null ? null : solveEnd(merged, resolvedBase.base, years, at);
    if (!valid || resolvedBase === null || solved === null) {
      return null;
    }
    const input: TvlInput = { years, step, base: resolvedBase.base, growthByYear: new Array<D>(years).fill(solved), end: merged.end.value.value };
    return { input, baseDistribution: resolvedBase.distribution, growth: undefined, growthFactor: null, baseKey: resolvedBase.key };
  }
  const growth = resolvedBase?.growth ?? merged.growth;
  const written = expandAt(growth, years, at);
  const price = resolvePrice(merged, unit, resolvedBase?.derived === true, years, at);
  if (!valid || resolvedBase === null || written === null || price === null) {
    return null;
  }
  const growthByYear = resolvedBase.growthFactor === null ? written : withIssuance(written, resolvedBase.growthFactor);
  const market: MarketInput | null =
    merged.price === undefined && merged.supply === undefined ? null : { unit, price: price.track, supplyFromMarketCap: merged.supply !== undefined };
  return {
    input: { years, step, base: resolvedBase.base, growthByYear, ...(market === null ? {} : { market }) },
    baseDistribution: resolvedBase.distribution,
    growth,
    growthFactor: resolvedBase.growthFactor,
    baseKey: resolvedBase.key,
  };
}

/** Growth expanded to one rate a year, or null (with the issue) when phases do not add up to the horizon. */
function expandAt(growth: Merged['growth'], years: number, at: At): D[] | null {
  const growthByYear = growth === undefined ? Array.from({ length: years }, () => new D(0)) : expandGrowth(growth.value, years);
  if (growth !== undefined && growthByYear === null) {
    const phaseYears = (growth.value as { years: number }[]).reduce((sum, phase) => sum + phase.years, 0);
    const key: Key = growth.layer.fields.growth === growth.value ? 'growth' : 'price';
    at(growth.layer, key, `phases add up to ${phaseYears} years, but the horizon is ${years} years`, 'make the phases\' years add up to years:, or change years:');
  }
  return growthByYear;
}

interface ResolvedBase {
  readonly base: TvlBase;
  readonly distribution: Distribution | null;
  readonly key: readonly [Key, Layer];
  /** Set for a market cap of price x supply: the growth that compounds (the price's) and 1 + issuance. */
  readonly derived: boolean;
  readonly growth?: Merged['growth'];
  readonly growthFactor: D | null;
}

/** What the path starts from: a TVL, a market cap times a utilization, a market cap of price x supply, or one implied by the TVL's share of the supply. */
function resolveBase(merged: Merged, unit: Unit, at: At, missingBase: () => void): ResolvedBase | null {
  const supply = merged.supply === undefined ? null : supplyParts(merged.supply.value);
  if (merged.tvl !== undefined) {
    const tvl = merged.tvl.value;
    const key = ['tvl', merged.tvl.layer] as const;
    if (merged.utilization !== undefined) {
      const shared = supply?.share != null;
      at(merged.utilization.layer, 'utilization', shared ? 'utilization and a supply share are both set' : 'utilization applies only to a market_cap', shared ? 'the share of the supply is the utilization: keep supply: {share: ...}' : 'this scenario compounds tvl directly; use market_cap instead of tvl to apply a utilization');
      return null;
    }
    if (supply?.share == null) {
      return { base: { kind: 'tvl', tvl: tvl.value }, distribution: tvl.distribution ?? null, key, derived: false, growthFactor: null };
    }
    // The TVL is a share of the supply: the market cap (in bitcoin, the supply) is TVL / share, and the share its utilization.
    const inverse = new P(1).div(supply.share);
    const marketCap = new P(tvl.value).div(supply.share);
    const distribution = tvl.distribution === undefined ? null : scaleDistribution(tvl.distribution, inverse, 'value');
    return { base: { kind: 'marketCap', marketCap, utilization: { from: supply.share, to: supply.share } }, distribution, key, derived: false, growthFactor: null };
  }
  const derivedSupply = merged.market_cap === undefined && supply?.amount != null ? supply : null;
  const key = merged.market_cap !== undefined ? (['market_cap', merged.market_cap.layer] as const) : merged.supply !== undefined ? (['supply', merged.supply.layer] as const) : null;
  if (key === null) {
    missingBase();
    return null;
  }
  const utilization = merged.utilization?.value;
  if (utilization === undefined) {
    at(key[1], key[0], `${key[0]} needs a utilization`, key[0] === 'market_cap' ? 'add utilization: 5% (the share of the market cap that is locked)' : 'add utilization: 5% (the share of the market cap, price x supply, that is locked)');
    return null;
  }
  const ramp = 'from' in utilization ? { from: utilization.from.value, to: utilization.to.value } : { from: utilization.value, to: utilization.value };
  if (derivedSupply === null) {
    const marketCap = merged.market_cap!.value;
    return { base: { kind: 'marketCap', marketCap: marketCap.value, utilization: ramp }, distribution: marketCap.distribution ?? null, key, derived: false, growthFactor: null };
  }
  const price = merged.price === undefined ? null : priceParts(merged.price.value).amount;
  if (unit === 'USD' && price === null) {
    at(key[1], 'supply', 'a market cap of price x supply needs a price', 'add price: 100K (dollars per bitcoin), or write the scenario in bitcoin: unit: BTC');
    return null;
  }
  if (unit === 'BTC' && price === null && merged.growth !== undefined) {
    at(merged.growth.layer, 'growth', 'in bitcoin a market cap of the supply grows by its issuance, and growth is the price\'s, but no price is set', 'give supply: {value: 19.85M BTC, issuance: 0.83%}, or add price: 100K');
    return null;
  }
  const derived = deriveMarketCap(unit, price, derivedSupply.amount!, derivedSupply.issuance);
  const growth = unit === 'USD' ? priceGrowthSource(merged) : undefined;
  return { base: { kind: 'marketCap', marketCap: derived.marketCap, utilization: ramp }, distribution: derived.distribution, key, derived: true, growth, growthFactor: derived.issuanceFactor };
}

/** The growth of the price where the market cap is price x supply: the price's own, or the scenario's growth, whichever a later layer set. */
function priceGrowthSource(merged: Merged): Merged['growth'] {
  const own = merged.price === undefined ? undefined : priceParts(merged.price.value).growth;
  if (own === undefined) {
    return merged.growth;
  }
  const placed = { value: own, layer: merged.price!.layer, rank: merged.price!.rank };
  return merged.growth !== undefined && merged.growth.rank > placed.rank ? merged.growth : placed;
}

/**
 * The price track: USD per BTC at its own growth, by the path's step. Where the market cap is
 * price x supply in dollars, the price moves with the path (its growth is the path's, less the
 * issuance); elsewhere it only turns figures into the other unit, and must be exact.
 */
function resolvePrice(merged: Merged, unit: Unit, derived: boolean, years: number, at: At): { track: Track | null } | null {
  if (merged.price === undefined) {
    return { track: null };
  }
  const { layer } = merged.price;
  const { amount, growth: own } = priceParts(merged.price.value);
  const drives = derived && unit === 'USD';
  // Where the market cap is price x supply, the scenario's growth is the price's (unless the price has its own, set later).
  const source = derived ? priceGrowthSource(merged) : own === undefined ? undefined : { value: own, layer, rank: merged.price.rank };
  if (!drives && (amount.distribution !== undefined || (source !== undefined && isUncertainGrowth(source.value)))) {
    at(layer, 'price', 'a price that only turns the TVL into the other unit must be exact', 'give one price (100K); a range of price is sampled where the market cap is price x supply in dollars');
    return null;
  }
  const growthByYear = expandAt(source, years, at);
  return growthByYear === null ? null : { track: { start: amount.value, growthByYear } };
}

function isUncertainGrowth(growth: GrowthField): boolean {
  return Array.isArray(growth) ? growth.some((phase) => phase.rate.distribution !== undefined) : growth.distribution !== undefined;
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
function checkSampling(input: TvlInput, uncertain: UncertainInputs, merged: Merged, base: readonly [Key, Layer], at: At): boolean {
  const log10 = maxSampledLog10(input, uncertain);
  if (log10 <= MAX_SAMPLED_LOG10) {
    return true;
  }
  const startLog10 = maxSampledLog10({ ...input, growthByYear: [] }, { base: uncertain.base, growthByYear: [] });
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

function checkResultRange(input: TvlInput, merged: Merged, base: readonly [Key, Layer], at: At): boolean {
  const log10 = maxSampledLog10(input, { base: null, growthByYear: [] });
  if (log10 <= MAX_RESULT_LOG10) {
    return true;
  }
  const about = Number.isFinite(log10) ? `about 1e${Math.ceil(log10)}` : 'beyond any number';
  if (merged.growth === undefined) {
    at(base[1], base[0], `the path would reach ${about}; figures go up to 1e${MAX_RESULT_LOG10}`, 'start lower');
  } else {
    at(merged.growth.layer, 'growth', `the path would grow to ${about} in ${input.years} years; figures go up to 1e${MAX_RESULT_LOG10}`, 'lower the growth or shorten the horizon');
  }
  return false;
}

function uncertainInputs(merged: Merged, model: Model): UncertainInputs | null {
  const { years } = model.input;
  const base = model.baseDistribution;
  const utilization = model.input.base.kind === 'marketCap' && merged.tvl === undefined ? merged.utilization?.value : undefined;
  const [utilizationFrom, utilizationTo] =
    utilization === undefined ? [null, null] : 'from' in utilization ? [utilization.from.distribution ?? null, utilization.to.distribution ?? null] : [utilization.distribution ?? null, utilization.distribution ?? null];
  const growth = model.growth?.value;
  // A price's growth with the supply's issuance: each range scaled by 1 + issuance, once per range.
  const factor = model.growthFactor;
  const scaled = new Map<Distribution, Distribution>();
  const scale = (d: Distribution | undefined): Distribution | null => {
    if (d === undefined) {
      return null;
    }
    if (factor === null || factor.eq(1)) {
      return d;
    }
    let made = scaled.get(d);
    if (made === undefined) {
      made = scaleDistribution(d, factor, 'growthFactor');
      scaled.set(d, made);
    }
    return made;
  };
  const growthByYear: (Distribution | null)[] =
    growth === undefined
      ? new Array<null>(years).fill(null)
      : Array.isArray(growth)
        ? growth.flatMap((phase) => new Array<Distribution | null>(phase.years).fill(scale(phase.rate.distribution)))
        : new Array<Distribution | null>(years).fill(scale(growth.distribution));
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


/** Each what-if field as typed: `utilization 7%`; a sweep's values joined. */
function overrideTexts(overrides: Overrides): Map<string, string> {
  const texts = new Map(Object.entries(overrides.fields).map(([key, value]) => [key, describeValue(value)]));
  if (overrides.sweep != null) {
    texts.set(overrides.sweep.field, overrides.sweep.values.map((value) => value.name).join(', '));
  }
  return texts;
}

function describeOverrides(overrides: Overrides, notApplied: readonly NotApplied[]): string[] {
  const texts: string[] = [];
  for (const [key, text] of overrideTexts(overrides)) {
    const left = notApplied.find((entry) => entry.field === key);
    if (left?.all === true) {
      continue;
    }
    const each = overrides.sweep?.field === key ? ' (a case each)' : '';
    const except = left === undefined ? '' : ` (not in ${left.cases.length === 1 ? 'case' : 'cases'} ${left.cases.join(', ')})`;
    texts.push(`${key} ${text}${each}${except}`);
  }
  return overrides.unit === null ? texts : [...texts, `unit ${overrides.unit}`];
}

function describeValue(value: unknown): string {
  if (value !== null && typeof value === 'object' && 'text' in value) {
    return String(value.text);
  }
  return String(value);
}
