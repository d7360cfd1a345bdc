// Every limit of btcfi is a clear input error (exit 2, FILE:LINE:COL or the flag, nothing on
// stdout), never a crash, a hang or memory exhausted: file and input sizes, periods, grid cells,
// samples, history rows, YAML aliases and nesting, and what sampling in float64 can hold.
// Time bounds here only prove "does not hang"; they are many times what a run takes.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AXIS_VALUES } from '../../src/scenario/axis.js';
import { parseAxis } from '../../src/scenario/parseAxis.js';
import { MAX_SAMPLES, parseSamples } from '../../src/cli/options.js';
import { selectScenarios } from '../../src/cli/selectScenarios.js';
import { countRows, MAX_PROJECT_ROWS } from '../../src/report/countRows.js';
import { MAX_FILE_BYTES } from '../../src/scenario/loadScenarioTexts.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { MAX_ISSUES_PER_FILE } from '../../src/core/inputIssue.js';
import { MAX_NESTING, MAX_TOKENS } from '../../src/scenario/parseYamlDocument.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { MAX_CASES, MAX_PERIODS } from '../../src/scenario/schema.js';
import { MAX_ALIAS_NODES } from '../../src/scenario/toData.js';
import { makeRandomSource } from '../../src/report/makeRandomSource.js';
import { simulateCase } from '../../src/engine/sample/simulateCase.js';
import { MAX_HISTORY_BYTES } from '../../src/scenario/loadHistoryText.js';
import { MAX_HISTORY_ROWS, parseHistory } from '../../src/scenario/parseHistory.js';
import { aliasBomb } from '../fuzz/scenarioArbitraries.js';
import { assertBuilt, runCli, runShell, type CliResult } from '../helpers/runCli.js';

beforeAll(assertBuilt);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'btcfi-limits-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A refused input: exit 2, nothing on stdout, one `btcfi: error:` line naming the place, no stack trace. */
function expectRefused(result: CliResult, place: RegExp, message: RegExp): void {
  expect(result.exitCode).toBe(2);
  expect(result.stdout).toBe('');
  const first = result.stderr.split('\n')[0]!;
  expect(first).toMatch(/^btcfi: error: /);
  expect(first).toMatch(place);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
}

/** Milliseconds a call takes. Used only for generous "does not hang" bounds. */
function timed<T>(call: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = call();
  return { value, ms: performance.now() - start };
}

const VALID = 'name: big\ntvl: 1B\ngrowth: 5%\nyears: 1\n';

