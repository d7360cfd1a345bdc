// Bounded work for any input: every pattern that sees user text runs in linear time or is held
// to a short length first, figures stay within a documented range of magnitudes and digits, and
// the keys of a mapping are checked once each. No timing is asserted: the worst cases are built
// large enough that a quadratic pattern would not finish within the test's time limit, and the
// checks are on what was refused and where.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FIGURE_LENGTH, MAX_SIGNIFICANT_DIGITS, parseAmount } from '../../src/scenario/parseAmount.js';
import { parseRate } from '../../src/scenario/parseRate.js';
import { splitRange } from '../../src/scenario/fields.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { parseHistory } from '../../src/scenario/parseHistory.js';
import { parseAxis } from '../../src/scenario/parseAxis.js';
import { parseGrowthFlag, parseYearsFlag } from '../../src/scenario/parseSolveFlags.js';
import { MAX_KEY_LENGTH, MAX_KEYS_PER_MAPPING } from '../../src/scenario/toData.js';
import { selectScenarios } from '../../src/cli/selectScenarios.js';
import { resolveScenario, type ResolvedScenario } from '../../src/scenario/resolveScenario.js';
import { runCli } from '../helpers/runCli.js';

/** The first issue's place and message when a scenario text is refused. */
function refusal(text: string, file = 'hostile.yaml'): { line: number; column: number; message: string; hint: string | null } {
  const result = parseScenario(text, file);
  if (result.ok) {
    throw new Error('expected the scenario to be refused');
  }
  const issue = result.error[0]!;
  return { line: issue.span?.line ?? 0, column: issue.span?.column ?? 0, message: issue.message, hint: issue.hint };
}

/** The first issue when a scenario reads but does not resolve into cases. */
function unresolved(text: string): { line: number; column: number; message: string } {
  const parsed = parseScenario(text, 'a.yaml');
  if (!parsed.ok) {
    throw new Error(`expected the scenario to read: ${parsed.error[0]!.message}`);
  }
  const resolved = resolveScenario(parsed.value);
  if (resolved.ok) {
    throw new Error('expected the scenario to be refused');
  }
  const issue = resolved.error[0]!;
  return { line: issue.span?.line ?? 0, column: issue.span?.column ?? 0, message: issue.message };
}

const SPACES = ' '.repeat(120_000);

describe('patterns that see user text do bounded work', () => {
  it.each([
    ['an amount with a long run of spaces inside', `1${SPACES}1`],
    ['an amount with spaces before a suffix', `1${SPACES}x`],
    ['an amount with spaces after a dollar sign', `$${SPACES}1x`],
    ['an amount with spaces before a unit', `1${SPACES}US`],
  ])('%s is refused as too long, before any pattern runs', (_rule, text) => {
    const result = parseAmount(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/is too long for a figure \(120,00\d characters; at most 200\)/);
  });

  it('a rate with a long run of spaces is refused as too long', () => {
    const result = parseRate(`5${SPACES}x%`);
    expect(!result.ok && result.error.message).toMatch(/too long for a figure/);
  });

  it.each([
    ['spaces with no to', SPACES],
    ['to between runs of spaces with nothing around', `${SPACES}to${SPACES}`],
    ['many tos with no space', 'to'.repeat(500_000)],
    ['spaces then to then spaces then text', `a${SPACES}to${SPACES}`],
  ])('a range is found by one scan: %s', (_rule, text) => {
    expect(splitRange(text)).toBeNull();
  });

  it('a range splits at the first to with space on both sides, as the pattern did', () => {
    expect(splitRange('5% to 10%')).toEqual(['5%', '10%']);
    expect(splitRange('5%   TO\t10%')).toEqual(['5%', '10%']);
    expect(splitRange('1 to 2 to 3')).toEqual(['1', '2 to 3']);
    expect(splitRange('toto to 3')).toEqual(['toto', '3']);
    expect(splitRange('5%to 10%')).toBeNull();
  });

  it('a scenario figure written as a range with a long run of spaces is refused at its place', () => {
    const issue = refusal(`name: a\ntvl: "1${SPACES}to 2"\n`);
    expect(issue).toMatchObject({ line: 2, column: 6 });
    expect(issue.message).toMatch(/too long for a figure/);
  });

  it('a history cell with a long run of spaces is refused at its line', () => {
    const result = parseHistory(`date,value\n2020,1${' '.repeat(60_000)}1\n2021,2\n`, 'h.csv');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error[0]).toMatchObject({ span: { line: 2 } });
    expect(!result.ok && result.error[0]!.message).toMatch(/too long for a figure/);
  });

  it('a figure of exactly the longest length still reads', () => {
    const text = `${'0'.repeat(MAX_FIGURE_LENGTH - 2)}1B`;
    expect(text.length).toBe(MAX_FIGURE_LENGTH);
    const result = parseAmount(text);
    expect(result.ok && result.value.value.toFixed()).toBe('1000000000');
  });
});

