// Text for people fits the width: every help page at 80 columns, and every bundled table (project,
// ranges, check, solve, grid, list) at 80 and at 50; the width comes from --width, COLUMNS or the
// terminal; pipes and files have no limit. Widths are display widths (colour codes take none).
import { describe, expect, it } from 'vitest';
import { beforeAll } from 'vitest';
import type { Command } from 'commander';
import { displayWidth } from '../../src/render/displayWidth.js';
import { makeCliContext } from '../../src/cli/context.js';
import { makeProgram } from '../../src/cli/program.js';
import { assertBuilt, cliEnv, runCli } from '../helpers/runCli.js';

beforeAll(assertBuilt);

/** The lines of a text wider than `width`. */
function tooWide(text: string, width: number): string[] {
  return text.split('\n').filter((line) => displayWidth(line) > width);
}

/** Every command of the program, as the words that name it: [], ['project'], ['solve', 'growth'], ... */
function commandPaths(command: Command, path: readonly string[] = []): string[][] {
  return [[...path], ...command.commands.flatMap((sub) => commandPaths(sub, [...path, sub.name()]))];
}

const io = { stdout: () => {}, stdoutStream: null, stderr: () => {}, readStdin: () => Promise.reject(new Error('none')), stdoutIsTTY: false, stderrIsTTY: false, columns: null, env: {} };
const HELP_PAGES = commandPaths(makeProgram(makeCliContext([], io, () => {})));

describe('help', () => {
  it('has a page for every command and subcommand', () => {
    expect(HELP_PAGES.length).toBeGreaterThan(12);
    expect(HELP_PAGES).toContainEqual(['solve', 'utilization']);
  });

  it.each(HELP_PAGES.map((path) => [path.join(' ') || '(btcfi)', path] as const))('btcfi %s --help fits 80 columns, examples included', async (_name, path) => {
    const { stdout, exitCode } = await runCli([...path, '--help']);
    expect(exitCode).toBe(0);
    expect(stdout.length).toBeGreaterThan(50);
    expect(tooWide(stdout, 80)).toEqual([]);
  });

  it('a bare btcfi fits 80 columns', async () => {
    const { stdout } = await runCli([]);
    expect(tooWide(stdout, 80)).toEqual([]);
  });

  it('wraps its descriptions at a narrower --width', async () => {
    const wide = await runCli(['project', '--help']);
    const narrow = await runCli(['project', '--help', '--width', '70']);
    const optionLines = (text: string): string[] => text.split('\n').filter((line) => line.startsWith('  -') || line.startsWith('   '));
    expect(tooWide(optionLines(narrow.stdout).join('\n'), 70)).toEqual([]);
    expect(tooWide(optionLines(wide.stdout).join('\n'), 70)).not.toEqual([]);
  });
});

const RANGES = ['--samples', '500'];
const BUNDLED_RUNS: readonly (readonly string[])[] = [
  ['project'],
  ['project', '--growth', '10%'],
  ['project', 'test/fixtures/ranges/btcfi-5-10-range.yaml', ...RANGES],
  ['project', 'test/fixtures/ranges/every-form.yaml', ...RANGES],
  ['project', '--market-cap', '2T', '--utilization', '5% to 10%', '--target', '150B', ...RANGES],
  ['check'],
  ['list'],
  ['solve', 'growth', '--from', '238.5B', '--to', '770.6B', '--years', '5'],
  ['solve', 'years', '--from', '238.5B', '--to', '770.6B', '--growth', '26.4%', '--start', '2026'],
  ['solve', 'end', '--from', '238.5B', '--growth', '26.4%', '--years', '5'],
  ['solve', 'start', '--to', '770.6B', '--growth', '26.4%', '--years', '5'],
  ['solve', 'utilization', '--market-cap', '2T', '--tvl', '500B', '--growth', '10%', '--years', '5'],
  ['grid', 'defi-2031', '--case', 'exact', '--x', 'growth=20%..30%:2.5%', '--y', 'years=1..10'],
  ['grid', '--market-cap', '2T', '--years', '5', '--x', 'utilization=1%..10%:1%', '--y', 'growth=0%..30%:10%'],
  ['grid', 'btcfi-100b', '--x', 'market_cap=1T..5T:1T', '--y', 'utilization=1%,2.5%,5%,10%', '--digits', '8'],
];