describe('scenario files are at most 1 MiB', () => {
  /** A valid scenario padded with a comment to exactly `bytes` bytes. */
  const padded = (bytes: number): string => `${VALID}#${'x'.repeat(bytes - VALID.length - 2)}\n`;

  it('reads a file of exactly 1 MiB', async () => {
    const file = join(dir, 'exactly.yaml');
    await writeFile(file, padded(MAX_FILE_BYTES));
    const result = await runCli(['validate', file]);
    expect(result.exitCode).toBe(0);
  });

  it('refuses a file one byte over, naming it and its size', async () => {
    const file = join(dir, 'over.yaml');
    await writeFile(file, padded(MAX_FILE_BYTES + 1));
    expectRefused(await runCli(['project', file]), new RegExp(`${file}: the input is 1,048,577 bytes`), /at most 1,048,576 bytes \(1 MiB\)/);
  });

  it('refuses a device that never ends (/dev/zero) after 1 MiB, instead of reading until memory runs out', async () => {
    expectRefused(await runCli(['validate', '/dev/zero']), /^btcfi: error: \/dev\/zero: the input is more than 1,048,576 bytes/, /1 MiB/);
    expectRefused(await runCli(['solve', 'growth', '--history', '/dev/zero']), /^btcfi: error: \/dev\/zero: the history is more than 16,777,216 bytes/, /16 MiB/);
  });

  it('reads standard input of exactly 1 MiB, and refuses one byte more the same way', async () => {
    expect((await runCli(['validate', '-'], { input: padded(MAX_FILE_BYTES) })).exitCode).toBe(0);
    expectRefused(await runCli(['project', '-'], { input: padded(MAX_FILE_BYTES + 1) }), /^btcfi: error: <stdin>: the input is more than 1,048,576 bytes/, /1 MiB/);
  });

  /** `yes | head -c 67108864` as a stream: 64 MiB of "y\n", made as it is read. */
  const yes = (): Readable => {
    const chunk = Buffer.from('y\n'.repeat(32 * 1024));
    let left = 64 * 1024 * 1024;
    return new Readable({
      read() {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        this.push(piece.length > 0 ? piece : null);
      },
    });
  };
  const ENDLESS = [
    [['project', '-'], /^btcfi: error: <stdin>: the input is more than 1,048,576 bytes; a scenario file is at most 1,048,576 bytes \(1 MiB\)$/],
    [['grid', '-', '--x', 'growth=1%,2%', '--y', 'years=1..2'], /^btcfi: error: <stdin>: the input is more than 1,048,576 bytes/],
    [['solve', 'growth', '--history', '-'], /^btcfi: error: <stdin>: the history is more than 16,777,216 bytes; a history is at most 16,777,216 bytes \(16 MiB\)$/],
  ] as const;

  // 64 MiB stands for a pipe that never ends: a reader that buffered it all would still end
  // (saying how many bytes it read), so this fails rather than hangs. That reading stops at
  // the limit and memory stays flat is shown on an endless stream in readStreamUpTo.test.ts.
  it.each(ENDLESS.map(([args, message]) => [args.join(' '), args, message] as const))(
    'refuses a standard input that goes on and on (yes | btcfi %s) once past the limit, instead of buffering it',
    async (_, args, message) => {
      const result = await runCli(args, { input: yes() });
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')[0]).toMatch(message);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    },
  );

  it('refuses a real pipe that goes on and on the same way, and stops reading it', async () => {
    const result = await runShell('yes | head -c 67108864 | btcfi project -');
    expect(result.btcfiExitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toMatch(ENDLESS[0][1]);
  }, 20_000);
});

describe('a path has at most 2,400 periods (200 years of months)', () => {
  it('projects 200 years of months: 2,401 periods', async () => {
    const result = await runCli(['project', '--tvl', '1', '--years', '200', '--step', 'month', '--start', '2026', '--format', 'csv']);
    expect(result.exitCode).toBe(0);
    const rows = result.stdout.trim().split('\r\n');
    expect(rows).toHaveLength(1 + MAX_PERIODS + 1);
    expect(rows.at(-1)).toMatch(/^inline,,2226-01,2400,/);
  });

  it('refuses 201 years in a file, at the line and column of years', async () => {
    const file = join(dir, 'years.yaml');
    await writeFile(file, 'name: long\ntvl: 1\nstep: month\nyears: 201\n');
    expectRefused(await runCli(['project', file]), new RegExp(`${file}:4:8: years must be a whole number of years from 0 to 200 \\(got 201\\)`), /years/);
  });

  it('refuses a case that would go past 200 years', async () => {
    const file = join(dir, 'case-years.yaml');
    await writeFile(file, 'name: long\ntvl: 1\ncases:\n  far: {years: 250, step: month}\n');
    expectRefused(await runCli(['project', file]), new RegExp(`${file}:4:16: cases.far.years must be a whole number of years from 0 to 200`), /got 250/);
  });

  it('refuses the flags --years 201 --step month, naming the flag', async () => {
    expectRefused(await runCli(['project', '--tvl', '1', '--years', '201', '--step', 'month']), /--years: must be a whole number of years from 0 to 200 \(got 201\)|--years/, /201/);
  });

  it('keeps a guard in the resolver should the schema ever allow more years', () => {
    const parsed = parseScenario('name: long\ntvl: 1\nstep: month\nyears: 200\n', 'long.yaml');
    if (!parsed.ok) throw new Error('the fixture must parse');
    // Past the schema, as a future change might let through: 201 years of months.
    const tooLong = { ...parsed.value, data: { ...parsed.value.data, years: 201 } };
    const resolved = resolveScenario(tooLong);
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) {
      expect(resolved.error[0]).toMatchObject({ file: 'long.yaml', message: '201 years of months make 2412 periods; a path has at most 2400 (200 years of months)' });
      expect(resolved.error[0]!.span).toMatchObject({ line: 4, column: 8 });
    }
  });
});

describe('a grid has at most 1,000,000 cells (1,000 values an axis)', () => {
  it('reads an axis of exactly 1,000 values', () => {
    const axis = parseAxis('utilization=0.1%..100%:0.1%');
    expect(axis.ok && axis.value.values.length).toBe(MAX_AXIS_VALUES);
  });

  it.each([
    ['a range', 'growth=0%..100%:0.1%', /0%\.\.100%:0\.1% gives 1001 values; an axis takes at most 1000/],
    ['a list', `tvl=${Array.from({ length: 1001 }, (_, i) => `${i + 1}B`).join(',')}`, /the list gives 1001 values; an axis takes at most 1000/],
  ])('refuses %s of 1,001 values, naming the axis', async (_, x, message) => {
    expectRefused(await runCli(['grid', '--market-cap', '2T', '--utilization', '5%', '--x', x, '--y', 'years=1..2']), /--x: /, message);
  });
});

describe('the largest grids finish', () => {
  it('computes 500 x 1,000 cells whose years go 0, 200, 0, 200, ... within the time limit of a run', async () => {
    // Each cell used to compound its 200 years afresh after a cell of 0 years: 50,000,000
    // multiplications, minutes. Now each rate keeps its path: 200,000.
    const years = Array.from({ length: 500 }, (_, i) => (i % 2 === 0 ? '0' : '200')).join(',');
    const result = await runCli(['grid', '--tvl', '1B', '--x', `years=${years}`, '--y', 'growth=0%..99.9%:0.1%', '--format', 'csv']);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1001);
    expect(lines[1]!.split(',').slice(1, 3)).toEqual(['1000000000', '1000000000']);
    // 1B grown 0.1% a year for 200 years, as btcfi project --tvl 1B --growth 0.1% --years 200 gives it.
    expect(lines[2]!.split(',').slice(1, 3)).toEqual(['1000000000', '1221280705.348859801020604152951217542534']);
  }, 60_000);
});

