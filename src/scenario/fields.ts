import * as z from 'zod/mini';
import { D } from '../engine/decimal.js';
import { degenerateValue, distributionBounds, distributionMedian, type Distribution, type LognormalOf } from '../engine/distribution.js';
import { MAX_FIGURE_LENGTH, parseAmount, type Amount, type TextProblem } from './parseAmount.js';
import { growthProblem, parseRate, type Rate } from './parseRate.js';
import type { Result } from '../core/result.js';
import { quoted, shown } from '../core/visibleText.js';
import { once } from '../core/once.js';

// The field types of the scenario format. Numbers reach these schemas as their source text
// (see toData.ts), so every figure is parsed straight into a Decimal, never through a JS number.

export const numeral = once(() => z.union([z.string(), z.number()]));

/** A problem found by a transform (zod/mini hands transforms the parse itself, without addIssue). */
export function addIssue(ctx: z.core.ParsePayload, issue: { readonly message: string; readonly path?: PropertyKey[]; readonly params?: Record<string, unknown> }): void {
  ctx.issues.push({ code: 'custom', input: ctx.value, path: issue.path ?? [], message: issue.message, params: issue.params });
}

/**
 * A schema with its description, for the JSON Schema and editors: kept in zod's registry, as
 * z.describe keeps it, without making a copy of the schema to hold a check that does nothing.
 * Every schema described is one made for the purpose, so no other description is overwritten.
 */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), description });
  return schema;
}

/** A fraction as a percentage, exactly: 0.264 is `26.4%`. */
export function percent(value: D): string {
  return `${value.times(100).toFixed()}%`;
}

/** A figure as written: an exact value, or, with `distribution`, its median and how it varies. */
interface Uncertain {
  readonly value: D;
  readonly text: string;
  readonly distribution?: Distribution;
}

type Reader<T extends Uncertain> = (text: string) => Result<T, TextProblem>;

const distributionObject = once(() =>
  z
    .strictObject({
      normal: z.optional(z.strictObject({ mean: numeral(), sd: numeral() })),
      lognormal: z.optional(z.strictObject({ p5: numeral(), p95: numeral() })),
      uniform: z.optional(z.tuple([numeral(), numeral()])),
      triangular: z.optional(z.tuple([numeral(), numeral(), numeral()])),
    })
    .check(z.describe('An uncertain figure: {normal: {mean, sd}}, {lognormal: {p5, p95}}, {uniform: [low, high]} or {triangular: [low, mode, high]}')),
);

export const DISTRIBUTION_KEYS: readonly string[] = ['normal', 'lognormal', 'uniform', 'triangular'];

/**
 * A 90% range, `LOW to HIGH`: the first `to` (any case) with white space on both sides and text
 * before and after. Found by one scan instead of the pattern /^(.+?)\s+to\s+(.+)$/i, which took
 * time growing with the square of a run of spaces. Returns the two bounds, untrimmed, or null.
 */
export function splitRange(text: string): readonly [string, string] | null {
  const lower = text.toLowerCase();
  for (let at = lower.indexOf('to', 1); at !== -1; at = lower.indexOf('to', at + 1)) {
    if (!isSpace(text[at - 1]!) || at + 2 >= text.length || !isSpace(text[at + 2]!)) {
      continue;
    }
    let lowEnd = at - 1;
    while (lowEnd > 0 && isSpace(text[lowEnd - 1]!)) {
      lowEnd -= 1;
    }
    let highStart = at + 3;
    while (highStart < text.length && isSpace(text[highStart]!)) {
      highStart += 1;
    }
    if (lowEnd > 0 && highStart < text.length) {
      return [text.slice(0, lowEnd), text.slice(highStart)];
    }
  }
  return null;
}

function isSpace(char: string): boolean {
  return /\s/.test(char);
}

/** What reading the numbers of one figure needs: the reader, and where to report what fails. */
interface FigureReading<T extends Uncertain> {
  /** Adds an issue; returns z.NEVER for the transform to return. */
  readonly fail: (problem: TextProblem, path?: (string | number)[]) => typeof z.NEVER;
  /** Each number read, or null (its issue added) when it does not parse: every bad bound is reported. */
  readonly figure: (text: string | number, path?: (string | number)[]) => T | null;
  /** The numbers, when every one of them read. */
  readonly all: <A extends readonly (T | null)[]>(found: A) => { [K in keyof A]: T } | null;
}

function figureReading<T extends Uncertain>(read: Reader<T>, ctx: z.core.ParsePayload): FigureReading<T> {
  const fail = (problem: TextProblem, path: (string | number)[] = []): typeof z.NEVER => {
    addIssue(ctx, { path, message: problem.message, params: { hint: problem.hint } });
    return z.NEVER;
  };
  const figure = (text: string | number, path: (string | number)[] = []): T | null => {
    const parsed = read(String(text));
    if (parsed.ok) {
      return parsed.value;
    }
    fail(parsed.error, path);
    return null;
  };
  const all = <A extends readonly (T | null)[]>(found: A): { [K in keyof A]: T } | null =>
    found.every((f) => f !== null) ? (found as unknown as { [K in keyof A]: T }) : null;
  return { fail, figure, all };
}

