import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A process per test file: runCli (test/helpers/runCli.ts) runs the CLI in-process and sets
    // the working directory and environment for each run, which only a process of its own allows.
    pool: 'forks',
    // The test files of a worker share its modules: each is imported and compiled once per worker
    // rather than once per file (on 2 cores, 55 s instead of 116 s). runCli restores the working
    // directory and environment after every run, and the CLI keeps no state between runs.
    isolate: false,
    // Test files run the CLI in their own process rather than waiting on child processes, so they
    // can use every core; vitest alone keeps one for itself, which leaves one worker on two cores.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Some tests still spawn the built CLI, and a few compute large grids; give a loaded machine room.
    testTimeout: 30_000,
  },
});
