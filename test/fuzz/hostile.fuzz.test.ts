// The bounded-work campaign: hostile text (controls, long runs of spaces, huge exponents, deep
// aliases, many keys) through every command, in-process. Each case records its time and memory;
// the worst are printed. `npm test` runs a small sample with short runs and checks only exit codes
// and stack traces; `npm run fuzz` (BTCFI_FUZZ_RUNS set) runs the long runs, up to the 1 MiB file
// limit, and fails a case over 5 s or 500 MB. Times are measured, never asserted in `npm test`.
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_RUNS, FUZZ_SEED, timeoutFor } from './config.js';
import { hostileCase, type HostileCase } from './hostileArbitraries.js';
import { runCli } from '../helpers/runCli.js';

/** `npm run fuzz` sets BTCFI_FUZZ_RUNS: then runs are long and held to the limits below. */
const CAMPAIGN = process.env['BTCFI_FUZZ_RUNS'] !== undefined;
const RUNS = CAMPAIGN ? Math.max(1, Math.floor(FUZZ_RUNS / 50)) : 60;
const SCALE = CAMPAIGN ? 120_000 : 2_000;
const MAX_MS = 5_000;
const MAX_BYTES = 500 * 1024 * 1024;
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'btcfi-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Measured {
  readonly label: string;
  readonly ms: number;
  /** Growth of the process's peak resident memory during the case, and the heap in use after it. */
  readonly peakGrowthBytes: number;
  readonly heapBytes: number;
  readonly exitCode: number | null;
  readonly problem: string | null;
}

async function measure(run: HostileCase, index: number): Promise<Measured> {
  const paths = new Map<string, string>();
  for (const [name, text] of Object.entries(run.files)) {
    const path = join(dir, `${index}-${name}`);
    await writeFile(path, text);
    paths.set(name, path);
  }
  const args = run.args.map((arg) => paths.get(arg) ?? arg);
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const start = performance.now();
  const result = await runCli(args, { input: run.input });
  const ms = performance.now() - start;
  const peakGrowthBytes = process.resourceUsage().maxRSS * 1024 - peakBefore;
  const heapBytes = process.memoryUsage().heapUsed;
  const shortArgs = args.length > 16 ? [...args.slice(0, 12), `…(${args.length} arguments)`] : args;
  const shown = shortArgs.map((arg) => (arg.length > 40 ? `${JSON.stringify(arg.slice(0, 20))}…(${arg.length})` : arg)).join(' ');
  const files = Object.values(run.files).map((text) => `${JSON.stringify(text.slice(0, 50))}…(${text.length} chars)`).join(' ');
  const label = `btcfi ${shown}${files === '' ? '' : `  file ${files}`}${run.input === '' ? '' : `  stdin ${JSON.stringify(run.input.slice(0, 50))}…(${run.input.length})`}`;
  let problem: string | null = null;
  if (result.exitCode === null || ![0, 1, 2].includes(result.exitCode)) {
    problem = `exit ${String(result.exitCode)}: ${result.stderr.slice(0, 300)}`;
  } else if (STACK_FRAME.test(result.stderr) || /internal error/.test(result.stderr)) {
    problem = `a stack trace or an internal error: ${result.stderr.slice(0, 300)}`;
  } else if (result.exitCode === 2 && result.stderr === '') {
    problem = 'exit 2 without a message';
  }
  return { label, ms, peakGrowthBytes, heapBytes, exitCode: result.exitCode, problem };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe('fuzz: hostile text through every command', () => {
  it(
    `exits 0, 1 or 2 without a stack trace${CAMPAIGN ? `, each case within ${MAX_MS / 1000} s and ${mb(MAX_BYTES)}` : ''} (${RUNS.toLocaleString('en-US')} cases, runs of up to ${SCALE.toLocaleString('en-US')} characters)`,
    async () => {
      const runs: (HostileCase | null)[] = fc.sample(hostileCase(SCALE), { numRuns: RUNS, seed: FUZZ_SEED });
      const measured: Measured[] = [];
      for (let index = 0; index < runs.length; index += 1) {
        measured.push(await measure(runs[index]!, index));
        runs[index] = null; // its texts (up to 1 MiB) are let go before the next case
      }
      const slowest = [...measured].sort((a, b) => b.ms - a.ms)[0]!;
      const hungriest = [...measured].sort((a, b) => b.peakGrowthBytes - a.peakGrowthBytes)[0]!;
      const peak = process.resourceUsage().maxRSS * 1024;
      console.log(
        [
          `hostile fuzz (seed ${FUZZ_SEED}): ${measured.length} cases, runs of up to ${SCALE.toLocaleString('en-US')} characters`,
          `  slowest: ${slowest.ms.toFixed(0)} ms  ${slowest.label}`,
          `  most memory: peak RSS grew ${mb(hungriest.peakGrowthBytes)}  ${hungriest.label}`,
          `  peak RSS of the whole campaign: ${mb(peak)}; heap after the last case: ${mb(measured.at(-1)!.heapBytes)}`,
        ].join('\n'),
      );
      const problems = measured.flatMap((m) => (m.problem === null ? [] : [`${m.label}\n  ${m.problem}`]));
      if (CAMPAIGN) {
        problems.push(...measured.filter((m) => m.ms > MAX_MS).map((m) => `${m.label}\n  took ${m.ms.toFixed(0)} ms`));
        problems.push(...measured.filter((m) => m.peakGrowthBytes > MAX_BYTES).map((m) => `${m.label}\n  grew the peak memory by ${mb(m.peakGrowthBytes)}`));
      }
      expect(problems).toEqual([]);
    },
    timeoutFor(RUNS, CAMPAIGN ? 10_000 : 2_000),
  );
});
