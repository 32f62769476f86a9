import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { injectProbeEnv } = require('./probe-env.cjs') as { injectProbeEnv: (options: { envPairs: string[] }) => void };
const PROBE = path.join(__dirname, 'index.cjs');

describe('keeping the probe in a child started with an env of its own', () => {
  it('adds --require <probe> to NODE_OPTIONS, keeping the options the program set', () => {
    const options = { envPairs: ['PATH=/bin', 'NODE_OPTIONS=--max-old-space-size=64'] };
    injectProbeEnv(options);
    expect(options.envPairs).toContain(`NODE_OPTIONS=--require ${PROBE} --max-old-space-size=64`);
  });

  it('adds it once: a NODE_OPTIONS that already requires the probe, bare or quoted, is left alone (escaped Windows paths: tests/windows)', () => {
    const quoted = `NODE_OPTIONS=--require "${PROBE.replace(/["\\]/g, '\\$&')}" --trace-warnings`;
    for (const pair of [`NODE_OPTIONS=--require ${PROBE}`, quoted]) {
      const options = { envPairs: ['PATH=/bin', pair] };
      injectProbeEnv(options);
      expect(options.envPairs.filter((p) => p.startsWith('NODE_OPTIONS='))).toEqual([pair]);
    }
  });
});
