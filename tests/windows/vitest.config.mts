// `npm run test:windows`: Obra's Windows paths, run by Windows Node under Wine (see wine-node.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/windows/**/*.wine.test.ts'],
    globalSetup: ['tests/windows/wine-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // One Wine program at a time: two cores, and each node.exe is heavy under Wine.
    fileParallelism: false,
  },
});
