import { D } from '../engine/decimal.js';
import { PERIODS_PER_YEAR, type MarketInput, type Step, type Track, type TvlBase, type TvlInput } from '../engine/types.js';
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
import { deriveMarketCap, isSupplyShare, marketMarkerProblems, priceParts, supplyParts, withIssuance } from './resolveMarket.js';
import { scaleDistribution } from '../engine/scaleDistribution.js';
import { P } from '../engine/decimal.js';

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
}

/** One mapping of model fields (the scenario's own, a case's, or the flags) and where to point at them. */
interface Layer {
  /** 0 for the file's own fields, 1 for a case, 2 for the flags: a later layer wins. */
  readonly rank: number;
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
  const base: Layer = { rank: 0, fields: data, prefix: [], locate };
  const caseLayers: [string | null, Layer | null][] =
    data.cases === undefined || Object.keys(data.cases).length === 0
      ? [[null, null]]
      : Object.entries(data.cases).map(([name, fields]) => [name, { rank: 1, fields, prefix: ['cases', name], locate }]);
  const overrideLayer: Layer | null = overrides === null ? null : { rank: 2, fields: overrides.fields, prefix: [], locate: overrides.locate };

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
  for (const key of ['tvl', 'market_cap', 'target'] as const) {
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
    for (const key of MODEL_KEYS) {
      const value = layer.fields[key];
      // A layer that sets both (reported by checkLayer) is read as a market cap scenario.
      if (value !== undefined && !(key === 'tvl' && setsMarketCap)) {
        merged[key] = { value, layer };
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
  const placed = { value: own, layer: merged.price!.layer };
  return merged.growth !== undefined && merged.growth.layer.rank > placed.layer.rank ? merged.growth : placed;
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
  const source = derived ? priceGrowthSource(merged) : own === undefined ? undefined : { value: own, layer };
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
