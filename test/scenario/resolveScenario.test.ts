import { describe, expect, it } from 'vitest';
import type { TvlInput } from '../../src/engine/index.js';
import type { InputIssue } from '../../src/core/inputIssue.js';
import { parseScenario, type Locator } from '../../src/scenario/parseScenario.js';
import { resolveScenario, type Overrides, type ResolvedScenario } from '../../src/scenario/resolveScenario.js';
import { caseSchema } from '../../src/scenario/schema.js';

// ---- helpers ----

/** A file's text from its lines, so that line numbers can be read off the fixture. */
const lines = (...text: string[]): string => `${text.join('\n')}\n`;

function resolve(text: string, overrides: Overrides | null = null): ReturnType<typeof resolveScenario> {
  const parsed = parseScenario(text, 'scenario.yaml');
  if (!parsed.ok) {
    throw new Error(`the fixture does not parse:\n${parsed.error.map((i) => i.message).join('\n')}`);
  }
  return resolveScenario(parsed.value, overrides);
}

function resolved(text: string, overrides: Overrides | null = null): ResolvedScenario {
  const result = resolve(text, overrides);
  if (!result.ok) {
    throw new Error(`expected the scenario to resolve, got:\n${result.error.map((i) => i.message).join('\n')}`);
  }
  return result.value;
}

function issues(text: string, overrides: Overrides | null = null): InputIssue[] {
  const result = resolve(text, overrides);
  if (result.ok) {
    throw new Error('expected issues, but the scenario resolved');
  }
  return result.error;
}

/** Where an issue points, as `line:column`. */
const at = (found: InputIssue): string => (found.span === null ? 'nowhere' : `${found.span.line}:${found.span.column}`);

/** An engine input as exact text: Decimals through their toJSON. */
const plain = (input: TvlInput): unknown => JSON.parse(JSON.stringify(input));

/** The cases of a scenario by name, each as its plain engine input. */
function inputs(scenario: ResolvedScenario): Record<string, unknown> {
  return Object.fromEntries(scenario.cases.map((c) => [String(c.name), plain(c.input)]));
}

/** Command-line overrides, as the flags would give them, all pointing at one flag. */
function overrides(fields: Record<string, string>, unit: 'USD' | 'BTC' | null = null, flag = '--flag'): Overrides {
  const locate: Locator = () => ({ file: flag, span: null });
  return { fields: caseSchema().parse(fields), unit, locate };
}

// ---- tests ----

describe('resolveScenario', () => {
  it('resolves a scenario without cases to one unnamed case', () => {
    const scenario = resolved(lines('name: defi', 'title: DeFi', 'start: 2026', 'years: 2', 'tvl: 238.5B', 'growth: 26.4%'));
    expect(scenario).toMatchObject({ file: 'scenario.yaml', name: 'defi', title: 'DeFi', source: null, notes: null, unit: 'USD' });
    expect(scenario.cases.map((c) => [c.name, c.start])).toEqual([[null, 2026]]);
    expect(plain(scenario.cases[0]!.input)).toEqual({
      years: 2,
      step: 'year',
      base: { kind: 'tvl', tvl: '238500000000' },
      growthByYear: ['0.264', '0.264'],
    });
  });

  it('has no start year, a yearly step, 0 years and no growth when the file sets none', () => {
    const [only] = resolved(lines('name: a', 'tvl: 100')).cases;
    expect(only!.start).toBeNull();
    expect(plain(only!.input)).toEqual({ years: 0, step: 'year', base: { kind: 'tvl', tvl: '100' }, growthByYear: [] });
  });

  it('grows by 0% a year when years are set without growth', () => {
    expect(plain(resolved(lines('name: a', 'years: 3', 'tvl: 100')).cases[0]!.input)).toMatchObject({ growthByYear: ['0', '0', '0'] });
  });

  it('reads the unit, and the title, source and notes', () => {
    const scenario = resolved(lines('name: a', 'unit: BTC', 'source: an article', 'notes: a note', 'tvl: 91,332 BTC'));
    expect([scenario.unit, scenario.title, scenario.source, scenario.notes]).toEqual(['BTC', null, 'an article', 'a note']);
  });

  it('expands phases to one rate per year: 2 years at 50%, then 3 at 20%', () => {
    const text = lines('name: a', 'years: 5', 'tvl: 100', 'growth:', '  - {years: 2, rate: 50%}', '  - {years: 3, rate: 20%}');
    expect(plain(resolved(text).cases[0]!.input)).toMatchObject({ growthByYear: ['0.5', '0.5', '0.2', '0.2', '0.2'] });
  });

  it('resolves a utilization ramp and a constant utilization', () => {
    const text = lines('name: a', 'years: 4', 'market_cap: 2T', 'utilization: {from: 0.46%, to: 5%}', 'cases:', '  ramp: {}', '  flat: {utilization: 5%}');
    expect(inputs(resolved(text))).toEqual({
      ramp: { years: 4, step: 'year', base: { kind: 'marketCap', marketCap: '2000000000000', utilization: { from: '0.0046', to: '0.05' } }, growthByYear: ['0', '0', '0', '0'] },
      flat: { years: 4, step: 'year', base: { kind: 'marketCap', marketCap: '2000000000000', utilization: { from: '0.05', to: '0.05' } }, growthByYear: ['0', '0', '0', '0'] },
    });
  });
});