describe('figures stay within a documented range of magnitudes', () => {
  it.each([
    ['1e-9999', /too small: an amount is 0 or from 1e-30 to 1e36/],
    ['1e-31', /too small/],
    ['1e999999', /too large: amounts go up to 1e36/],
    ['1e37', /too large/],
    ['0.0000000000000000000000000000001', /too small/],
  ])('the amount %s is refused', (text, message) => {
    const result = parseAmount(text);
    expect(!result.ok && result.error.message).toMatch(message);
  });

  it.each([
    ['1e-30', '0.000000000000000000000000000001'],
    ['1e36', '1000000000000000000000000000000000000'],
    ['0e-9999', '0'],
    ['-0', '0'],
  ])('the amount %s is within the range', (text, value) => {
    const result = parseAmount(text);
    expect(result.ok && result.value.value.toFixed()).toBe(value);
  });

  it.each([
    ['1e-999999%', /too small/],
    ['1e-29%', /too small/],
    ['1e999999%', /too large|would be a rate/],
    ['1e999999', /would be a rate of 1e\+1000001%/],
  ])('the rate %s is refused', (text, message) => {
    const result = parseRate(text);
    expect(!result.ok && result.error.message).toMatch(message);
  });

  it('-0 is the rate zero, not a negative zero', () => {
    const result = parseRate('-0%');
    expect(result.ok && result.value.value.isNegative()).toBe(false);
  });

  it('a growth between -100% and -99.9% is refused: its paths would be thousands of digits long', () => {
    expect(parseGrowthFlag('--growth', '-99.95%')).toMatchObject({ ok: false, error: { message: /must be -100% or at least -99.9%/ } });
    expect(parseGrowthFlag('--growth', '-99.9%').ok).toBe(true);
    expect(parseGrowthFlag('--growth', '-100%').ok).toBe(true);
    expect(parseAxis('growth=-99.99%,5%')).toMatchObject({ ok: false, error: { message: /growth must be -100% or at least -99.9%/ } });
    const issue = refusal('name: a\ntvl: 1B\ngrowth: -99.999%\nyears: 200\n');
    expect(issue).toMatchObject({ line: 3, column: 9 });
    expect(issue.message).toMatch(/must be -100% or at least -99.9%/);
  });

  it('a file of tiny amounts is refused at FILE:LINE:COL instead of writing figures of 10,000 digits', async () => {
    const result = await runCli(['project', '-', '-f', 'csv'], { input: 'name: a\ntvl: 1e-9999\nyears: 200\nstep: month\n' });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^btcfi: error: <stdin>:2:6: tvl: '1e-9999' is too small/);
  });
});

describe('results stay within a documented range', () => {
  it('a path that would pass 1e100 is refused at the growth that takes it there', () => {
    const issue = unresolved('name: a\ntvl: 1e36\ngrowth: 100000%\nyears: 200\nstep: month\n');
    expect(issue).toMatchObject({ line: 3, column: 9, message: 'the path would grow to about 1e637 in 200 years; figures go up to 1e100' });
  });

  it('a path just within 1e100 is projected', () => {
    const parsed = parseScenario('name: a\ntvl: 1e36\ngrowth: 108%\nyears: 200\n', 'a.yaml');
    expect(parsed.ok && resolveScenario(parsed.value).ok).toBe(true);
  });

  it('the refusal names the case that overrides the growth', () => {
    const issue = unresolved('name: a\ntvl: 1B\nyears: 100\ncases:\n  ok: {growth: 5%}\n  wild: {growth: 1000%}\n');
    expect(issue).toMatchObject({ line: 6, column: 18 });
    expect(issue.message).toBe("the path would grow to about 1e114 in 100 years; figures go up to 1e100");
  });
});

