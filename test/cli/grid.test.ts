// `btcfi grid` end to end: the CLI in-process (NO_COLOR=1, repo root as working directory; see
// test/helpers/runCli.ts), and the built CLI in a shell for a reader that stops early. Outputs
// that people review are golden transcripts under test/golden/grid/; update them with
// `npx vitest run test/cli/grid.test.ts -u` and review the diff like code.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cliEnv, commandLine, REPO_ROOT, runCli, runShell, transcript, type CliResult } from '../helpers/runCli.js';

beforeAll(assertBuilt);

const INLINE = ['--market-cap', '2T', '--x', 'utilization=1%..4%:1%', '--y', 'growth=0%..30%:10%', '--years', '5'];
const BENCH = ['--market-cap', '2T', '--x', 'market_cap=1B..1000B:1B', '--y', 'utilization=0.01%..10%:0.01%', '--growth', '10%', '--years', '5'];

/** Lines of a CSV text without its final CRLF. */
const csvLines = (text: string): string[] => {
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(0, -2).split('\r\n');
};

const GOLDEN: { name: string; args: string[] }[] = [
  { name: 'inline.table', args: ['grid', ...INLINE] },
  { name: 'inline.csv', args: ['grid', ...INLINE, '--format', 'csv'] },
  { name: 'inline.long.csv', args: ['grid', ...INLINE, '--format', 'csv', '--layout', 'long'] },
  { name: 'inline.json', args: ['grid', ...INLINE, '--format', 'json'] },
  { name: 'defi-2031.years.table', args: ['grid', 'scenarios/defi-2031.yaml', '--x', 'growth=20%..30%:5%', '--y', 'years=0..5'] },
  { name: 'defi-2031.case-at.json', args: ['grid', 'defi-2031', '--case', 'rounded', '--x', 'tvl=200B,238.5B', '--y', 'years=3..5', '--at', '2028', '--format', 'json'] },
  { name: 'btcfi-2025.btc.csv', args: ['grid', 'scenarios/btcfi-2025.yaml', '--case', 'reported', '--x', 'tvl=90,000..92,000:1,000', '--y', 'growth=-10%,-5%', '-f', 'csv'] },
];

describe.concurrent('golden transcripts', () => {
  it.for(GOLDEN.map((c) => [c.name, c] as const))('%s', async ([, c], { expect }) => {
    const result = await runCli(c.args);
    expect(result.exitCode).toBe(0);
    await expect(transcript(commandLine(c.args), result)).toMatchFileSnapshot(`../golden/grid/${c.name}.txt`);
  });
});

