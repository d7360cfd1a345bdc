// Every input a fuzz campaign ever broke btcfi with (test/fixtures/fuzz/), run on every `npm test`.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/runCli.js';
import { checkScenarioText } from './checkPipeline.js';
import { checkRun } from './checkRun.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'fuzz');
const SCENARIOS = readdirSync(join(FIXTURES, 'scenario')).sort();
const COMMANDS = readdirSync(join(FIXTURES, 'cli')).sort();

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'btcfi-fuzz-fixtures-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.concurrent('scenario files that once broke btcfi', () => {
  it.for(SCENARIOS)('%s gives a result or issues at FILE:LINE:COL, in-process and from the CLI', async (name, { expect }) => {
    const path = join(FIXTURES, 'scenario', name);
    const text = readFileSync(path, 'utf8');
    expect(() => checkScenarioText(text, name)).not.toThrow();
    for (const args of [['validate', path], ['project', path, '--samples', '20', '--format', 'csv'], ['check', path, '--format', 'junit']]) {
      const result = await runCli(args);
      expect([0, 1, 2]).toContain(result.exitCode);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });
});

describe.concurrent('command lines that once broke btcfi', () => {
  it.for(COMMANDS)('%s exits 0, 1 or 2 with a clear message', async (name, { expect }) => {
    const { args, input } = JSON.parse(readFileSync(join(FIXTURES, 'cli', name), 'utf8')) as { args: string[]; input: string };
    const problem = await checkRun({ args, command: args[0] ?? '', input, output: null, outputExists: false }, join(root, name));
    expect(problem).toBeNull();
  });
});

it('the fixture folders are not empty, so the tests above test something', () => {
  expect(SCENARIOS.length).toBeGreaterThan(0);
  expect(COMMANDS.length).toBeGreaterThan(0);
});

it('a file that once broke btcfi still reports a problem with runCli, for the record', async () => {
  const result = await runCli(['project', join(FIXTURES, 'scenario', 'range-bounds-not-figures.yaml')]);
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toMatch(/range-bounds-not-figures\.yaml:2:6: tvl: 'x' is not an amount/);
});