describe('at most 10,000,000 samples', () => {
  it('takes 10,000,000 and refuses 10,000,001', () => {
    expect(parseSamples('10,000,000')).toBe(MAX_SAMPLES);
    expect(() => parseSamples('10000001')).toThrow(/1 to 10,000,000/);
  });

  it('refuses --samples 10000001 on the command line', async () => {
    expectRefused(await runCli(['project', '--market-cap', '2T', '--utilization', '5% to 10%', '--samples', '10000001']), /--samples/, /1 to 10,000,000/);
  });
});

describe('a history CSV has at most 100,000 rows', () => {
  const history = (rows: number): string => {
    const lines = ['# a daily series', 'date,value'];
    const day = Date.UTC(1800, 0, 1);
    for (let i = 0; i < rows; i += 1) {
      lines.push(`${new Date(day + i * 86_400_000).toISOString().slice(0, 10)},${1000 + i}`);
    }
    return `${lines.join('\n')}\n`;
  };

  it('reads exactly 100,000 rows', () => {
    const parsed = parseHistory(history(MAX_HISTORY_ROWS), 'daily.csv');
    expect(parsed.ok && parsed.value.points.length).toBe(MAX_HISTORY_ROWS);
  });

  it('refuses 100,001 rows at the line of the first row too many', async () => {
    const file = join(dir, 'too-long.csv');
    await writeFile(file, history(MAX_HISTORY_ROWS + 1));
    // Line 1 is a comment, line 2 the header, so row 100,001 is on line 100,003.
    expectRefused(await runCli(['solve', 'growth', '--history', file]), new RegExp(`${file}:100003:1: the history has more than 100,000 rows of data`), /thin it out/);
  });

  it('refuses a history over 16 MiB from a file and from standard input', async () => {
    const big = `date,value\n2020,1\n2021,2\n#${'x'.repeat(MAX_HISTORY_BYTES)}\n`;
    const file = join(dir, 'huge.csv');
    await writeFile(file, big);
    expectRefused(await runCli(['solve', 'growth', '--history', file]), new RegExp(`${file}: the history is`), /at most 16,777,216 bytes/);
    expectRefused(await runCli(['solve', 'growth', '--history', '-'], { input: big }), /<stdin>: the history is/, /16 MiB/);
  });

  it('refuses dates too close together for a growth per year, instead of computing for ever', async () => {
    const input = 'date,value\n2024-01-01T00:00:00.000Z,1\n2024-01-01T00:00:00.001Z,2\n';
    expectRefused(await runCli(['solve', 'growth', '--history', '-'], { input }), /<stdin>:3:1: the dates span 0\.00000001157 days/, /at least 0\.01 years/);
  });
});

