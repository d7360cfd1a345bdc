// What the whole-process benchmarks share (bench/project, bench/grid): the repository root, a build
// when dist/ is stale, one timed run under /usr/bin/time, and the median of the runs.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The environment of every measured run: this one, less NODE_EXTRA_CA_CERTS. With it set, every
 * Node.js process reads and parses that whole certificate file as it starts, before any
 * JavaScript (about 30 ms on a machine that points it at the system's bundle of 140-odd
 * certificates): work of the machine's set-up that btcfi, `node -e 0` and Python never need, and
 * that would hide btcfi's own start-up behind a constant. BTCFI_BENCH_KEEP_ENV=1 keeps it.
 */
export function benchEnvironment(extra = {}) {
  const env = { ...process.env, ...extra };
  if (process.env.BTCFI_BENCH_KEEP_ENV !== '1') {
    delete env.NODE_EXTRA_CA_CERTS;
  }
  return env;
}

/** A line for a benchmark's report: what benchEnvironment left out, if anything. */
export function environmentNote() {
  if (process.env.NODE_EXTRA_CA_CERTS === undefined) {
    return 'environment as given';
  }
  return process.env.BTCFI_BENCH_KEEP_ENV === '1' ? 'NODE_EXTRA_CA_CERTS kept (BTCFI_BENCH_KEEP_ENV=1)' : 'NODE_EXTRA_CA_CERTS left out of the measured runs (BTCFI_BENCH_KEEP_ENV=1 keeps it)';
}

/** One run of `command` from the repository root: its wall time, the time /usr/bin/time gives, and its peak RSS. */
export function timed(name, command) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', ...command], { cwd: root, env: benchEnvironment({ NO_COLOR: '1' }), encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${name} exited ${result.status}:\n${result.stderr}`);
  }
  const [seconds, kb] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { ms, timeSeconds: seconds, rssMb: kb / 1024 };
}

export function median(values) {
  const sorted = [...values].sort((p, q) => p - q);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs the build when dist/cli/main.cjs is missing or older than package.json or any file under src/. */
export function buildIfStale() {
  const bundle = join(root, 'dist', 'cli', 'main.cjs');
  let built = 0;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    // missing: build
  }
  const sources = [join(root, 'package.json'), ...readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).map((name) => join(root, 'src', name))];
  const newer = sources.find((path) => statSync(path).isFile() && statSync(path).mtimeMs > built);
  if (newer === undefined) {
    return;
  }
  console.log(`building (${built === 0 ? 'no dist/' : `${relative(root, newer)} is newer than dist/`})`);
  const result = spawnSync(process.execPath, [join(root, 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error('the build failed');
  }
}
