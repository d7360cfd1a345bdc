// The install route of a person given the package: `npm pack`, then `npm install -g` of the
// tarball into a prefix of its own, then `btcfi` from a folder that is not the clone. The package
// holds what runs and what the README links to, no build-time file and no code cache; installed,
// it is under 3 MB, and its commands print what the clone's print.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cliEnv, REPO_ROOT, runCli, type CliResult } from '../helpers/runCli.js';

const run = promisify(execFile);

const scratch = mkdtempSync(join(tmpdir(), 'btcfi-tarball-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const prefix = join(scratch, 'prefix');
const elsewhere = join(scratch, 'elsewhere');
const cacheHome = join(scratch, 'cache');
let packed: string[];

/** npm of the Node running the tests, whatever `npm` on PATH is. */
const npmEnv = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}` };

beforeAll(async () => {
  assertBuilt();
  // --ignore-scripts: the tests run on this build; packing must not rebuild dist/ under them.
  const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: REPO_ROOT, env: npmEnv });
  const [report] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packed = report!.files.map((file) => file.path).sort();
  await run('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', join(scratch, report!.filename)], { cwd: scratch, env: npmEnv });
  await run('mkdir', ['-p', elsewhere]);
}, 120_000);

function installedBtcfi(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env = { ...cliEnv({ XDG_CACHE_HOME: cacheHome }), PATH: npmEnv.PATH };
    execFile(join(prefix, 'bin', 'btcfi'), [...args], { cwd: elsewhere, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      resolve({ stdout, stderr, exitCode: error === null ? 0 : (error.code as number) });
    }).stdin?.end();
  });
}

/** Bytes of every file under `dir`, as `du` counts what a package takes, less the block rounding. */
function sizeOf(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((total, entry) => {
    const path = join(dir, entry.name);
    return total + (entry.isDirectory() ? sizeOf(path) : statSync(path).size);
  }, 0);
}

describe('npm pack, then npm install -g of the tarball', () => {
  it('packs what runs, its licences and the docs the README links to, and nothing built for the build or one Node', () => {
    expect(packed).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'bin/btcfi.js', 'bin/package.json', 'dist/cli/main.cjs', 'dist/cli/app.cjs', 'dist/cli/scenarios.read.json', 'dist/THIRD-PARTY-LICENSES', 'schema/scenario.schema.json']));
    expect(packed.filter((path) => /^(src|test|bench|dist\/build|node_modules)\/|\.cache$|\.ts$/.test(path))).toEqual([]);
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#]+)\)/g)].map((match) => match[1]!).filter((link) => !/^[a-z]+:/.test(link));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const path = link.replace(/^\.\//, '').replace(/\/$/, '');
      expect(packed.some((file) => file === path || file.startsWith(`${path}/`)), `README links to ${link}`).toBe(true);
    }
  });

  it('ships the licence of every package in the bundle', () => {
    const licences = readFileSync(join(REPO_ROOT, 'dist', 'THIRD-PARTY-LICENSES'), 'utf8');
    for (const name of ['commander', 'chalk', 'decimal.js', 'yaml', 'zod']) {
      expect(licences).toMatch(new RegExp(`^${name.replace('.', '\\.')} \\d+\\.\\d+\\.\\d+ \\((MIT|ISC)\\)\\n-+\\n\\n\\S`, 'm'));
    }
  });

  it('installs with no dependencies, under 3 MB', () => {
    const installed = join(prefix, 'lib', 'node_modules', 'btcfi');
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    expect(sizeOf(installed)).toBeLessThan(3 * 1024 * 1024);
  });

  it.for([['project'], ['project', '--format', 'csv'], ['check']])('btcfi %s from another folder prints what the clone prints', async (args) => {
    const [installed, clone] = await Promise.all([installedBtcfi(args), runCli(args)]);
    expect(installed.exitCode).toBe(0);
    expect(installed).toEqual(clone);
  });
});
