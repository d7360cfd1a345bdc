#!/usr/bin/env node
// Start-up of this checkout against another built checkout of btcfi (an earlier commit, say), in
// the same run: the same commands interleaved, medians, each as a multiple of `node -e 0`.
// Usage: node bench/startupAgainst.mjs OTHER_CHECKOUT [runs]   (default 21; build both first)
//   git worktree add /tmp/before COMMIT && (cd /tmp/before && npm ci)
//   node bench/startupAgainst.mjs /tmp/before 25
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEnvironment, environmentNote } from './wholeProcess.mjs';

const other = process.argv[2];
if (other === undefined) {
  throw new Error('usage: node bench/startupAgainst.mjs OTHER_CHECKOUT [runs]');
}
const runs = Number(process.argv[3] ?? 21);
const trees = { other: resolve(other), this: fileURLToPath(new URL('..', import.meta.url)) };
// Scenarios whose files and output are the same in both, then the bundled set (which may differ).
const commands = {
  'node -e 0': () => ['-e', '0'],
  'btcfi --version': (tree) => [`${tree}/bin/btcfi.js`, '--version'],
  'btcfi project l2-2025': (tree) => [`${tree}/bin/btcfi.js`, 'project', 'l2-2025'],
  'btcfi project staking-500b --format csv': (tree) => [`${tree}/bin/btcfi.js`, 'project', 'staking-500b', '--format', 'csv'],
  'btcfi project': (tree) => [`${tree}/bin/btcfi.js`, 'project'],
};

const environment = benchEnvironment();
const times = {};
for (let i = 0; i < runs; i += 1) {
  for (const [treeName, tree] of Object.entries(trees)) {
    for (const [name, args] of Object.entries(commands)) {
      const started = process.hrtime.bigint();
      const result = spawnSync(process.execPath, args(tree), { stdio: ['ignore', 'pipe', 'pipe'], env: environment });
      if (result.status !== 0) {
        throw new Error(`${treeName}: ${name} exited ${result.status}: ${result.stderr}`);
      }
      (times[`${treeName}|${name}`] ??= []).push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const baseline = median([...times['other|node -e 0'], ...times['this|node -e 0']]);
console.log(`node ${process.version}, ${runs} runs each, interleaved; other: ${trees.other}; ${environmentNote()}`);
console.log(`${'command'.padEnd(42)} ${'other ms'.padStart(9)} ${'x'.padStart(5)} ${'this ms'.padStart(9)} ${'x'.padStart(5)}`);
for (const name of Object.keys(commands)) {
  const [a, b] = [median(times[`other|${name}`]), median(times[`this|${name}`])];
  console.log(`${name.padEnd(42)} ${a.toFixed(1).padStart(9)} ${(a / baseline).toFixed(2).padStart(5)} ${b.toFixed(1).padStart(9)} ${(b / baseline).toFixed(2).padStart(5)}`);
}
