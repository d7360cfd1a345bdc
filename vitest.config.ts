import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A process per test file: runCli (test/helpers/runCli.ts) runs the CLI in-process and sets
    // the working directory and environment for each run, which only a process of its own allows.
    pool: 'forks',
    // Some tests still spawn the built CLI, and a few compute large grids; give a loaded machine room.
    testTimeout: 30_000,
  },
});