describe('resolveScenario cases', () => {
  it('lets a case override a field and keeps the others from the base', () => {
    const text = lines('name: a', 'start: 2026', 'years: 2', 'tvl: 100', 'growth: 10%', 'cases:', '  high: {growth: 20%}', '  low: {growth: 5%, step: quarter}', '  base: {}');
    const scenario = resolved(text);
    expect(scenario.cases.map((c) => [c.name, c.start])).toEqual([
      ['high', 2026],
      ['low', 2026],
      ['base', 2026],
    ]);
    expect(inputs(scenario)).toEqual({
      high: { years: 2, step: 'year', base: { kind: 'tvl', tvl: '100' }, growthByYear: ['0.2', '0.2'] },
      low: { years: 2, step: 'quarter', base: { kind: 'tvl', tvl: '100' }, growthByYear: ['0.05', '0.05'] },
      base: { years: 2, step: 'year', base: { kind: 'tvl', tvl: '100' }, growthByYear: ['0.1', '0.1'] },
    });
  });

  it('lets a case change the horizon, and expands the base growth over it', () => {
    const text = lines('name: a', 'years: 1', 'tvl: 100', 'growth: 10%', 'cases:', '  longer: {years: 3, start: 2030}');
    const [longer] = resolved(text).cases;
    expect(longer!.start).toBe(2030);
    expect(plain(longer!.input)).toMatchObject({ years: 3, growthByYear: ['0.1', '0.1', '0.1'] });
  });

  it('switches a market-cap scenario to TVL mode in a case that sets tvl, and only in that case', () => {
    const text = lines('name: a', 'market_cap: 2T', 'utilization: 5%', 'cases:', '  direct: {tvl: 100B}', '  same: {utilization: 10%}');
    expect(inputs(resolved(text))).toEqual({
      direct: { years: 0, step: 'year', base: { kind: 'tvl', tvl: '100000000000' }, growthByYear: [] },
      same: { years: 0, step: 'year', base: { kind: 'marketCap', marketCap: '2000000000000', utilization: { from: '0.1', to: '0.1' } }, growthByYear: [] },
    });
  });

  it('switches a TVL scenario to market-cap mode in a case that sets market_cap and utilization', () => {
    const text = lines('name: a', 'tvl: 100B', 'cases:', '  cap: {market_cap: 2T, utilization: 5%}');
    expect(inputs(resolved(text))).toEqual({
      cap: { years: 0, step: 'year', base: { kind: 'marketCap', marketCap: '2000000000000', utilization: { from: '0.05', to: '0.05' } }, growthByYear: [] },
    });
  });

  it('lets a case with its own phases fit its own horizon', () => {
    const text = lines('name: a', 'years: 1', 'tvl: 100', 'cases:', '  two:', '    years: 2', '    growth: [{years: 1, rate: 50%}, {years: 1, rate: -50%}]');
    expect(plain(resolved(text).cases[0]!.input)).toMatchObject({ years: 2, growthByYear: ['0.5', '-0.5'] });
  });
});

