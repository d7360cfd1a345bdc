#!/usr/bin/env node
// Whole-process start-up time of btcfi against `node -e 0`, measured in the same run.
// Usage: node bench/startup.mjs [runs]   (default 21 runs of each, interleaved; build first)
// btcfi runs with the code cache of this Node in the user's cache folder (the build warms it);
// the last row runs with a cache folder that cannot be written, as a run on a new Node would.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchEnvironment, environmentNote } from './wholeProcess.mjs';

const runs = Number(process.argv[2] ?? 21);
const bin = fileURLToPath(new URL('../bin/btcfi.js', import.meta.url));
const scenarios = fileURLToPath(new URL('../scenarios', import.meta.url));
const commands = {
  'node -e 0': ['-e', '0'],
  'btcfi --version': [bin, '--version'],
  'btcfi project (table)': [bin, 'project'],
  'btcfi project --format csv': [bin, 'project', '--format', 'csv'],
  // The same files named as a path: parsed at the run, as any user's file is, instead of taken
  // from the build's read of the bundled scenarios.
  'btcfi project scenarios': [bin, 'project', scenarios],
  'btcfi project, no code cache': [bin, 'project'],
  // The HTML report of the bundled scenarios: the one command that sets up the page's code.
  'btcfi report (html)': [bin, 'report'],
};
// XDG_CACHE_HOME under a file: no cache can be read or written there.
const environments = { 'btcfi project, no code cache': benchEnvironment({ XDG_CACHE_HOME: '/dev/null/btcfi-bench' }) };
const environment = benchEnvironment();

const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (let i = 0; i < runs; i += 1) {
  for (const [name, args] of Object.entries(commands)) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: environments[name] ?? environment });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) {
      throw new Error(`${name} exited ${result.status}: ${result.stderr}`);
    }
    times[name].push(elapsed);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const baseline = median(times['node -e 0']);
console.log(`node ${process.version}, ${runs} runs each, interleaved; ${environmentNote()}`);
console.log('command                        median ms   x node -e 0');
for (const [name, values] of Object.entries(times)) {
  const m = median(values);
  console.log(`${name.padEnd(30)} ${m.toFixed(1).padStart(9)}   ${(m / baseline).toFixed(2).padStart(11)}`);
}
