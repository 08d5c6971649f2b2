import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two test files at a time even on two cores (vitest's default there is one):
    // much of the suite waits on the binary it spawned, and the other file runs meanwhile.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        // The sources are imported once per worker, not again for every file.
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ['test/architecture/**'], isolate: false },
      },
      {
        extends: true,
        // These load every module afresh, many times over: in a worker of their own, freed after.
        test: { name: 'isolated', include: ['test/architecture/**/*.test.ts'] },
      },
    ],
  },
});
