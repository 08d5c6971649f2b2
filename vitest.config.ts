import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two test files at a time even on two cores (vitest's default there is one):
    // much of the suite waits on the binary it spawned, and the other file runs meanwhile.
    maxWorkers: 2,
    // The sources are imported once per worker, not again for every file. No test
    // resets the module registry (test/architecture loads each module on its own in
    // a child Node of its own).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
