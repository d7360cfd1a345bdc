// The built CLI on other Node releases than the one that built it: the same bytes out, the same
// exit codes, and never a crash from a code cache another runtime wrote (before the cache was
// keyed by runtime, a cache built on 20.20 made 20.19 die with exit 139, nothing printed). All
// releases share one cache folder, as they would on a machine where Node is upgraded, and each
// runs every command twice: the first run writes its own cache, the later ones use it.
// On a Node older than btcfi supports: one line that says so, exit 2.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, cliEnv, REPO_ROOT, type CliResult } from '../helpers/runCli.js';
import { installNode, type NodeBinary } from './nodeReleases.js';

/** Supported releases other than the building one: the oldest allowed, and the latest 22 and 24. */
const OTHER_RELEASES = ['20.19.0', '22.23.5', '24.22.3'];
const TOO_OLD = '18.20.8';

const COMMANDS: readonly (readonly string[])[] = [['project'], ['project', '--format', 'csv'], ['project', '--format', 'json'], ['check']];

const scratch = mkdtempSync(join(tmpdir(), 'btcfi-nodes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const binaries = new Map<string, NodeBinary>();
beforeAll(async () => {
  assertBuilt();
  const installed = await Promise.all([...OTHER_RELEASES, TOO_OLD].map(installNode));
  for (const binary of installed) {
    binaries.set(binary.version, binary);
    if (!binary.ok) {
      console.warn(`skipping Node ${binary.version}: ${binary.reason}`);
    }
  }
}, 600_000);

function runWith(node: string, args: readonly string[], cacheHome: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env = { ...cliEnv({ XDG_CACHE_HOME: cacheHome }), PATH: `${dirname(node)}:${process.env['PATH'] ?? ''}` };
    const child = execFile(node, [BIN, ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number' && error.signal == null) {
        reject(error);
        return;
      }
      resolve({ stdout, stderr, exitCode: error === null ? 0 : typeof error.code === 'number' ? error.code : null });
    });
    child.stdin?.end();
  });
}

/** The cache files of Node `version`: name, inode and time, to tell a rewrite from a read. */
function cacheFiles(cacheHome: string, version: string): string[] {
  const dir = join(cacheHome, 'btcfi');
  try {
    return readdirSync(dir)
      .filter((name) => name.startsWith(`app-v${version}-`))
      .sort()
      .map((name) => {
        const { ino, mtimeMs, size } = statSync(join(dir, name));
        return `${name} ${ino} ${mtimeMs} ${size}`;
      });
  } catch {
    return [];
  }
}

/** Every command twice on `node` (Node `version`), with the cache folder `cacheHome`. */
async function runAll(node: string, version: string, cacheHome: string): Promise<{ outputs: CliResult[][]; afterFirst: string[]; afterAll: string[] }> {
  const outputs: CliResult[][] = [];
  let afterFirst: string[] = [];
  for (let round = 0; round < 2; round += 1) {
    const results: CliResult[] = [];
    for (const args of COMMANDS) {
      results.push(await runWith(node, args, cacheHome));
      if (round === 0 && results.length === 1) {
        afterFirst = cacheFiles(cacheHome, version);
      }
    }
    outputs.push(results);
  }
  return { outputs, afterFirst, afterAll: cacheFiles(cacheHome, version) };
}

describe('the built CLI on other Node releases', () => {
  const sharedCache = join(scratch, 'cache');
  let building: Awaited<ReturnType<typeof runAll>>;
  let reference: CliResult[];
  beforeAll(async () => {
    building = await runAll(process.execPath, process.versions.node, sharedCache);
    reference = building.outputs[0]!;
  }, 120_000);

  it(`the building Node (${process.version}) gives the same output twice, writing its cache on the first run`, () => {
    expect(reference.map((result) => result.exitCode)).toEqual([0, 0, 0, 0]);
    expect(building.outputs[1]).toEqual(reference);
    expect(building.afterFirst).toHaveLength(1);
    expect(building.afterAll).toEqual(building.afterFirst);
  });

  it.for(OTHER_RELEASES)('Node %s prints what the building Node prints, byte for byte, with and without its own cache', { timeout: 120_000 }, async (version, context) => {
    const binary = binaries.get(version)!;
    if (!binary.ok) {
      context.skip(binary.reason);
      return;
    }
    const { outputs, afterFirst, afterAll: files } = await runAll(binary.path, version, sharedCache);
    for (const [round, results] of outputs.entries()) {
      for (const [index, args] of COMMANDS.entries()) {
        const label = `btcfi ${args.join(' ')} on Node ${version}, run ${round + 1}`;
        context.expect(results[index]!.exitCode, label).toBe(reference[index]!.exitCode);
        context.expect(results[index]!.stdout, label).toBe(reference[index]!.stdout);
        context.expect(results[index]!.stderr, label).toBe(reference[index]!.stderr);
      }
    }
    // The first run wrote one cache, named for its release; every later run used it as it was.
    context.expect(afterFirst).toHaveLength(1);
    context.expect(afterFirst[0]).toMatch(new RegExp(`^app-v${version.replace(/\./g, '\\.')}-${process.arch}-[0-9a-f]{8}\\.cache `));
    context.expect(files).toEqual(afterFirst);
  });

  it('runs the same without a cache where the cache folder cannot be written', async () => {
    const results = await Promise.all(COMMANDS.map((args) => runWith(process.execPath, args, '/dev/null/btcfi-cache')));
    expect(results).toEqual(reference);
  });
});

describe('a Node older than btcfi supports', () => {
  it.for([['project'], ['--version']])(`Node ${TOO_OLD}: btcfi %s says in one line which Node it needs, exit 2`, async (args, context) => {
    const binary = binaries.get(TOO_OLD)!;
    if (!binary.ok) {
      context.skip(binary.reason);
      return;
    }
    const cacheHome = mkdtempSync(join(scratch, 'old-'));
    const result = await runWith(binary.path, args, cacheHome);
    context.expect(result).toEqual({ stdout: '', stderr: `btcfi: error: btcfi needs Node.js 20.19 or later; this is v${TOO_OLD}\n`, exitCode: 2 });
    context.expect(readdirSync(cacheHome)).toEqual([]);
  });
});