describe('bundled tables', () => {
  it.each(BUNDLED_RUNS.flatMap((args) => [80, 50].map((width) => [width, args.join(' '), args] as const)))('fit %i columns: btcfi %s', async (width, _name, args) => {
    const { stdout, stderr, exitCode } = await runCli([...args, '--width', String(width)]);
    expect(stderr.replace(/^btcfi: note: .*\n/gm, '')).toBe('');
    expect(exitCode).toBe(0);
    expect(stdout.split('\n').length).toBeGreaterThan(2);
    expect(tooWide(stdout, width)).toEqual([]);
  });

  it('keep every figure when split: the blocks together hold the cells of the wide table', async () => {
    const args = ['project', 'btcfi-5-10'];
    const wide = (await runCli([...args, '--width', '0'])).stdout;
    const narrow = (await runCli([...args, '--width', '50'])).stdout;
    expect(tooWide(wide, 100)).not.toEqual([]);
    const cells = (text: string): string[] => text.split('\n').filter((line) => /^2026 /.test(line)).flatMap((line) => line.split(/ {2,}/).slice(1)).sort();
    expect(cells(narrow)).toEqual(cells(wide));
    expect(narrow.match(/^Period /gm)!.length, 'each block repeats the period column').toBeGreaterThan(1);
  });
});

describe('the width', () => {
  const wideLines = async (args: readonly string[], options: Parameters<typeof runCli>[1] = {}): Promise<number> =>
    Math.max(...(await runCli(['project', 'btcfi-5-10', ...args], options)).stdout.split('\n').map(displayWidth));

  it.each([
    ['a terminal: its columns', [], { terminalColumns: 60 }, 60],
    ['COLUMNS over the terminal', [], { terminalColumns: 100, env: cliEnv({ COLUMNS: '56' }) }, 56],
    ['--width over COLUMNS', ['--width', '44'], { env: cliEnv({ COLUMNS: '56' }) }, 44],
    ['--width=N', ['--width=70'], {}, 70],
  ] as const)('%s', async (_name, args, options, width) => {
    const widest = await wideLines(args, options);
    expect(widest).toBeLessThanOrEqual(width);
    expect(widest, 'the table uses the room it has').toBeGreaterThan(width - 25);
  });

  it('--width may come before the command', async () => {
    const { stdout } = await runCli(['--width', '44', 'project', 'btcfi-5-10']);
    expect(Math.max(...stdout.split('\n').map(displayWidth))).toBeLessThanOrEqual(44);
  });

  it('--width 0 lifts the limit, as a pipe or a file has none: a line a row, as scripts and CI logs read it', async () => {
    expect(await wideLines(['--width', '0'])).toBeGreaterThan(100);
    expect(await wideLines([])).toBeGreaterThan(100);
  });

  it.each([['10'], ['x'], ['-1'], ['2000']])('--width %s is a usage error', async (value) => {
    const { stderr, exitCode } = await runCli(['project', '--width', value]);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^btcfi: error: option '--width <n>' argument .* is invalid\. It must be 0 \(no limit\) or a whole number from 20 to 1000\./);
  });
});

describe('--digits in tables', () => {
  it('rounds each table figure once, from the exact value, to the digits asked', async () => {
    // 238.5B × 1.264^5 = 769,526,806,517.121024 exactly; 12 digits are 769.526806517B.
    const { stdout } = await runCli(['project', 'defi-2031', '--case', 'rounded', '--digits', '12']);
    expect(stdout).toMatch(/^2031 +\$769\.526806517B +\+26\.4%$/m);
    // 238.5B × 1.264 = 301.464B: with 5 digits 301.46B, never 301.5B rounded again.
    const five = await runCli(['project', 'defi-2031', '--case', 'rounded', '--digits', '5']);
    expect(five.stdout).toMatch(/^2027 +\$301\.46B +\+26\.4%$/m);
  });

  it('rounds grid cells too', async () => {
    const { stdout } = await runCli(['grid', '--tvl', '1B', '--years', '1', '--x', 'growth=1%,2%', '--y', 'tvl=1B', '--digits', '3']);
    expect(stdout).toMatch(/\$1\.01B +\$1\.02B/);
  });
});
