// The built CLI as a user starts it: bin/btcfi.js -> dist/cli/main.cjs (the launcher) ->
// dist/cli/app.cjs with its code cache. Every other CLI test runs the program in-process from
// src/ (test/helpers/runCli.ts); these few runs check that the build gives the same bytes, and
// what only the launcher does: --version on its own, and the code cache.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

  it('runs the bundle with a code cache that this Node accepts', () => {
    // The launcher's own steps (src/launcher/main.ts), asking V8 whether it takes the cache the
    // build wrote beside the bundle (whatever the file is named).
    const script = [
      "const { readFileSync } = require('node:fs');",
      "const Module = require('node:module');",
      "const { Script } = require('node:vm');",
      'const [app, ...caches] = process.argv.slice(1);',
      "const source = Module.wrap(readFileSync(app, 'utf8'));",
      "process.stdout.write(caches.filter((cache) => !new Script(source, { filename: app, cachedData: readFileSync(cache) }).cachedDataRejected).join(' '));",
    ].join('\n');
    const dist = join(REPO_ROOT, 'dist', 'cli');
    const caches = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((name) => /cache/i.test(name) && statSync(join(dist, name)).isFile())
      .map((name) => join(dist, name));
    expect(caches.length, 'the build writes a code cache under dist/cli/').toBeGreaterThan(0);
    const accepted = execFileSync(process.execPath, ['-e', script, join(dist, 'app.cjs'), ...caches], { encoding: 'utf8' });
    expect(accepted, `one of ${caches.join(', ')} is taken by V8`).not.toBe('');
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
    expect(readFileSync(join(REPO_ROOT, 'bin', 'btcfi.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n[\s\S]*require\('\.\.\/dist\/cli\/main\.cjs'\);\n$/);
    const output = execFileSync(join(REPO_ROOT, 'bin', 'btcfi.js'), ['list'], { cwd: REPO_ROOT, env: cliEnv(), encoding: 'utf8' });
    expect(output).toMatch(/defi-2031/);
  });
});