describe.concurrent('formats and layouts', () => {
  it('csv: the header starts with y\\x and lists the x values as fractions; one row per y value', async ({ expect }) => {
    const { stdout, stderr, exitCode } = await runCli(['grid', ...INLINE, '--format', 'csv']);
    expect([exitCode, stderr]).toEqual([0, '']);
    expect(csvLines(stdout)).toEqual([
      'y\\x,0.01,0.02,0.03,0.04',
      '0,20000000000,40000000000,60000000000,80000000000',
      '0.1,32210200000,64420400000,96630600000,128840800000',
      '0.2,49766400000,99532800000,149299200000,199065600000',
      '0.3,74258600000,148517200000,222775800000,297034400000',
    ]);
  });

  it('csv --layout long: an x,y,value header and one row per cell, y by y', async ({ expect }) => {
    const { stdout, exitCode } = await runCli(['grid', ...INLINE, '--format', 'csv', '--layout', 'long']);
    expect(exitCode).toBe(0);
    const lines = csvLines(stdout);
    expect(lines).toHaveLength(1 + 16);
    expect(lines.slice(0, 3)).toEqual(['x,y,value', '0.01,0,20000000000', '0.02,0,40000000000']);
    expect(lines.at(-1)).toBe('0.04,0.3,297034400000');
  });

  it('json: version 1, the axes with their values, the period, and values[y][x] as decimal strings', async ({ expect }) => {
    const { stdout, exitCode } = await runCli(['grid', ...INLINE, '--format', 'json']);
    expect(exitCode).toBe(0);
    const document = JSON.parse(stdout) as { btcfi: number; grid: Record<string, unknown> };
    expect(document.btcfi).toBe(1);
    expect(document.grid).toMatchObject({
      scenario: 'inline',
      case: null,
      unit: 'USD',
      x: { field: 'utilization', values: ['0.01', '0.02', '0.03', '0.04'] },
      y: { field: 'growth', values: ['0', '0.1', '0.2', '0.3'] },
      at: '+5',
    });
    const values = document.grid['values'] as unknown[][];
    expect(values).toHaveLength(4);
    expect(values[3]).toEqual(['74258600000', '148517200000', '222775800000', '297034400000']);
    expect(values.flat().every((value) => typeof value === 'string')).toBe(true);
  });

  it('table: y down, x across, rounded for reading, no escape codes in a pipe', async ({ expect }) => {
    const { stdout, exitCode } = await runCli(['grid', ...INLINE]);
    expect(exitCode).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TVL at \+5 +inline · USD$/);
    expect(lines[1]).toMatch(/^growth \\ utilization +1% +2% +3% +4%$/);
    expect(lines.at(-1)).toMatch(/^30% +\$74\.26B +\$148\.5B +\$222\.8B +\$297B$/);
    expect(stdout).not.toContain('\u001b');
  });

  it('table: cells are shaded by value only when colour is on', async ({ expect }) => {
    const { stdout } = await runCli(['grid', ...INLINE, '--color']);
    const body = stdout.split('\n').slice(3).join('\n');
    expect(body).toContain('\u001b[34m'); // the smallest cells, cold
    expect(body).toContain('\u001b[31m'); // the largest, hot
    const written = await runCli(['grid', ...INLINE, '--format', 'csv', '--color']);
    expect(written.stdout).not.toContain('\u001b');
  });

  it('--digits rounds the cells of CSV and JSON, not the axis values', async ({ expect }) => {
    const { stdout } = await runCli(['grid', ...INLINE, '--format', 'csv', '--digits', '3']);
    expect(csvLines(stdout).slice(0, 2)).toEqual(['y\\x,0.01,0.02,0.03,0.04', '0,20000000000,40000000000,60000000000,80000000000']);
    expect(csvLines(stdout)[2]).toBe('0.1,32200000000,64400000000,96600000000,129000000000');
  });
});

