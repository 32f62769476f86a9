import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bin/**/*.test.ts', 'shared/**/*.test.ts', 'scripts/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'assets/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/fixtures/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Tests start real process trees; two cores, so keep files from all running at once.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
