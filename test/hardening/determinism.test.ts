// The same inputs give byte-identical outputs across runs, time zones, locales (LANG, LC_ALL) and
// working directories; and numeric edges have defined output: growth of -100%, a zero start,
// 1e-12 and 1e30 magnitudes, a 200-year monthly path. Runs are in-process (the time zone and the
// folder change per run); Node takes its locale from LANG and LC_ALL when it starts, so the
// locales are checked on the built CLI, a process each.
import { parse as parseCsv } from 'csv-parse/sync';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAIN_FIGURE } from '../fuzz/checkPipeline.js';
import { assertBuilt, cliEnv, REPO_ROOT, runCli, spawnCli } from '../helpers/runCli.js';

beforeAll(assertBuilt);

let elsewhere: string;
beforeAll(async () => {
  elsewhere = await mkdtemp(join(tmpdir(), 'btcfi-determinism-'));
});
afterAll(async () => {
  await rm(elsewhere, { recursive: true, force: true });
});

const RANGE = join(REPO_ROOT, 'docs', 'examples', 'btcfi-5-10-range.yaml');
const HISTORY = join(REPO_ROOT, 'test', 'fixtures', 'history', 'defi-tvl-dates.csv');

/** Commands whose output could depend on the clock, the locale or the folder, if anything did. */
const COMMANDS: readonly (readonly string[])[] = [
  ['project'],
  ['project', '--format', 'csv'],
  ['project', '--format', 'json'],
  ['project', RANGE, '--samples', '3000', '--seed', '7', '--format', 'csv'],
  ['project', RANGE, '--samples', '3000', '--seed', '7'],
  ['check', '--format', 'junit'],
  ['check'],
  ['list', '--format', 'json'],
  ['grid', 'defi-2031', '--case', 'rounded', '--x', 'growth=10%..30%:5%', '--y', 'years=1..5', '--format', 'json'],
  ['grid', 'defi-2031', '--case', 'rounded', '--x', 'growth=10%..30%:5%', '--y', 'years=1..5'],
  ['solve', 'growth', '--history', HISTORY, '--format', 'json'],
  ['solve', 'years', '--from', '238.5B', '--to', '770.6B', '--growth', '26.4%', '--start', '2026'],
];