describe.concurrent('the scenario and the period', () => {
  it('agrees exactly with btcfi project for the same scenario', async ({ expect }) => {
    const fields = ['--market-cap', '3.3T', '--utilization', '7.25%', '--growth', '12.75%', '--years', '4', '--step', 'quarter'];
    const project = await runCli(['project', ...fields, '--format', 'csv']);
    const rows = csvLines(project.stdout).map((line) => line.split(','));
    const tvl = rows[0]!.indexOf('tvl');
    const period = rows[0]!.indexOf('period');
    const grid = await runCli(['grid', '--market-cap', '1T', '--utilization', '1%', '--growth', '12.75%', '--years', '4', '--step', 'quarter', '--x', 'market_cap=3.3T', '--y', 'utilization=7.25%', '--format', 'csv']);
    expect(csvLines(grid.stdout)[1]).toBe(`0.0725,${rows.at(-1)![tvl]}`);
    const at = await runCli(['grid', ...fields.slice(4), '--market-cap', '3.3T', '--x', 'utilization=7.25%', '--y', 'growth=12.75%', '--at', '+2-Q3', '--format', 'csv']);
    expect(csvLines(at.stdout)[1]).toBe(`0.1275,${rows.find((row) => row[period] === '2-Q3')![tvl]}`);
  });

  it('the inline flags define the base without a file', async ({ expect }) => {
    const { stdout, exitCode } = await runCli(['grid', '--tvl', '100B', '--x', 'growth=10%', '--y', 'years=0..2', '--format', 'csv']);
    expect(exitCode).toBe(0);
    expect(csvLines(stdout)).toEqual(['y\\x,0.1', '0,100000000000', '1,110000000000', '2,121000000000']);
  });

  it('a tvl axis turns a market-cap scenario into a TVL scenario', async ({ expect }) => {
    const { stdout, exitCode } = await runCli(['grid', 'scenarios/btcfi-100b.yaml', '--x', 'tvl=100B', '--y', 'years=0,1', '--growth', '10%', '--format', 'csv']);
    expect(exitCode).toBe(0);
    expect(csvLines(stdout)).toEqual(['y\\x,100000000000', '0,100000000000', '1,110000000000']);
  });

  it('market_cap and utilization axes turn a TVL scenario into a market-cap one', async ({ expect }) => {
    const { stdout, exitCode } = await runCli(['grid', 'scenarios/defi-2031.yaml', '--x', 'market_cap=2T', '--y', 'utilization=5%', '--format', 'csv']);
    expect(exitCode).toBe(0);
    // defi-2031 grows 26.4% a year for 5 years: 100B x 1.264^5.
    expect(csvLines(stdout)[1]).toBe('0.05,322652749063.7824');
  });

  it('--at reads every cell at one period; the JSON names it', async ({ expect }) => {
    const { stdout } = await runCli(['grid', 'scenarios/defi-2031.yaml', '--case', 'rounded', '--x', 'tvl=238.5B', '--y', 'growth=26.4%', '--at', '2028', '--format', 'json']);
    const { grid } = JSON.parse(stdout) as { grid: { at: string; values: string[][] } };
    expect(grid.at).toBe('2028');
    expect(grid.values).toEqual([['381050496000']]);
  });

  it('with years on an axis, each cell is at its own last period and the JSON says at: null', async ({ expect }) => {
    const { stdout } = await runCli(['grid', '--tvl', '100', '--x', 'growth=10%', '--y', 'years=1,2', '--format', 'json']);
    const { grid } = JSON.parse(stdout) as { grid: { at: string | null; values: string[][] } };
    expect(grid.at).toBeNull();
    expect(grid.values).toEqual([['110'], ['121']]);
  });

  it('--case chooses the case; without it the first is used and stderr says which', async ({ expect }) => {
    const args = ['grid', 'scenarios/defi-2031.yaml', '--x', 'tvl=238.5B', '--y', 'years=5', '--format', 'csv'];
    const first = await runCli(args);
    expect(first.stderr).toBe("btcfi: note: defi-2031 has 2 cases (rounded, exact); the grid varies the first, rounded: choose one with --case\n");
    expect(csvLines(first.stdout)[1]).toBe('5,769526806517.121024');
    const rounded = await runCli([...args, '--case', 'rounded']);
    expect(rounded.stderr).toBe('');
    expect(rounded.stdout).toBe(first.stdout);
  });

  it('a case that states its end has its growth solved from its start: a grid may vary growth or years, not the start', async ({ expect }) => {
    const start = await runCli(['grid', 'defi-2031', '--case', 'exact', '--x', 'tvl=238.5B', '--y', 'years=5']);
    expect(start.exitCode).toBe(2);
    expect(start.stderr).toMatch(/^btcfi: error: case exact states end:, so its growth is solved from its start: a grid cannot vary tvl under a fixed growth\nhint: /);
    const years = await runCli(['grid', 'defi-2031', '--case', 'exact', '--x', 'growth=26.4%', '--y', 'years=1..3', '--format', 'csv']);
    expect(years.exitCode).toBe(0);
    // A growth axis replaces the end, as a growth flag would.
    expect(csvLines(years.stdout)[1]).toBe('1,301464000000');
  });

  it('a bundled scenario can be named without its path, and a scenario read from standard input', async ({ expect }) => {
    // A years axis loads the scenario once per years value: standard input is read once for all.
    const named = await runCli(['grid', 'btcfi-100b', '--x', 'utilization=5%', '--y', 'years=0,1', '--growth', '10%', '--format', 'csv']);
    expect(csvLines(named.stdout)).toEqual(['y\\x,0.05', '0,100000000000', '1,110000000000']);
    const input = await readFile(join(REPO_ROOT, 'scenarios', 'btcfi-100b.yaml'), 'utf8');
    // Its references are included relative to the working folder, as any path read from standard input.
    const piped = await runCli(['grid', '-', '--x', 'utilization=5%', '--y', 'years=0,1', '--growth', '10%', '--format', 'csv'], { input, cwd: join(REPO_ROOT, 'scenarios') });
    expect(piped.stdout).toBe(named.stdout);
  });

  it('a range that stops short of its end says so on stderr', async ({ expect }) => {
    const { stderr, exitCode } = await runCli(['grid', ...INLINE.slice(0, 2), '--x', 'utilization=1%..10%:4%', '--y', 'growth=0%', '--format', 'csv']);
    expect(exitCode).toBe(0);
    expect(stderr).toBe('btcfi: note: --x utilization stops at 9%: 10% is not a whole number of steps from the start\n');
  });
});