describe('YAML aliases and nesting', () => {
  it(`refuses an alias bomb (a billion values) once ${MAX_ALIAS_NODES.toLocaleString('en-US')} values are expanded, at the first alias`, () => {
    const text = `${aliasBomb(9, 10)}name: bomb\ntvl: 1\n`;
    const { value: result, ms } = timed(() => parseScenario(text, 'bomb.yaml'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toHaveLength(1);
      // At the alias, written in the file, whose expansion passed the limit.
      expect(result.error[0]).toMatchObject({ message: 'aliases expand to too many values', span: { line: 4, column: 45, lineText: expect.stringMatching(/^l3: &l3 \[\*l2/) } });
    }
    expect(ms).toBeLessThan(5_000);
  });

  it('refuses an alias bomb on the command line with FILE:LINE:COL', async () => {
    const file = join(dir, 'bomb.yaml');
    await writeFile(file, `${aliasBomb(9, 10)}name: bomb\ntvl: 1\n`);
    expectRefused(await runCli(['project', file]), new RegExp(`${file}:4:45: aliases expand to too many values`), /fewer nested aliases/);
  });

  it('refuses an alias inside its own anchor, and an alias with no anchor', () => {
    const cycle = parseScenario('name: a\ntvl: 1\nx: &a [1, *a]\n', 'cycle.yaml');
    expect(!cycle.ok && cycle.error[0]).toMatchObject({ message: 'the alias *a is inside the value it repeats, so it never ends', span: { line: 3, column: 11 } });
    const missing = parseScenario('name: a\ntvl: *nowhere\n', 'missing.yaml');
    expect(!missing.ok && missing.error[0]).toMatchObject({ message: 'the alias *nowhere names no anchor before it', span: { line: 2, column: 6 } });
    const missingKey = parseScenario('name: a\ntvl: 1\n*k : 1\n', 'key.yaml');
    expect(!missingKey.ok && missingKey.error[0]).toMatchObject({ message: 'the alias *k names no anchor before it', span: { line: 3, column: 1 } });
  });

  it.each([
    ['flow sequences', (n: number) => `x: ${'['.repeat(n)}1${']'.repeat(n)}\n`],
    ['flow mappings', (n: number) => `x: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`],
    ['block mappings', (n: number) => `x:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`],
  ])(`refuses more than ${MAX_NESTING} levels of %s at once, where the limit is passed`, (_, nest) => {
    const { value: result, ms } = timed(() => parseScenario(`name: deep\ntvl: 1\n${nest(1000)}`, 'deep.yaml'));
    expect(!result.ok && result.error[0]).toMatchObject({ message: `the file nests more than ${MAX_NESTING} levels deep`, span: { line: expect.any(Number) } });
    expect(ms).toBeLessThan(5_000);
    // Fewer levels than the limit are only an unknown key.
    const shallow = parseScenario(`name: deep\ntvl: 1\n${nest(20)}`, 'deep.yaml');
    expect(!shallow.ok && shallow.error.map((i) => i.message)).toEqual(["unknown key 'x'"]);
  });

  it('refuses a document of block sequences nested past the limit, on its one line', () => {
    const result = parseScenario(`${'- '.repeat(500_000)}1\n`, 'deep.yaml');
    expect(!result.ok && result.error[0]).toMatchObject({ message: `the file nests more than ${MAX_NESTING} levels deep`, span: { line: 1, column: 2 * MAX_NESTING } });
  });

  it('refuses 1 MiB of nesting on the command line within the time limit of a test', async () => {
    const file = join(dir, 'deep.yaml');
    await writeFile(file, '['.repeat(MAX_FILE_BYTES));
    expectRefused(await runCli(['validate', file]), new RegExp(`${file}:1:\\d+: the file nests more than 64 levels deep`), /only a few levels/);
  });
});

describe('the size of what a file holds', () => {
  it(`refuses a file of more than ${MAX_TOKENS.toLocaleString('en-US')} YAML tokens at once, where it passes the limit`, async () => {
    const file = join(dir, 'flat.yaml');
    await writeFile(file, `name: flat\ntvl: 1\nx: [${'1,'.repeat(400_000)}1]\n`);
    expectRefused(await runCli(['validate', file]), new RegExp(`${file}:3:\\d+: the file holds more than 100,000 YAML tokens`), /a few hundred/);
  });

  it('quotes a window of a 1 MiB line around the problem, not the line', async () => {
    // Minified JSON: the whole scenario on one line, with a bad value near column 500,000.
    const file = join(dir, 'minified.json');
    const text = JSON.stringify({ name: 'minified', tvl: '1', notes: 'x'.repeat(500_000), growth: 'abc', source: 'y'.repeat(548_000) });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_FILE_BYTES);
    await writeFile(file, text);
    const column = text.indexOf('"abc"') + 1;
    const result = await runCli(['project', file]);
    expectRefused(result, new RegExp(`${file}:1:${column}: growth: 'abc' is not a rate`), /percentage/);
    const [, excerpt, caret] = result.stderr.split('\n');
    expect(excerpt).toMatch(/^  1 \| …x+","growth":"abc","source":"y+…$/);
    expect(excerpt!.length).toBeLessThan(120);
    expect(caret!.indexOf('^')).toBe(excerpt!.indexOf('"abc"'));
    expect(caret).toMatch(/ \^{5}$/);
  });

  it(`shows the first ${MAX_ISSUES_PER_FILE} problems of a file and says how many more there are`, async () => {
    const file = join(dir, 'keys.yaml');
    await writeFile(file, `name: keys\ntvl: 1\n${Array.from({ length: 900 }, (_, i) => `key${i}: 1`).join('\n')}\n`);
    const result = await runCli(['validate', file]);
    expect(result.exitCode).toBe(2);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('btcfi: error:'));
    expect(errors).toHaveLength(MAX_ISSUES_PER_FILE + 1);
    expect(errors[0]).toBe(`btcfi: error: ${file}:3:1: unknown key 'key0'`);
    expect(errors.at(-1)).toBe(`btcfi: error: ${file}:103:1: 800 more problems from here on are not shown`);
  });

  it(`refuses a scenario of more than ${MAX_CASES} cases, each a path of up to 2,401 periods`, async () => {
    const file = join(dir, 'cases.yaml');
    await writeFile(file, `name: cases\ntvl: 1\ncases:\n${Array.from({ length: MAX_CASES + 1 }, (_, i) => `  c${i}: {years: 200, step: month}`).join('\n')}\n`);
    expectRefused(await runCli(['project', file]), new RegExp(`${file}:3:1: the scenario has 101 cases; a scenario has at most 100`), /split the cases/);
  });
});