describe('resolveScenario overrides', () => {
  it('applies an override to every case, over the case', () => {
    const text = lines('name: a', 'years: 2', 'tvl: 100', 'cases:', '  high: {growth: 20%}', '  low: {growth: 5%}');
    const scenario = resolved(text, overrides({ growth: '1%' }));
    expect(scenario.cases.map((c) => plain(c.input))).toEqual([
      { years: 2, step: 'year', base: { kind: 'tvl', tvl: '100' }, growthByYear: ['0.01', '0.01'] },
      { years: 2, step: 'year', base: { kind: 'tvl', tvl: '100' }, growthByYear: ['0.01', '0.01'] },
    ]);
  });

  it('switches a market-cap scenario to TVL mode when the override sets tvl', () => {
    const text = lines('name: a', 'market_cap: 2T', 'utilization: 5%');
    expect(plain(resolved(text, overrides({ tvl: '7B' })).cases[0]!.input)).toMatchObject({ base: { kind: 'tvl', tvl: '7000000000' } });
  });

  it("takes the override's unit over the file's, and checks the file's amounts against it", () => {
    const found = issues(lines('name: a', 'unit: USD', 'tvl: $100'), overrides({}, 'BTC'));
    expect(found.map((i) => [at(i), i.message])).toEqual([['3:6', expect.stringMatching(/'\$100' is in USD.*unit is BTC/)]]);
  });

  it('points an issue of an override at its flag', () => {
    const found = issues(lines('name: a', 'unit: BTC', 'tvl: 1'), overrides({ tvl: '$5' }, null, '--tvl'));
    expect(found.map((i) => [i.file, i.span])).toEqual([['--tvl', null]]);
  });
});