describe('output', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'btcfi-grid-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('-o writes the file atomically and says so on stderr', async () => {
    const target = join(dir, 'grid.csv');
    await writeFile(target, 'old\n');
    const { stdout, stderr, exitCode } = await runCli(['grid', ...INLINE, '--format', 'csv', '-o', target]);
    expect([exitCode, stdout, stderr]).toEqual([0, '', `btcfi: wrote ${target}\n`]);
    expect(csvLines(await readFile(target, 'utf8'))).toHaveLength(5);
    expect(await readdir(dir)).toEqual(['grid.csv']);
  });

  it('bad input writes nothing, to stdout or to -o', async () => {
    const target = join(dir, 'untouched.csv');
    await writeFile(target, 'old\n');
    const { stdout, exitCode } = await runCli(['grid', '--market-cap', '2T', '--x', 'utilization=1%..140%:1%', '--y', 'growth=0%', '-o', target]);
    expect([exitCode, stdout]).toEqual([2, '']);
    expect(await readFile(target, 'utf8')).toBe('old\n');
  });

  it('a folder that does not exist is exit 2 with one line', async () => {
    const { stdout, stderr, exitCode } = await runCli(['grid', ...INLINE, '-o', join(dir, 'missing', 'grid.csv')]);
    expect([exitCode, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/^btcfi: error: cannot write .*missing\/grid\.csv: /);
  });

  it('btcfi grid | head -1 ends quietly', async () => {
    const result = await runShell(`btcfi grid ${BENCH.join(' ')} --format csv | head -1`);
    expect(result.btcfiExitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('y\\x,1000000000,2000000000,')).toBe(true);
  });

  it('a 1,000 x 1,000 grid streams as CSV: 1,001 rows of 1,001 cells, exact to the last', async () => {
    const { stdout, stderr, exitCode } = await runCli(['grid', ...BENCH, '--format', 'csv']);
    expect([exitCode, stderr]).toEqual([0, '']);
    const lines = csvLines(stdout);
    expect(lines).toHaveLength(1001);
    expect(lines.every((line) => line.split(',').length === 1001)).toBe(true);
    expect(lines[0]!.split(',').at(-1)).toBe('1000000000000');
    // 1000B x 1.1^5 x 10%
    expect(lines.at(-1)!.split(',').slice(0, 1).concat(lines.at(-1)!.split(',').slice(-1))).toEqual(['0.1', '161051000000']);
  });
});

