// The JSON Schema an editor reads (btcfi schema, btcfi init) against btcfi's own validation:
// a standard validator (ajv) must reject what it can of what `btcfi validate` rejects, and must
// never reject a file btcfi accepts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCheckReport } from '../../src/report/buildCheckReport.js';
import { scenarioJsonSchema } from '../../src/scenario/jsonSchema.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { FUZZ_RUNS, FUZZ_SEED } from '../fuzz/config.js';
import { scenarioFile } from '../fuzz/scenarioArbitraries.js';
import { REPO_ROOT, runCli } from '../helpers/runCli.js';

const validateSchema = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(scenarioJsonSchema());

/** What an editor's language server sees: the YAML as plain data, numbers as numbers. */
function schemaAccepts(text: string): boolean {
  return validateSchema(parse(text)) === true;
}

const BASE = 'name: claim\nstart: 2026\nyears: 5\n';

/**
 * Files that `btcfi validate` rejects, one a kind. `schema` says whether a JSON Schema can
 * express the rule: two need the whole file, which a schema cannot relate (a sum of phases
 * against years:, a period against the horizon that start, years and step make).
 */
const INVALID: readonly { readonly kind: string; readonly text: string; readonly schema: boolean }[] = [
  { kind: 'utilization 140%', text: `${BASE}market_cap: 2T\nutilization: 140%\n`, schema: true },
  { kind: 'years 500', text: `name: claim\nyears: 500\ntvl: 1B\n`, schema: true },
  { kind: 'negative tvl', text: `${BASE}tvl: -5B\n`, schema: true },
  { kind: 'bare growth: 26.4', text: `${BASE}tvl: 238.5B\ngrowth: 26.4\n`, schema: true },
  { kind: 'tvl with market_cap', text: `${BASE}tvl: 1B\nmarket_cap: 2T\nutilization: 5%\n`, schema: true },
  { kind: 'unknown key', text: `${BASE}market_cap: 2T\nutilisation: 5%\n`, schema: true },
  { kind: 'bad name', text: `name: My Claim\ntvl: 1B\n`, schema: true },
  { kind: 'phases that do not add up', text: `${BASE}tvl: 1B\ngrowth: [{years: 2, rate: 50%}, {years: 2, rate: 20%}]\n`, schema: false },
  { kind: 'a malformed expectation period', text: `${BASE}tvl: 1B\nexpect:\n  - {period: 2031-13, tvl: 1B}\n`, schema: true },
  { kind: 'an expectation period beyond the horizon', text: `${BASE}tvl: 1B\nexpect:\n  - {period: 2040, tvl: 1B}\n`, schema: false },
];