describe(`a run of btcfi project prints at most ${MAX_PROJECT_ROWS.toLocaleString('en-US')} rows`, () => {
  /** A file of a kilobyte that makes 240,100 rows: 100 cases of 200 years of months. */
  const longFile = (name: string): string => `name: ${name}\ntvl: 1B\ngrowth: 5%\nyears: 200\nstep: month\ncases:\n${Array.from({ length: MAX_CASES }, (_, i) => `  c${i}: {}`).join('\n')}\n`;

  it('refuses 42 such files at once, before computing any of them', async () => {
    const folder = join(dir, 'rows');
    await mkdir(folder);
    for (let i = 0; i < 42; i += 1) {
      await writeFile(join(folder, `long-${i}.yaml`), longFile(`long-${i}`));
    }
    // Computed, these would take minutes and gigabytes; the time limit of a run only proves they are not.
    expectRefused(
      await runCli(['project', folder, '--format', 'csv']),
      /^btcfi: error: the scenarios make 10,084,200 rows \(one for each period of each case\); a run projects at most 10,000,000$/,
      /--scenario and --case/,
    );
  });

  it('counts the rows of the scenarios and cases selected', () => {
    const parsed = parseScenario(longFile('long'), 'long.yaml');
    const resolved = parsed.ok ? resolveScenario(parsed.value) : null;
    if (resolved === null || !resolved.ok) throw new Error('the fixture must resolve');
    expect(countRows([resolved.value])).toBe(MAX_CASES * (MAX_PERIODS + 1));
    // 41 such scenarios are within the limit, 42 are not.
    expect(countRows(Array.from({ length: 41 }, () => resolved.value))).toBeLessThanOrEqual(MAX_PROJECT_ROWS);
    expect(countRows(Array.from({ length: 42 }, () => resolved.value))).toBeGreaterThan(MAX_PROJECT_ROWS);
    expect(countRows(selectScenarios([resolved.value], [], ['c1']))).toBe(MAX_PERIODS + 1);
  });
});

