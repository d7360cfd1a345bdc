#!/usr/bin/env node
// Whole-process time and peak memory of btcfi's Monte Carlo on the benchmark model
// (bench/montecarlo/model.yaml: market cap 2T, growth 5% to 25% drawn once per path,
// utilization 5% to 10%, 5 years), written as CSV, at 100,000 and 1,000,000 samples.
//
// Usage: node bench/montecarlo/run.mjs [runs] [--compare]
//   runs       runs of each command, interleaved (default 7); medians are reported
//   --compare  also time the same model in Squiggle 0.10's JS API at 100,000 samples, installed
//              into a temporary folder for the run (it is not a dependency of btcfi)
// Targets: 100,000 samples at most half of Squiggle's time; 1,000,000 samples under 2 s and at
// most 300 MB peak RSS. Exits 1 when a measured target is missed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEnvironment, environmentNote } from '../wholeProcess.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const compare = args.includes('--compare');
const runs = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 7);
const model = join(root, 'bench', 'montecarlo', 'model.yaml');

if (!existsSync(join(root, 'dist', 'cli', 'main.cjs'))) {
  spawnSync('node', ['build.mjs'], { cwd: root, stdio: 'inherit' });
}
const btcfi = (samples) => [process.execPath, join(root, 'bin', 'btcfi.js'), 'project', model, '--samples', String(samples), '--format', 'csv'];
const commands = { 'btcfi 100,000': btcfi(100_000), 'btcfi 1,000,000': btcfi(1_000_000) };

let squiggleDir = null;
if (compare) {
  squiggleDir = mkdtempSync(join(tmpdir(), 'btcfi-bench-squiggle-'));
  console.error(`installing @quri/squiggle-lang@0.10.0 into ${squiggleDir} ...`);
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '@quri/squiggle-lang@0.10.0'], { cwd: squiggleDir, stdio: 'inherit' });
  if (install.status !== 0) {
    throw new Error('could not install @quri/squiggle-lang@0.10.0');
  }
  copyFileSync(join(root, 'bench', 'montecarlo', 'squiggle-model.mjs'), join(squiggleDir, 'model.mjs'));
  commands['squiggle 100,000'] = [process.execPath, join(squiggleDir, 'model.mjs'), '100000'];
}

const results = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
try {
  for (let i = 0; i < runs; i += 1) {
    for (const [name, command] of Object.entries(commands)) {
      results[name].push(timed(name, command));
    }
  }
} finally {
  if (squiggleDir !== null) {
    rmSync(squiggleDir, { recursive: true, force: true });
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const summary = Object.fromEntries(
  Object.entries(results).map(([name, list]) => [name, { ms: median(list.map((r) => r.ms)), rssMb: Math.max(...list.map((r) => r.rssKb)) / 1024 }]),
);
console.log(`node ${process.version}, ${runs} runs of each, interleaved; median wall time, highest peak RSS; ${environmentNote()}`);
console.log('command              median ms   peak RSS MB');
for (const [name, { ms, rssMb }] of Object.entries(summary)) {
  console.log(`${name.padEnd(20)} ${ms.toFixed(0).padStart(9)}   ${rssMb.toFixed(1).padStart(11)}`);
}
let failed = false;
const million = summary['btcfi 1,000,000'];
console.log(`1,000,000 samples: ${million.ms.toFixed(0)} ms (target < 2000), ${million.rssMb.toFixed(1)} MB (target <= 300)`);
failed ||= million.ms >= 2000 || million.rssMb > 300;
if (compare) {
  const ratio = summary['btcfi 100,000'].ms / summary['squiggle 100,000'].ms;
  console.log(`100,000 samples: btcfi / squiggle = ${ratio.toFixed(2)} (target <= 0.5)`);
  failed ||= ratio > 0.5;
}
process.exitCode = failed ? 1 : 0;

/** One run under /usr/bin/time: wall time (to the millisecond, ours) and peak RSS (time's %M, KB). */
function timed(name, command) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', ...command], { cwd: root, env: benchEnvironment(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${name} exited ${result.status}:\n${result.stderr}`);
  }
  const rssKb = Number(result.stderr.trim().split('\n').at(-1));
  return { ms, rssKb };
}