describe('resolveScenario issues', () => {
  it('reports market_cap without utilization at market_cap', () => {
    const [found, ...rest] = issues(lines('name: a', 'years: 1', 'market_cap: 2T'));
    expect(rest).toEqual([]);
    expect(found!.message).toMatch(/market_cap needs a utilization/);
    expect(found!.hint).toMatch(/utilization: 5%/);
    expect(found!.span).toEqual({ line: 3, column: 13, length: 2, lineText: 'market_cap: 2T' });
  });

  it('reports market_cap without utilization once, however many cases share it', () => {
    const found = issues(lines('name: a', 'years: 1', 'market_cap: 2T', 'cases:', '  a: {years: 1}', '  b: {years: 1}'));
    expect(found.map(at)).toEqual(['3:13']);
  });

  it('reports a case that sets market_cap on a TVL scenario without a utilization, at the case', () => {
    const found = issues(lines('name: a', 'tvl: 1', 'cases:', '  cap:', '    market_cap: 2T'));
    expect(found.map((i) => [at(i), i.message])).toEqual([['5:17', expect.stringMatching(/needs a utilization/)]]);
  });

  it('reports tvl with market_cap in one mapping, at market_cap', () => {
    const found = issues(lines('name: a', 'tvl: 100B', 'market_cap: 2T', 'utilization: 5%'));
    const both = found.find((i) => /tvl and market_cap are both set/.test(i.message));
    expect(both).toBeDefined();
    expect(at(both!)).toBe('3:13');
    expect(both!.hint).toMatch(/keep one/);
  });

  it('reports tvl with market_cap in one case, at the case', () => {
    const found = issues(lines('name: a', 'tvl: 1', 'cases:', '  both: {tvl: 100B, market_cap: 2T}'));
    expect(found.map((i) => [at(i), i.message])).toContainEqual(['4:33', expect.stringMatching(/both set/)]);
  });

  it('reports utilization on a TVL scenario', () => {
    const found = issues(lines('name: a', 'tvl: 100B', 'utilization: 5%'));
    expect(found.map((i) => [at(i), i.message])).toEqual([['3:14', expect.stringMatching(/utilization applies only to a market_cap/)]]);
  });

  it("reports '$100' in a BTC scenario at the amount, with a hint", () => {
    const [found, ...rest] = issues(lines('name: a', 'unit: BTC', 'tvl: $100'));
    expect(rest).toEqual([]);
    expect(found!.message).toMatch(/'\$100' is in USD.*BTC/);
    expect(found!.hint).toMatch(/unit: USD/);
    expect(found!.span).toEqual({ line: 3, column: 6, length: 4, lineText: 'tvl: $100' });
  });

  it("reports '91,332 BTC' in a dollar scenario, where USD is the unit by default", () => {
    const found = issues(lines('name: a', 'tvl: 91,332 BTC'));
    expect(found.map((i) => [at(i), i.message])).toEqual([['2:6', expect.stringMatching(/in BTC.*unit is USD/)]]);
  });

  it('reports a dollar market cap in a BTC case at the case', () => {
    const found = issues(lines('name: a', 'unit: BTC', 'tvl: 1', 'cases:', '  cap: {market_cap: $2T, utilization: 5%}'));
    expect(found.map(at)).toEqual(['5:21']);
  });

  it('accepts amounts marked in the scenario unit, and bare amounts in either', () => {
    const text = lines('name: a', 'unit: BTC', 'tvl: 91,332 BTC', 'cases:', '  bare: {tvl: 100}');
    expect(inputs(resolved(text))).toEqual({
      bare: { years: 0, step: 'year', base: { kind: 'tvl', tvl: '100' }, growthByYear: [] },
    });
  });

  it('reports phases that do not add up to the years, at the phases', () => {
    const text = lines('name: a', 'years: 4', 'tvl: 100', 'growth:', '  - {years: 2, rate: 50%}', '  - {years: 3, rate: 20%}');
    const [found, ...rest] = issues(text);
    expect(rest).toEqual([]);
    expect(found!.message).toMatch(/5 years.*horizon is 4 years/);
    expect(found!.hint).toMatch(/years/);
    expect(found!.span?.line).toBe(5);
  });

  it('reports phases that do not fit the horizon of a case, at the phases', () => {
    const text = lines('name: a', 'years: 2', 'tvl: 100', 'growth: [{years: 2, rate: 5%}]', 'cases:', '  longer: {years: 3}');
    const found = issues(text);
    expect(found.map((i) => [at(i), i.message])).toEqual([['4:9', expect.stringMatching(/2 years.*horizon is 3 years/)]]);
  });

  it('reports a horizon that runs past the year 9999, at years', () => {
    const found = issues(lines('name: a', 'start: 9990', 'years: 10', 'tvl: 1'));
    expect(found.map((i) => [at(i), i.message])).toEqual([['3:8', expect.stringMatching(/past the year 9999/)]]);
  });

  it('reports a scenario with neither tvl nor market_cap', () => {
    const found = issues(lines('name: a', 'years: 1'));
    expect(found.map((i) => [at(i), i.message])).toEqual([['1:1', expect.stringMatching(/needs tvl, or market_cap with utilization/)]]);
  });

  it('reports every issue of a file at once', () => {
    const text = lines('name: a', 'unit: BTC', 'years: 4', 'market_cap: $2T', 'growth: [{years: 5, rate: 5%}]');
    const found = issues(text);
    expect(found.map(at).sort()).toEqual(['4:13', '4:13', '5:9']);
    expect(found.map((i) => i.message).sort()).toEqual([
      expect.stringMatching(/'\$2T' is in USD/),
      expect.stringMatching(/market_cap needs a utilization/),
      expect.stringMatching(/phases add up to 5 years/),
    ]);
  });
});