describe('figures are kept exact or refused, never rounded past the engine', () => {
  it('a growth a hair below -100% is refused, not read as -100%', () => {
    const result = parseGrowthFlag('--growth', '-100.0000000000000000000000000000000000000001%');
    expect(result).toMatchObject({ ok: false, error: { message: 'must be at least -100% (got -100.0000000000000000000000000000000000000001%)' } });
  });

  it('through the CLI the flag is refused with exit 2', async () => {
    const result = await runCli(['project', '--tvl', '1B', '--growth', '-100.0000000000000000000000000000000000000001%']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--growth: must be at least -100%/);
  });

  it('60 significant digits are kept exactly, in amounts and rates', () => {
    const digits = `1.${'0'.repeat(58)}1`;
    expect(parseAmount(digits)).toMatchObject({ ok: true });
    expect(parseAmount(digits).ok && (parseAmount(digits) as { value: { value: { toFixed(): string } } }).value.value.toFixed()).toBe(digits);
    const rate = parseRate(`${digits}%`);
    expect(rate.ok && rate.value.value.toFixed()).toBe(`0.01${'0'.repeat(58)}1`);
  });

  it(`more than ${MAX_SIGNIFICANT_DIGITS} significant digits are refused`, () => {
    const digits = `1.${'0'.repeat(59)}1`;
    expect(parseAmount(digits)).toMatchObject({ ok: false, error: { message: /has 61 significant digits; btcfi keeps 60/ } });
    expect(parseRate(`${digits}%`)).toMatchObject({ ok: false, error: { message: /has 61 significant digits/ } });
    expect(parseYearsFlag('--years', digits)).toMatchObject({ ok: false, error: { message: /has 61 significant digits/ } });
  });

  it('the digits of a long --years are counted in one scan', () => {
    const text = `${'0'.repeat(500_000)}1${'0'.repeat(500_000)}.5`;
    expect(parseYearsFlag('--years', text)).toMatchObject({ ok: false, error: { message: /has 500,002 significant digits|has 500002 significant digits/ } });
  });

  it('zeros that only place the point do not count as significant', () => {
    expect(parseAmount(`0.${'0'.repeat(25)}1`).ok).toBe(true);
    expect(parseAmount(`1${'0'.repeat(35)}`).ok).toBe(true);
  });
});

describe('keys are checked once each, within limits', () => {
  it('an aliased key repeating another is refused at the alias', () => {
    const issue = refusal('name: a\n&k tvl: 1B\n*k : 999B\n');
    expect(issue).toMatchObject({ line: 3, column: 1, message: "the key 'tvl' is written twice in this mapping (first on line 2)" });
  });

  it('a key written twice is refused at the second, in btcfi words', () => {
    const issue = refusal('name: a\ntvl: 1B\ngrowth: 5%\ntvl: 2B\n');
    expect(issue).toMatchObject({ line: 4, column: 1, message: "the key 'tvl' is written twice in this mapping (first on line 2)" });
  });

  it(`a mapping of more than ${MAX_KEYS_PER_MAPPING} keys sharing a long prefix is refused at the first key past the limit`, () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `k${'x'.repeat(20)}${String(i).padStart(6, '0')}: 1\n`).join('');
    const issue = refusal(`name: a\ntvl: 1B\n${keys}`);
    expect(issue).toMatchObject({ line: MAX_KEYS_PER_MAPPING + 1, column: 1 });
    expect(issue.message).toBe('this mapping holds 10,002 keys; a mapping holds at most 1,000');
  });

  it(`a key longer than ${MAX_KEY_LENGTH} characters is refused`, () => {
    const issue = refusal(`name: a\n${'k'.repeat(MAX_KEY_LENGTH + 1)}: 1\n`);
    expect(issue).toMatchObject({ line: 2, column: 1, message: `a key of 201 characters is too long; keys are at most ${MAX_KEY_LENGTH}` });
  });
});