type DistributionInput = z.output<ReturnType<typeof distributionObject>>;

/**
 * A figure field that may be uncertain: exact text (`5%`), a 90% range (`5% to 10%`), or a
 * distribution object. Each number inside is read by `read`, so units and syntax stay the same.
 */
function uncertainField<T extends Uncertain>(read: Reader<T>, of: LognormalOf) {
  return z.pipe(z.union([numeral(), distributionObject()]), z.transform((input, ctx): T => {
    const reading = figureReading(read, ctx);
    if (typeof input !== 'object') {
      return readFigureText(String(input), reading, of);
    }
    if (ctx.issues.length > 0) {
      return z.NEVER; // an unknown key, already reported with a suggestion
    }
    return readDistributionObject(input, reading, of);
  }));
}

/** A figure as text: exact (`5%`) or a 90% range (`5% to 10%`, a lognormal). */
function readFigureText<T extends Uncertain>(input: string, { fail, figure, all }: FigureReading<T>, of: LognormalOf): T {
  // Longer text is no figure and no range: refused before any scan (a range is two figures and ` to `).
  const range = input.trim().length > 2 * MAX_FIGURE_LENGTH + 4 ? null : splitRange(input.trim());
  if (range === null) {
    return figure(input) ?? z.NEVER;
  }
  const bounds = all([figure(range[0]), figure(range[1])] as const);
  if (bounds === null) {
    return z.NEVER;
  }
  const [low, high] = bounds;
  if (low.value.gt(high.value)) {
    return fail({ message: `${quoted(input.trim())} runs from high to low`, hint: `write the lower bound first: ${range[1]} to ${range[0]}` });
  }
  return withDistribution(low, input.trim(), { kind: 'lognormal', p5: low.value, p95: high.value }, of);
}

/** A figure as a distribution object: exactly one of normal, lognormal, uniform or triangular, its numbers in order. */
function readDistributionObject<T extends Uncertain>(input: DistributionInput, { fail, figure, all }: FigureReading<T>, of: LognormalOf): T {
  const kinds = Object.keys(input).filter((key) => (input as Record<string, unknown>)[key] !== undefined);
  if (kinds.length !== 1) {
    return fail({ message: kinds.length === 0 ? 'names no distribution' : `names ${kinds.join(' and ')}; a figure has one distribution`, hint: 'use one of normal, lognormal, uniform or triangular' });
  }
  const text = describeObject(input);
  if (input.normal !== undefined) {
    const figures = all([figure(input.normal.mean, ['normal', 'mean']), figure(input.normal.sd, ['normal', 'sd'])] as const);
    if (figures === null) {
      return z.NEVER;
    }
    const [mean, sd] = figures;
    if (sd.value.isNegative()) {
      return fail({ message: `a standard deviation cannot be negative (got ${shown(sd.text)})`, hint: null }, ['normal', 'sd']);
    }
    return withDistribution(mean, text, { kind: 'normal', mean: mean.value, sd: sd.value }, of);
  }
  if (input.lognormal !== undefined) {
    const figures = all([figure(input.lognormal.p5, ['lognormal', 'p5']), figure(input.lognormal.p95, ['lognormal', 'p95'])] as const);
    if (figures === null) {
      return z.NEVER;
    }
    const [p5, p95] = figures;
    if (p5.value.gt(p95.value)) {
      return fail({ message: `p5 (${p5.text}) is above p95 (${p95.text})`, hint: null }, ['lognormal']);
    }
    return withDistribution(p5, text, { kind: 'lognormal', p5: p5.value, p95: p95.value }, of);
  }
  if (input.uniform !== undefined) {
    const figures = all(input.uniform.map((value, i) => figure(value, ['uniform', i])));
    if (figures === null) {
      return z.NEVER;
    }
    const [low, high] = figures as [T, T];
    if (low.value.gt(high.value)) {
      return fail({ message: `the low end (${low.text}) is above the high end (${high.text})`, hint: 'write [low, high]' }, ['uniform']);
    }
    return withDistribution(low, text, { kind: 'uniform', low: low.value, high: high.value }, of);
  }
  const figures = all(input.triangular!.map((value, i) => figure(value, ['triangular', i])));
  if (figures === null) {
    return z.NEVER;
  }
  const [low, mode, high] = figures as [T, T, T];
  if (low.value.gt(mode.value) || mode.value.gt(high.value)) {
    return fail({ message: `[${low.text}, ${mode.text}, ${high.text}] is not in order low, mode, high`, hint: null }, ['triangular']);
  }
  return withDistribution(low, text, { kind: 'triangular', low: low.value, mode: mode.value, high: high.value }, of);
}

/** The figure a range stands for: exact when it cannot vary, else its median with the distribution. */
function withDistribution<T extends Uncertain>(first: T, text: string, distribution: Distribution, of: LognormalOf): T {
  const single = degenerateValue(distribution);
  if (single !== null) {
    return { ...first, value: single, text };
  }
  return { ...first, value: distributionMedian(distribution, of), text, distribution };
}