/** More of validate's rules the schema states. */
const ALSO_INVALID: readonly { readonly kind: string; readonly text: string }[] = [
  { kind: 'negative tvl as a number', text: `${BASE}tvl: -100\n` },
  { kind: 'years 201', text: `name: claim\nyears: 201\ntvl: 1B\n` },
  { kind: 'years as text, 201', text: `name: claim\nyears: "201"\ntvl: 1B\n` },
  { kind: 'a fraction above 1 as text', text: `${BASE}tvl: 1B\ngrowth: "1.5"\n` },
  { kind: 'growth below -100%', text: `${BASE}tvl: 1B\ngrowth: -101%\n` },
  { kind: 'utilization as a fraction above 1', text: `${BASE}market_cap: 2T\nutilization: 1.4\n` },
  { kind: 'a utilization range to 140%', text: `${BASE}market_cap: 2T\nutilization: 5% to 140%\n` },
  { kind: 'an amount that is not one', text: `${BASE}tvl: $2X\n` },
  { kind: 'a case with tvl and market_cap', text: `${BASE}tvl: 1B\ncases:\n  bull: {tvl: 2B, market_cap: 2T}\n` },
  { kind: 'a phase of 0 years', text: `${BASE}tvl: 1B\ngrowth: [{years: 0, rate: 5%}, {years: 5, rate: 5%}]\n` },
  { kind: 'two distributions in one figure', text: `${BASE}tvl: {normal: {mean: 1B, sd: 1M}, uniform: [1B, 2B]}\n` },
  { kind: 'an expectation of two figures', text: `${BASE}tvl: 1B\nexpect:\n  - {period: 2026, tvl: 1B, market_cap: 1B}\n` },
  { kind: 'an expectation of no figure', text: `${BASE}tvl: 1B\nexpect:\n  - {period: 2026}\n` },
  { kind: 'within and abs together', text: `${BASE}tvl: 1B\nexpect:\n  - {period: 2026, tvl: 1B, within: 1%, abs: 1M}\n` },
  { kind: 'a tolerance on bounds', text: `${BASE}tvl: 1B\nexpect:\n  - {period: 2026, tvl: {at_least: 1B}, within: 1%}\n` },
  { kind: 'bounds of nothing', text: `${BASE}tvl: 1B\nexpect:\n  - {period: 2026, tvl: {}}\n` },
  { kind: 'a negative tolerance', text: `${BASE}tvl: 1B\nexpect:\n  - {period: 2026, tvl: 1B, within: -1%}\n` },
  { kind: 'end with growth', text: `${BASE}tvl: 1B\ngrowth: 5%\nend: 2B\n` },
  { kind: 'a case with end and growth', text: `${BASE}tvl: 1B\ncases:\n  bull: {end: 2B, growth: 5%}\n` },
  { kind: 'an end that is not an amount', text: `${BASE}tvl: 1B\nend: lots\n` },
  { kind: 'a sampled figure with another', text: `${BASE}tvl: 1B to 2B\nexpect:\n  - {period: 2026, p50: 1B, tvl: 1B}\n` },
  { kind: 'a share of paths that is not a rate', text: `${BASE}tvl: 1B to 2B\ntarget: 2B\nexpect:\n  - {period: 2026, p_target: lots}\n` },
];

async function btcfiValidate(text: string): Promise<number | null> {
  return (await runCli(['validate', '-'], { input: text })).exitCode;
}

describe('the JSON Schema against btcfi validate', () => {
  it.each(INVALID)('btcfi validate rejects $kind', async ({ text }) => {
    expect(await btcfiValidate(text)).toBe(2);
  });

  it.each(INVALID.filter((c) => c.schema))('the schema rejects $kind', ({ text }) => {
    expect(schemaAccepts(text)).toBe(false);
  });

  it.each(INVALID.filter((c) => !c.schema))('the schema cannot express $kind: it accepts the file', ({ text }) => {
    expect(schemaAccepts(text)).toBe(true);
  });

  it('rejects at least 7 of the 9 kinds of invalid file (phases and a period beyond the horizon need the whole file)', () => {
    const kinds = INVALID.filter((c) => c.kind !== 'a malformed expectation period');
    expect(kinds).toHaveLength(9);
    expect(kinds.filter((c) => !schemaAccepts(c.text)).length).toBeGreaterThanOrEqual(7);
  });

  it.each(ALSO_INVALID)('both reject $kind', async ({ text }) => {
    expect(await btcfiValidate(text)).toBe(2);
    expect(schemaAccepts(text)).toBe(false);
  });
});