describe('messages in btcfi words, at the real place', () => {
  it('trailing data after a JSON value', () => {
    const issue = refusal('{"name": "a",\n "tvl": "1B"}\n\n  {"x": 1}\n', 'a.json');
    expect(issue).toMatchObject({ line: 4, column: 3, message: 'invalid JSON: more text after the end of the JSON value' });
  });

  it('a second YAML document', () => {
    const issue = refusal('name: a\ntvl: 1B\n---\nname: b\n');
    expect(issue).toMatchObject({ line: 3, column: 1, message: 'a second document starts here; a scenario file holds one' });
    expect(issue.message + (issue.hint ?? '')).not.toMatch(/parseAllDocuments|YAML\./);
  });

  it('lines ending in CR alone', () => {
    const issue = refusal('name: a\rtvl: 1B\rgrowth: 5%\r');
    expect(issue).toMatchObject({ line: 1, column: 8, message: 'a line ends in a carriage return alone (CR)' });
  });

  it('a !!binary tag', () => {
    const issue = refusal('name: a\ntvl: !!binary aGVsbG8=\n');
    expect(issue).toMatchObject({ line: 2, column: 15, message: 'the tag !!binary is not supported here' });
  });

  it('-0 is zero where a figure may be zero, and a whole number of years is asked for', () => {
    expect(parseScenario('name: a\ntvl: -0\ngrowth: -0\n', 'a.yaml').ok).toBe(true);
    const issue = refusal('name: a\ntvl: 1B\nyears: -0\n');
    expect(issue).toMatchObject({ line: 3, column: 8, message: 'years must be a whole number of years from 0 to 200 (got -0)' });
  });

  it('1e999999 is too large, in YAML and in JSON', () => {
    expect(refusal('name: a\ntvl: 1e999999\n')).toMatchObject({ line: 2, column: 6, message: "tvl: '1e999999' is too large: amounts go up to 1e36" });
    expect(refusal('{"name": "a", "tvl": 1e999999}', 'a.json')).toMatchObject({ line: 1, column: 22, message: "tvl: '1e999999' is too large: amounts go up to 1e36" });
  });
});

describe('repeated flags and row caps', () => {
  const scenario = (name: string, cases: number): ResolvedScenario => {
    const text = `name: ${name}\ntvl: 1B\nyears: 200\nstep: month\ncases:\n${Array.from({ length: cases }, (_, i) => `  c${i}: {growth: ${i}%}\n`).join('')}`;
    const parsed = parseScenario(text, `${name}.yaml`);
    if (!parsed.ok) {
      throw new Error(parsed.error[0]!.message);
    }
    const resolved = resolveScenario(parsed.value);
    if (!resolved.ok) {
      throw new Error(resolved.error[0]!.message);
    }
    return resolved.value;
  };

  it('60,000 repeated -s and -c flags are read in one pass each', () => {
    const scenarios = [scenario('a', 3), scenario('b', 2)];
    const selected = selectScenarios(scenarios, Array(60_000).fill('a'), Array(60_000).fill('c1'));
    expect(selected.map((s) => [s.name, s.cases.map((c) => c.name)])).toEqual([['a', ['c1']]]);
  });

  it('60,000 repeated -s flags on the command line are collected in one pass', async () => {
    const flags = Array.from({ length: 60_000 }, () => ['-s', 'defi-2031']).flat();
    const result = await runCli(['project', ...flags, '-c', 'rounded', '-f', 'csv']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n')[1]).toMatch(/^defi-2031,rounded,/);
  });

  it.each(['validate', 'check', 'project'])('%s refuses a run over the row cap before projecting anything', async (command) => {
    // 43 files of 100 monthly cases of 200 years: 43 × 100 × 2,401 = 10,324,300 rows.
    const dir = await mkdtemp(join(tmpdir(), 'btcfi-rows-'));
    try {
      const cases = Array.from({ length: 100 }, (_, i) => `  c${i}: {growth: 1%}\n`).join('');
      await Promise.all(Array.from({ length: 43 }, (_, i) => writeFile(join(dir, `f${i}.yaml`), `name: big-${i}\ntvl: 1B\nyears: 200\nstep: month\ncases:\n${cases}`)));
      const result = await runCli([command, dir]);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/the scenarios make 10,324,300 rows .*; a run projects at most 10,000,000/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
