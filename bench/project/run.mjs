#!/usr/bin/env node
// Whole-process time and peak memory of `btcfi project ... --format csv -o FILE` on two large
// runs, next to the same work in CPython's decimal module (bench/project/project.py: the same
// model at 60 digits, factors computed once per rate and step, the same CSV bytes), in the same
// run, interleaved:
//   (a) one file of 100 cases x 200 years, monthly, a market cap with a utilization ramp (240,100 rows)
//   (b) 1,000 files of one case x 100 years, yearly, a TVL (101,000 rows)
// The scenario files are written as JSON to a temporary folder. Run by hand (not part of npm test):
//
//   node bench/project/run.mjs [runs]      (default 7 runs of each; builds dist/ first if it is stale)
//
// Targets: btcfi's median time at most 1.0 x Python's on both, (a) under 3 s, peak RSS under
// 150 MB. Exits 1 when a target is missed, and fails loudly when the outputs differ by a byte.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, environmentNote, median, root, timed } from '../wholeProcess.mjs';

const runs = Number(process.argv[2] ?? 7);
const TARGET_RATIO = 1.0;
const TARGET_A_MS = 3000;
const TARGET_RSS_MB = 150;

buildIfStale();
const dir = mkdtempSync(join(tmpdir(), 'btcfi-bench-project-'));
try {
  const workloads = { a: writeA(join(dir, 'a')), b: writeB(join(dir, 'b')) };
  const results = {};
  const commands = {};
  for (const [name, folder] of Object.entries(workloads)) {
    const out = { btcfi: join(dir, `${name}.btcfi.csv`), python: join(dir, `${name}.python.csv`) };
    commands[name] = {
      btcfi: [process.execPath, join(root, 'bin', 'btcfi.js'), 'project', folder, '--format', 'csv', '-o', out.btcfi],
      python: ['python3', join(root, 'bench', 'project', 'project.py'), folder, out.python],
      out,
    };
    results[name] = { btcfi: [], python: [] };
  }
  for (let i = 0; i < runs; i += 1) {
    for (const name of Object.keys(commands)) {
      for (const tool of ['btcfi', 'python']) {
        results[name][tool].push(timed(`${name} ${tool}`, commands[name][tool]));
      }
      if (i === 0) {
        sameBytes(name, commands[name].out);
      }
    }
  }
  report(results, commands);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** (a): one scenario, 100 cases of 200 years of months, each at its own growth. */
function writeA(folder) {
  mkdirSync(folder);
  const cases = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`g${i + 1}`, { growth: `${(i + 1) / 4}%` }]));
  const scenario = { name: 'bench-a', start: 2026, years: 200, step: 'month', market_cap: '2T', utilization: { from: '1%', to: '10%' }, cases };
  writeFileSync(join(folder, 'bench-a.json'), JSON.stringify(scenario));
  return folder;
}

/** (b): 1,000 files, each one TVL of 100 years. */
function writeB(folder) {
  mkdirSync(folder);
  for (let i = 0; i < 1000; i += 1) {
    const name = `bench-b-${String(i).padStart(4, '0')}`;
    const scenario = { name, start: 2026, years: 100, tvl: `${1 + i}.5B`, growth: `${(i % 50) / 2 + 1}%` };
    writeFileSync(join(folder, `${name}.json`), JSON.stringify(scenario));
  }
  return folder;
}

function sameBytes(name, out) {
  const [a, b] = [readFileSync(out.btcfi), readFileSync(out.python)];
  if (!a.equals(b)) {
    let at = 0;
    while (at < a.length && a[at] === b[at]) at += 1;
    const line = a.subarray(0, at).toString('utf8').split('\r\n').length;
    throw new Error(`(${name}) btcfi and python wrote different bytes: ${a.length} and ${b.length} bytes, first difference at byte ${at}, line ${line}`);
  }
}

function report(results, commands) {
  console.log(`node ${process.version}, ${spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout.trim()}; ${runs} runs each, interleaved; ${environmentNote()}`);
  let ok = true;
  for (const [name, byTool] of Object.entries(results)) {
    const rows = readFileSync(commands[name].out.btcfi, 'utf8').split('\r\n').length - 2;
    const bytes = statSync(commands[name].out.btcfi).size;
    console.log(`(${name}) ${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB of CSV, byte-identical`);
    console.log('                median ms    min ms   peak RSS MB');
    const summary = {};
    for (const [tool, list] of Object.entries(byTool)) {
      summary[tool] = { ms: median(list.map((r) => r.ms)), min: Math.min(...list.map((r) => r.ms)), rss: Math.max(...list.map((r) => r.rssMb)) };
      const s = summary[tool];
      console.log(`${tool.padEnd(14)} ${s.ms.toFixed(0).padStart(10)} ${s.min.toFixed(0).padStart(9)} ${s.rss.toFixed(1).padStart(13)}`);
    }
    const ratio = summary.btcfi.ms / summary.python.ms;
    const timeOk = name !== 'a' || summary.btcfi.ms < TARGET_A_MS;
    const pass = ratio <= TARGET_RATIO && summary.btcfi.rss < TARGET_RSS_MB && timeOk;
    console.log(
      `btcfi / python: ${ratio.toFixed(2)} (target at most ${TARGET_RATIO}); peak RSS ${summary.btcfi.rss.toFixed(1)} MB (target under ${TARGET_RSS_MB})` +
        `${name === 'a' ? `; ${(summary.btcfi.ms / 1000).toFixed(2)} s (target under ${TARGET_A_MS / 1000} s)` : ''}: ${pass ? 'pass' : 'MISSED'}`,
    );
    ok &&= pass;
  }
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
}