describe('files btcfi accepts, the schema accepts', () => {
  const files = [
    ...readdirSync(join(REPO_ROOT, 'scenarios'), { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join('scenarios', entry.name)),
    ...readdirSync(join(REPO_ROOT, 'docs', 'examples')).map((name) => join('docs', 'examples', name)),
  ];

  it.each(files)('%s', async (file) => {
    expect(await runCli(['validate', file])).toMatchObject({ exitCode: 0 });
    const text = readFileSync(join(REPO_ROOT, file), 'utf8');
    const valid = validateSchema(parse(text));
    expect(validateSchema.errors ?? [], file).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each([
    ['every figure form', `${BASE}market_cap: "2,000,000,000,000"\nutilization: {from: 0.46%, to: 5%}\ngrowth: [{years: 2, rate: -74%}, {years: 3, rate: 0.05}]\ntarget: $2T\n`],
    ['amounts', `${BASE}tvl: 91,332 BTC\nunit: BTC\ncases:\n  a: {tvl: 2e12 BTC}\n  b: {tvl: .5}\n  c: {tvl: 2000000000000}\n  d: {tvl: 238.5b}\n`],
    ['dollar amounts', `${BASE}tvl: $238.5B\ncases:\n  a: {tvl: 5 USD}\n  b: {tvl: "$ 2T"}\n  c: {tvl: 1e36}\n`],
    ['ranges and distributions', `${BASE}tvl: 1B to 2B\ngrowth: -20% to 30%\ncases:\n  n: {tvl: {normal: {mean: 1B, sd: 100M}}}\n  l: {tvl: {lognormal: {p5: 1B, p95: 2B}}}\n  u: {growth: {uniform: [-99%, 10%]}}\n  t: {growth: {triangular: [0%, 5%, 10%]}}\n`],
    ['utilization ranges', `${BASE}market_cap: 2T\nutilization: {uniform: [0%, 100%]}\ncases:\n  a: {utilization: 0.5% to 1}\n  b: {utilization: 100%}\n  c: {utilization: 0}\n`],
    ['rates at their edges', `${BASE}tvl: 1B\ngrowth: -100%\ncases:\n  a: {growth: 100000%}\n  b: {growth: -1}\n  c: {growth: 1e-12%}\n  d: {growth: +5%}\n  e: {growth: "-0.74"}\n`],
    ['years as text, and 200', `name: claim\nyears: "200"\nstep: month\ntvl: 1B\n`],
    ['a case that switches to a market cap', `${BASE}tvl: 1B\ncases:\n  cap: {market_cap: 2T, utilization: 5%}\n`],
    ['every expectation form', `${BASE}tvl: 1B\nexpect:\n  - {period: 2026, tvl: 1B}\n  - {period: 2031, tvl: 1B, within: 0.5%}\n  - {period: 2031, tvl: 1B, abs: 1M}\n  - {period: 2031, tvl: {at_least: 1B, at_most: 2B}}\n`],
    ['quarters and offsets', `name: claim\nyears: 1\nstep: quarter\ntvl: 1B\nexpect:\n  - {period: +1-Q1, tvl: 1B}\n  - {period: +0-Q3, tvl: 1B}\n`],
  ])('%s', async (_kind, text) => {
    const result = await runCli(['validate', '-'], { input: text });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(validateSchema(parse(text)), JSON.stringify(validateSchema.errors)).toBe(true);
  });

  it('and so do generated files: whatever btcfi reads without an issue, the schema accepts', () => {
    const runs = Math.ceil(FUZZ_RUNS / 5);
    let validFiles = 0;
    fc.assert(
      fc.property(scenarioFile, ({ file, text }) => {
        // As btcfi validate: read, resolve, and check the expectations against the projection.
        const parsed = parseScenario(text, file);
        const resolved = parsed.ok ? resolveScenario(parsed.value) : null;
        if (resolved?.ok !== true || buildCheckReport([resolved.value], []).invalid > 0) {
          return;
        }
        validFiles += 1;
        // btcfi reads past any byte order marks; so does an editor past the one it knows.
        const valid = validateSchema(parse(text.replace(/^\uFEFF+/, '')));
        expect(valid, `${text}\n${JSON.stringify(validateSchema.errors)}`).toBe(true);
      }),
      { numRuns: runs, seed: FUZZ_SEED },
    );
    // Not true of nothing: some of the generated files are valid (most are corrupted on purpose).
    expect(validFiles).toBeGreaterThan(runs / 20);
  });
});
