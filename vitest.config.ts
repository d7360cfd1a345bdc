import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Golden tests spawn the built CLI; give a loaded machine room.
    testTimeout: 30_000,
  },
});