const BAD: { rule: string; args: string[]; message: RegExp; hint?: RegExp }[] = [
  { rule: 'a zero step', args: ['--x', 'utilization=1%..10%:0%', '--y', 'growth=0%'], message: /^--x: the step of 1%\.\.10%:0% must be positive/ },
  { rule: 'an end below the start', args: ['--x', 'utilization=1%', '--y', 'growth=30%..0%:10%'], message: /^--y: the range 30%\.\.0%:10% ends below its start/ },
  { rule: 'a range without a step', args: ['--x', 'utilization=1%..10%', '--y', 'growth=0%'], message: /^--x: the range 1%\.\.10% has no step/ },
  { rule: 'too many values', args: ['--x', 'utilization=0%..100%:0.01%', '--y', 'growth=0%'], message: /^--x: .* gives 10001 values; an axis takes at most 1000/ },
  { rule: 'an unknown field', args: ['--x', 'utilisation=1%', '--y', 'growth=0%'], message: /^--x: unknown field 'utilisation'/, hint: /did you mean 'utilization'/ },
  { rule: 'a value out of range', args: ['--x', 'utilization=1%..140%:1%', '--y', 'growth=0%'], message: /^--x: utilization must be between 0% and 100% \(got 140%\)/ },
  { rule: 'years that are not whole', args: ['--x', 'utilization=1%', '--y', 'years=1.5'], message: /^--y: years must be whole numbers/ },
  { rule: 'one field on both axes', args: ['--x', 'growth=1%', '--y', 'growth=2%'], message: /^--x and --y both vary growth/ },
  { rule: 'tvl with utilization', args: ['--x', 'tvl=1B', '--y', 'utilization=1%'], message: /^tvl and utilization cannot be varied together/ },
  { rule: 'a missing --y', args: ['--x', 'growth=1%'], message: /required option '--y <field=range>' not specified/ },
  { rule: '--at past the end', args: ['--x', 'utilization=1%', '--y', 'years=1..3', '--at', '+2'], message: /^--at \+2 is past the last period of the cells with years = 1 \(\+1\)/ },
  { rule: '--at that is no period', args: ['--x', 'utilization=1%', '--y', 'growth=0%', '--at', 'soon'], message: /^--at: 'soon' is not a period/ },
  { rule: '--layout long with JSON', args: ['--x', 'utilization=1%', '--y', 'growth=0%', '--format', 'json', '--layout', 'long'], message: /^--layout long applies only to --format csv/ },
  { rule: 'an amount in the wrong unit', args: ['--x', 'market_cap=1T BTC', '--y', 'growth=0%'], message: /^--x: '1T BTC' is in BTC, but the scenario's unit is USD/ },
];

const FILE_BAD: { rule: string; args: string[]; message: RegExp; hint?: RegExp }[] = [
  {
    rule: 'a market_cap axis on a TVL scenario without a utilization',
    args: ['scenarios/defi-2031.yaml', '--x', 'market_cap=1T', '--y', 'growth=0%'],
    message: /^--x market_cap needs a utilization as well/,
    hint: /--utilization 5%/,
  },
  {
    rule: 'a utilization axis on a TVL scenario without a market cap',
    args: ['scenarios/defi-2031.yaml', '--x', 'growth=0%', '--y', 'utilization=5%'],
    message: /^--y utilization needs a market cap, and the scenario compounds a TVL/,
    hint: /--market-cap 2T/,
  },
  { rule: 'no scenario at all', args: ['--x', 'growth=0%', '--y', 'years=1'], message: /^grid needs a scenario to vary/ },
  { rule: 'an unknown case', args: ['scenarios/defi-2031.yaml', '--x', 'growth=0%', '--y', 'years=1', '--case', 'exakt'], message: /^no case named 'exakt'/, hint: /did you mean 'exact'/ },
  { rule: 'an unknown bundled name', args: ['defi2031', '--x', 'growth=0%', '--y', 'years=1'], message: /^no scenario file or bundled scenario named 'defi2031'/, hint: /did you mean 'defi-2031'/ },
  { rule: 'a folder of scenarios', args: ['scenarios', '--x', 'growth=0%', '--y', 'years=1'], message: /^grid varies one scenario, and scenarios holds \d+: /, hint: /name one scenario file/ },
];

describe.concurrent('bad input: exit 2, nothing on stdout, one clear line on stderr and no stack', () => {
  const check = (result: CliResult, message: RegExp, hint: RegExp | undefined): void => {
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]!.replace(/^btcfi: error: /, '')).toMatch(message);
    expect(lines[0]).toMatch(/^btcfi: error: /);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    if (hint !== undefined) {
      expect(lines[1]).toMatch(hint);
    }
  };
  it.for(BAD.map((c) => [c.rule, c] as const))('%s', async ([, c]) => {
    check(await runCli(['grid', '--market-cap', '2T', '--utilization', '5%', ...c.args], { env: cliEnv() }), c.message, c.hint);
  });
  it.for(FILE_BAD.map((c) => [c.rule, c] as const))('%s', async ([, c]) => {
    check(await runCli(['grid', ...c.args]), c.message, c.hint);
  });
});