function describeObject(input: object): string {
  const [kind, parameters] = Object.entries(input).find(([, value]) => value !== undefined)!;
  const inner = Array.isArray(parameters)
    ? `[${parameters.join(', ')}]`
    : `{${Object.entries(parameters as Record<string, unknown>).map(([key, value]) => `${key}: ${String(value)}`).join(', ')}}`;
  return `{${kind}: ${inner}}`;
}

/** An amount that must be exact (a target). */
export const exactAmount = once(() => z.pipe(numeral(), z.transform((input, ctx): Amount => {
  const parsed = parseAmount(String(input));
  if (!parsed.ok) {
    addIssue(ctx, { message: parsed.error.message, params: { hint: parsed.error.hint } });
    return z.NEVER;
  }
  return parsed.value;
})));

/**
 * The smallest lower bound of a lognormal (of a figure, or of 1 + g for growth): sampling runs in
 * float64, where a logarithm of a bound nearer zero is out of range and every draw would be NaN.
 */
export const MIN_LOGNORMAL_BOUND = new D('1e-300');

/** An amount, exact or uncertain; amounts are positive, so a lognormal's bounds are too. */
// Refinements see no value when the figure failed already (an unknown key in a distribution).
export const amount = once(() => uncertainField(parseAmount, 'value').check(z.superRefine((a, ctx) => {
  if (failedAlready(a) || a.distribution?.kind !== 'lognormal' || a.distribution.p5.gte(MIN_LOGNORMAL_BOUND)) {
    return;
  }
  ctx.addIssue({
    code: 'custom',
    message: a.distribution.p5.gt(0) ? `a lognormal range needs bounds of at least 1e-300 (got ${shown(a.text)})` : 'a lognormal range needs bounds above zero',
    params: { hint: 'for a range that starts at zero use {uniform: [0, high]} or {triangular: [0, mode, high]}' },
  });
})));

const rate = once(() => uncertainField(parseRate, 'value'));

export const growthRate = once(() => uncertainField(parseRate, 'growthFactor').check(z.superRefine((r, ctx) => {
  if (failedAlready(r)) {
    return;
  }
  const { low } = distributionBounds(r.distribution ?? point(r.value));
  const floor = r.distribution === undefined ? growthProblem(r.value, r.text) : null;
  if (floor !== null && !r.value.lt(-1)) {
    ctx.addIssue({ code: 'custom', message: floor.message, params: { hint: floor.hint } });
  } else if (r.distribution === undefined ? low.lt(-1) : low.lte(-1)) {
    ctx.addIssue({
      code: 'custom',
      message: `must be at least -100% (got ${shown(r.text)})`,
      params: { hint: r.distribution === undefined ? 'a fall can take away at most everything: -100%' : 'a range of growth must stay above -100%' },
    });
  } else if (r.distribution?.kind === 'lognormal' && low.plus(1).lt(MIN_LOGNORMAL_BOUND)) {
    ctx.addIssue({
      code: 'custom',
      message: `must stay further above -100% (got ${shown(r.text)}): a lognormal of 1 + growth needs 1 + the low bound of at least 1e-300`,
      params: { hint: 'for a range that reaches -100% use {uniform: [-100%, high]}' },
    });
  }
})));

export const utilizationRate = once(() => rate().check(z.superRefine((r, ctx) => {
  if (failedAlready(r)) {
    return;
  }
  const { low, high } = distributionBounds(r.distribution ?? point(r.value));
  const lognormalAtZero = r.distribution?.kind === 'lognormal' && low.lt(MIN_LOGNORMAL_BOUND);
  if (low.lt(0) || high.gt(1) || lognormalAtZero) {
    const tiny = lognormalAtZero && low.gt(0) && high.lte(1);
    ctx.addIssue({
      code: 'custom',
      message: tiny ? `a lognormal range needs bounds of at least 1e-300 (got ${shown(r.text)})` : `must be between 0% and 100% (got ${shown(r.text)})`,
      params: {
        hint: lognormalAtZero
          ? 'a range like 5% to 10% is a lognormal, which needs bounds above 0%; from 0% use {uniform: [0%, 10%]}'
          : 'utilization is the share of the market cap that is locked: 5% is written 5%',
      },
    });
  }
})));

/** zod hands a refinement z.NEVER (not a figure) when the figure failed before it: nothing more to check. */
function failedAlready(figure: Uncertain): boolean {
  return !(figure?.value instanceof D);
}

function point(value: D): Distribution {
  return { kind: 'uniform', low: value, high: value };
}

export function wholeNumber(min: number, max: number, what: string) {
  return z.pipe(z.union([z.int(), z.string()]), z.transform((input, ctx): number => {
    const text = String(input).trim();
    if (!/^[0-9]+$/.test(text) || Number(text) < min || Number(text) > max) {
      addIssue(ctx, { message: `must be a whole number of ${what} from ${min} to ${max} (got ${shown(text)})` });
      return z.NEVER;
    }
    return Number(text);
  }));
}