/** Where and how a run happens: the environment differs in everything but what btcfi is told. */
const SETTINGS = [
  { name: 'UTC, C, the repo', cwd: REPO_ROOT, env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' } },
  { name: 'UTC+14, German, elsewhere', cwd: () => elsewhere, env: { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } },
  { name: 'UTC-3:30, Turkish and Arabic, the root folder', cwd: '/', env: { TZ: 'America/St_Johns', LANG: 'ar_EG.UTF-8', LC_ALL: 'tr_TR.UTF-8', LC_NUMERIC: 'fr_FR.UTF-8' } },
  { name: 'UTC+5:45, Chinese, elsewhere', cwd: () => elsewhere, env: { TZ: 'Asia/Kathmandu', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' } },
] as const;

function environment(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env = cliEnv(extra);
  delete env['BTCFI_LOCALE'];
  return env;
}

describe.concurrent('byte-identical outputs', () => {
  it.for(COMMANDS.map((args) => [args.join(' '), args] as const))('btcfi %s', async ([, args], { expect }) => {
    const outputs: { name: string; stdout: string; stderr: string; exitCode: number | null }[] = [];
    for (const setting of SETTINGS) {
      const cwd = typeof setting.cwd === 'function' ? setting.cwd() : setting.cwd;
      for (let run = 0; run < (setting === SETTINGS[0] ? 2 : 1); run += 1) {
        const result = await runCli(args, { cwd, env: environment(setting.env) });
        outputs.push({ name: setting.name, ...result });
      }
    }
    const [first, ...rest] = outputs;
    expect(first!.exitCode).toBe(0);
    expect(first!.stdout.length).toBeGreaterThan(0);
    for (const other of rest) {
      expect(other.stdout, `stdout with ${other.name}`).toBe(first!.stdout);
      expect(other.exitCode, `exit code with ${other.name}`).toBe(first!.exitCode);
    }
  });
});

/** The commands whose output is written for people, where a locale would show first. */
const FOR_PEOPLE = [COMMANDS[0]!, COMMANDS[4]!, COMMANDS[6]!, COMMANDS[9]!, COMMANDS[11]!];

describe.concurrent('byte-identical outputs from a process started in another locale', () => {
  it.for(FOR_PEOPLE.map((args) => [args.join(' '), args] as const))('btcfi %s', async ([, args], { expect }) => {
    const here = await runCli(args, { env: environment(SETTINGS[0].env) });
    // Turkish case rules, Arabic digits and a French decimal comma, all at once.
    const setting = SETTINGS[2];
    const spawned = await spawnCli(args, { cwd: REPO_ROOT, env: environment(setting.env) });
    expect(spawned.stdout, `stdout with ${setting.name}`).toBe(here.stdout);
    expect(spawned.exitCode, `exit code with ${setting.name}`).toBe(here.exitCode);
  });
});

/** The rows of CSV output, as objects by header. */
function rows(csv: string): Record<string, string>[] {
  return parseCsv(csv, { columns: true }) as Record<string, string>[];
}

describe('numeric edges', () => {
  it('growth of -100% takes the TVL to zero, and it stays zero', async () => {
    const csv = await runCli(['project', '--tvl', '100B', '--growth', '-100%', '--years', '3', '--step', 'quarter', '--format', 'csv']);
    expect(csv.exitCode).toBe(0);
    expect(rows(csv.stdout).map((row) => row['tvl'])).toEqual(['100000000000', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0']);
    const table = await runCli(['project', '--tvl', '100B', '--growth', '-100%', '--years', '2']);
    expect(table.exitCode).toBe(0);
    expect(table.stdout).not.toMatch(/NaN|Infinity/);
    // A fall to zero is -100%; after a zero there is no change to speak of.
    expect(table.stdout).toMatch(/\+1\s+\$0\s+-100%/);
    expect(table.stdout).toMatch(/\+2\s+\$0\s*$/m);
  });

  it('a zero start stays zero, and a target from zero has no growth that reaches it', async () => {
    const json = await runCli(['project', '--tvl', '0', '--growth', '10%', '--years', '2', '--target', '1B', '--format', 'json']);
    expect(json.exitCode).toBe(0);
    const [entry] = JSON.parse(json.stdout).scenarios;
    expect(entry.rows.map((row: { tvl: string }) => row.tvl)).toEqual(['0', '0', '0']);
    expect(entry.target).toEqual({ value: '1000000000', reached: null, growth_needed: null, utilization_needed: null });
    const market = await runCli(['project', '--market-cap', '0', '--utilization', '0%', '--years', '1', '--format', 'csv']);
    expect(rows(market.stdout).map((row) => [row['market_cap'], row['utilization'], row['tvl']])).toEqual([['0', '0', '0'], ['0', '0', '0']]);
  });

  it.each([
    ['1e-12', ['0.000000000001', '0.0000000000011', '0.00000000000121']],
    ['1e30', ['1000000000000000000000000000000', '1100000000000000000000000000000', '1210000000000000000000000000000']],
    ['$1e30', ['1000000000000000000000000000000', '1100000000000000000000000000000', '1210000000000000000000000000000']],
  ])('writes %s grown 10% a year exactly, in plain notation', async (tvl, expected) => {
    const csv = await runCli(['project', '--tvl', tvl, '--growth', '10%', '--years', '2', '--format', 'csv']);
    expect(rows(csv.stdout).map((row) => row['tvl'])).toEqual(expected);
    const json = await runCli(['project', '--tvl', tvl, '--growth', '10%', '--years', '2', '--format', 'json']);
    expect(JSON.parse(json.stdout).scenarios[0].rows.map((row: { tvl: string }) => row.tvl)).toEqual(expected);
    const table = await runCli(['project', '--tvl', tvl, '--growth', '10%', '--years', '2']);
    expect(table.stdout).not.toMatch(/[0-9][eE][+-]?[0-9]|NaN|Infinity/);
  });

  it('a 200-year monthly path has 2,401 plain figures and meets the yearly path at its end exactly', async () => {
    const args = ['project', '--tvl', '238.5B', '--growth', '26.4%', '--years', '200', '--start', '2026', '--format', 'csv'];
    const monthly = rows((await runCli([...args, '--step', 'month'])).stdout);
    const yearly = rows((await runCli(args)).stdout);
    expect(monthly).toHaveLength(2401);
    expect(monthly.at(-1)!['period']).toBe('2226-01');
    for (const row of monthly) {
      expect(row['tvl']).toMatch(PLAIN_FIGURE);
    }
    // Every year end of the monthly path is the yearly path's figure, to the last digit.
    for (let year = 0; year <= 200; year += 1) {
      expect(monthly[year * 12]!['tvl']).toBe(yearly[year]!['tvl']);
    }
    expect(yearly.at(-1)!['tvl']).toMatch(/^[0-9]{32}\.[0-9]+$/);
  });
});
