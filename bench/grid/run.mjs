#!/usr/bin/env node
// Whole-process time and peak memory of a 1,000 x 1,000 btcfi grid (market cap x utilization)
// written as CSV, next to the same grid computed with Python's decimal module and written with its
// csv module (bench/grid/grid.py), in the same run, interleaved.
//
// Usage: node bench/grid/run.mjs [runs]     (default 7 runs of each; builds dist/ first if it is stale)
// Targets: btcfi's median time at most 1.5 x Python's, its peak RSS at most 150 MB. Exits 1 when
// a target is missed or the two outputs disagree.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, environmentNote, median, root, timed } from '../wholeProcess.mjs';

const runs = Number(process.argv[2] ?? 7);
const TARGET_RATIO = 1.5;
const TARGET_RSS_MB = 150;

buildIfStale();
const dir = mkdtempSync(join(tmpdir(), 'btcfi-bench-grid-'));
const outputs = { btcfi: join(dir, 'btcfi.csv'), python: join(dir, 'python.csv') };
const commands = {
  btcfi: [
    process.execPath,
    join(root, 'bin', 'btcfi.js'),
    'grid',
    '--market-cap', '2T',
    '--x', 'market_cap=1B..1000B:1B',
    '--y', 'utilization=0.01%..10%:0.01%',
    '--growth', '10%',
    '--years', '5',
    '--format', 'csv',
    '-o', outputs.btcfi,
  ],
  python: ['python3', join(root, 'bench', 'grid', 'grid.py'), outputs.python],
};

const results = { btcfi: [], python: [] };
try {
  for (let i = 0; i < runs; i += 1) {
    for (const [name, command] of Object.entries(commands)) {
      results[name].push(timed(name, command));
    }
  }
  const agreement = compare(outputs.btcfi, outputs.python);
  report(agreement);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Same shape, and the same text in a sample of cells (every 37th row, every 13th column) and the corners. */
function compare(btcfiPath, pythonPath) {
  const read = (path) => readFileSync(path, 'utf8').split('\r\n').filter((line, i, lines) => !(i === lines.length - 1 && line === ''));
  const [a, b] = [read(btcfiPath), read(pythonPath)];
  const problems = [];
  if (a.length !== b.length) {
    problems.push(`rows: btcfi ${a.length}, python ${b.length}`);
  }
  let sampled = 0;
  for (let r = 0; r < Math.min(a.length, b.length); r += 1) {
    const [ra, rb] = [a[r].split(','), b[r].split(',')];
    if (ra.length !== rb.length) {
      problems.push(`row ${r}: btcfi ${ra.length} columns, python ${rb.length}`);
      continue;
    }
    if (r % 37 !== 0 && r !== a.length - 1) {
      continue;
    }
    for (let c = 0; c < ra.length; c += 1) {
      if (c % 13 === 0 || c === ra.length - 1) {
        sampled += 1;
        if (ra[c] !== rb[c]) {
          problems.push(`row ${r} column ${c}: btcfi ${ra[c]}, python ${rb[c]}`);
        }
      }
    }
  }
  const identical = readFileSync(btcfiPath).equals(readFileSync(pythonPath));
  return { rows: a.length, columns: a[0]?.split(',').length ?? 0, sampled, problems, identical, bytes: statSync(btcfiPath).size };
}

function report(agreement) {
  const summary = Object.fromEntries(
    Object.entries(results).map(([name, list]) => [
      name,
      { ms: median(list.map((r) => r.ms)), min: Math.min(...list.map((r) => r.ms)), rss: Math.max(...list.map((r) => r.rssMb)) },
    ]),
  );
  const ratio = summary.btcfi.ms / summary.python.ms;
  console.log(`node ${process.version}, ${spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout.trim()}; ${runs} runs each, interleaved; ${environmentNote()}`);
  console.log(`grid: 1,000 x 1,000 cells, ${agreement.rows} rows x ${agreement.columns} columns, ${(agreement.bytes / 1e6).toFixed(1)} MB of CSV`);
  console.log('                median ms    min ms   peak RSS MB');
  for (const [name, s] of Object.entries(summary)) {
    console.log(`${name.padEnd(14)} ${s.ms.toFixed(0).padStart(10)} ${s.min.toFixed(0).padStart(9)} ${s.rss.toFixed(1).padStart(13)}`);
  }
  console.log(`btcfi / python: ${ratio.toFixed(2)} (target at most ${TARGET_RATIO}); btcfi peak RSS ${summary.btcfi.rss.toFixed(1)} MB (target at most ${TARGET_RSS_MB})`);
  console.log(
    `outputs: ${agreement.problems.length === 0 ? 'agree' : 'DISAGREE'} (${agreement.sampled} sampled cells${agreement.identical ? ', files byte-identical' : ', files differ'})`,
  );
  for (const problem of agreement.problems.slice(0, 10)) {
    console.log(`  ${problem}`);
  }
  const ok = ratio <= TARGET_RATIO && summary.btcfi.rss <= TARGET_RSS_MB && agreement.problems.length === 0;
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
}
