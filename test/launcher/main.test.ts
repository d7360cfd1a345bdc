// The built CLI as a user starts it: bin/btcfi.js -> dist/cli/main.cjs (the launcher) ->
// dist/cli/app.cjs. Every other CLI test runs the program in-process from src/
// (test/helpers/runCli.ts); these few runs check that the build gives the same bytes, and what
// only the launcher does: --version on its own. The code cache has its own tests
// (codeCache.test.ts, and test/install/otherNodes.test.ts on other Node releases).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { assertBuilt, cliEnv, REPO_ROOT, runCli, spawnCli } from '../helpers/runCli.js';

beforeAll(assertBuilt);

describe('the launcher', () => {
  it.each([['--version'], ['-V']])('answers btcfi %s with the version, as the program does in-process', async (...args) => {
    const spawned = await spawnCli(args);
    expect(spawned).toEqual({ stdout: `${packageJson.version}\n`, stderr: '', exitCode: 0 });
    expect(await runCli(args)).toEqual(spawned);
  });
});

/**
 * Runs that cover what the build changes: the bundle (with its trimmed yaml, chalk and commander),
 * the bundled scenarios as the build read them and the same files parsed at the run, output
 * streamed through process.stdout, and an error.
 */
const RUNS: readonly (readonly string[])[] = [
  ['project'],
  ['project', 'scenarios', '--format', 'json'],
  ['check', '--format', 'junit'],
  ['grid', 'defi-2031', '--case', 'rounded', '--x', 'growth=10%..30%:5%', '--y', 'years=1..5', '--format', 'csv'],
  ['project', 'test/fixtures/errors/several-problems.yaml'],
];

describe.concurrent('the built CLI', () => {
  it.for(RUNS.map((args) => [args.join(' '), args] as const))('gives the bytes and exit code of the program in-process: btcfi %s', async ([, args], { expect }) => {
    const spawned = await spawnCli(args);
    expect(await runCli(args), 'the built CLI differs from src/: is dist/ older than src/? (node build.mjs)').toEqual(spawned);
  });

  it('is what bin/btcfi.js starts, a CommonJS file that requires the launcher', () => {
    expect(readFileSync(join(REPO_ROOT, 'bin', 'btcfi.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n[\s\S]*require\('\.\.\/dist\/cli\/main\.cjs'\);\n/);
    const output = execFileSync(join(REPO_ROOT, 'bin', 'btcfi.js'), ['list'], { cwd: REPO_ROOT, env: cliEnv(), encoding: 'utf8' });
    expect(output).toMatch(/defi-2031/);
  });
});