describe('sampling stays within float64', () => {
  it('refuses ranges that let a path grow past 1e300, at the growth, instead of failing as a bug', async () => {
    const file = join(dir, 'overflow.yaml');
    await writeFile(file, 'name: a\ntvl: 1T to 2T\ngrowth: 100000%\nyears: 200\n');
    expectRefused(await runCli(['project', file, '--samples', '10']), new RegExp(`${file}:3:9: with these ranges a sampled path can grow past 1e300 \\(to about 1e613\\) in 200 years`), /shorten the horizon/);
  });

  it('refuses a range bound below the smallest amount (1e-30), which also keeps a sampled start below 1e300', async () => {
    const file = join(dir, 'start.yaml');
    await writeFile(file, 'name: a\ntvl: {lognormal: {p5: 1e-300, p95: 1e36}}\n');
    expectRefused(await runCli(['project', file]), new RegExp(`${file}:2:23: tvl.lognormal.p5: '1e-300' is too small: an amount is 0 or from 1e-30 to 1e36`), /too small/);
  });

  it('refuses a lognormal bound that float64 would round to zero, as below the smallest rate', async () => {
    const file = join(dir, 'tiny.yaml');
    await writeFile(file, 'name: a\nmarket_cap: 1T\nutilization: 1e-400 to 1%\n');
    expectRefused(await runCli(['project', file]), new RegExp(`${file}:3:14: utilization: '1e-400' is too small`), /too small/);
  });

  it('samples ranges that stay within float64, however wide', async () => {
    const result = await runCli(['project', '--tvl', '1B to 2T', '--growth', '-50% to 100%', '--years', '100', '--samples', '50', '--format', 'csv']);
    expect(result.exitCode).toBe(0);
  });

  it('keeps memory flat in the number of uncertain phases: a phase is drawn when its year comes', () => {
    // Each uncertain phase used to hold one float64 per sample from the start of the run to its
    // end: 200 phases at 10,000,000 samples were 16 GB. Now a phase's draws are made when its
    // first year comes (and let go after its last), so arrays of `samples` floats are made one
    // phase at a time, never all at the start.
    const samples = 5_000;
    const phases = Array.from({ length: 100 }, (_, i) => `{years: 1, rate: ${i % 5}% to ${(i % 5) + 3}%}`).join(', ');
    const parsed = parseScenario(`name: p\ntvl: 1B to 2B\nyears: 100\ngrowth: [${phases}]\n`, 'phases.yaml');
    const resolved = parsed.ok ? resolveScenario(parsed.value) : null;
    if (resolved === null || !resolved.ok) throw new Error('the fixture must resolve');
    const c = resolved.value.cases[0]!;
    const Original = globalThis.Float64Array;
    let made = 0;
    const madeByPeriod: number[] = [];
    globalThis.Float64Array = class extends Original {
      constructor(length: number) {
        super(length);
        if (length === samples) made += 1;
      }
    } as typeof Float64Array;
    try {
      const result = simulateCase(c.input, c.uncertain!, c.target, { samples, random: makeRandomSource(1), onProgress: () => madeByPeriod.push(made) });
      expect(result.ok).toBe(true);
    } finally {
      globalThis.Float64Array = Original;
    }
    expect(madeByPeriod).toHaveLength(101);
    // A few arrays for the path (level, TVL, the start's draws) and the first phase's draws...
    expect(madeByPeriod[0]).toBeLessThan(10);
    // ...then one more array a year at most: the next phase's draws.
    madeByPeriod.forEach((count, period) => expect(count).toBeLessThanOrEqual(madeByPeriod[0]! + period));
  });
});

describe('standard input is read once', () => {
  it('reads - named twice once, and reports the duplicate name instead of waiting for ever', async () => {
    const result = await runCli(['project', '-', '-'], { input: 'name: twice\ntvl: 1\n' });
    expectRefused(result, /<stdin>:1:7: the scenario name 'twice' is already used by <stdin>:1:7/, /unique/);
  });
});
