// The CLI fuzz campaign: random argument vectors over every command and flag, each a run of the
// CLI in-process (test/helpers/runCli.ts) in a folder of its own. Exit codes are only 0, 1 or 2;
// stderr never shows a stack trace or an internal error; a usage error writes nothing on stdout
// and leaves -o's file as it was; no temporary file is left behind.
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argvCase } from './argvArbitraries.js';
import { checkRun, pool } from './checkRun.js';
import { FUZZ_CLI_RUNS, FUZZ_SEED, timeoutFor } from './config.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'btcfi-cli-fuzz-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('fuzz: the CLI on random argument vectors', () => {
  it(
    `exits 0, 1 or 2 with no stack trace, and keeps -o's file whole (${FUZZ_CLI_RUNS.toLocaleString('en-US')} runs)`,
    async () => {
      const runs = fc.sample(argvCase, { numRuns: FUZZ_CLI_RUNS, seed: FUZZ_SEED });
      const failures: string[] = [];
      await pool(runs, Math.max(2, availableParallelism()), async (run, index) => {
        const failure = await checkRun(run, join(root, String(index)));
        if (failure !== null) {
          failures.push(failure);
        }
      });
      console.log(`fuzz (seed ${FUZZ_SEED}): ${runs.length.toLocaleString('en-US')} CLI runs, ${failures.length} failed`);
      expect(failures).toEqual([]);
    },
    timeoutFor(FUZZ_CLI_RUNS, 1_000),
  );
});
