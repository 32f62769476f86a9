// `npm run test:windows`: Obra's Windows paths, run by Windows Node under Wine (see wine-node.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    // The Windows process table's own test too: its Wine part runs with what wine-setup.ts prepared.
    include: ['tests/windows/**/*.wine.test.ts', 'electron/lab/os-sampler-windows.test.ts'],
    globalSetup: ['tests/windows/wine-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // One Wine program at a time: two cores, and each node.exe is heavy under Wine.
    fileParallelism: false,
  },
});
