import { describe, expect, it } from 'vitest';
import { fixture, jsonLines, observe, ofType } from './observe.test-helper';

const STDOUT_TOTAL = 1_000_003;
const STDERR_TOTAL = 300_007;

describe('output the parent receives', () => {
  for (const mode of ['data', 'read7', 'pipe', 'for-await']) {
    it(`every byte a child wrote is counted, stdout and stderr, read by ${mode}`, async () => {
      const run = await observe(fixture('output-boss.js'), { args: [mode, String(STDOUT_TOTAL), String(STDERR_TOTAL)] });
      const [got] = jsonLines(run.stdout) as { stdout: number; stderr: number; pid: number; code: number; events: { stdout: number; stderr: number } }[];
      expect(got).toMatchObject({ stdout: STDOUT_TOTAL, stderr: STDERR_TOTAL, code: 0 });

      const fromChild = (type: 'stdout' | 'stderr') => ofType(run.records, type).filter((r) => r.pid === got.pid);
      const sum = (type: 'stdout' | 'stderr') => fromChild(type).reduce((n, r) => n + r.bytes, 0);
      expect(sum('stdout')).toBe(STDOUT_TOTAL);
      expect(sum('stderr')).toBe(STDERR_TOTAL);
      for (const r of [...fromChild('stdout'), ...fromChild('stderr')]) {
        expect(r.preview.length).toBeLessThanOrEqual(121);
        expect(r.preview).toMatch(/^[oe]+…?$/);
      }
      if (mode === 'read7') {
        // ~185,000 'data' events: far past the coalescing rate, yet counts and sums are exact.
        const coalesced = fromChild('stdout').filter((r) => (r.count ?? 1) > 1);
        expect(coalesced.length).toBeGreaterThan(0);
        const events = (type: 'stdout' | 'stderr') => fromChild(type).reduce((n, r) => n + (r.count ?? 1), 0);
        expect(events('stdout')).toBe(got.events.stdout);
        expect(events('stderr')).toBe(got.events.stderr);
      }
      expect(run.badLines).toEqual([]);
    });
  }

  for (const mode of ['exec', 'utf8', 'read3', 'hex']) {
    it(`every byte is counted when the parent decodes output as text (${mode}), split characters and invalid UTF-8 included`, async () => {
      const run = await observe(fixture('text-output-boss.js'), { args: [mode] });
      const [got] = jsonLines(run.stdout) as { total: number; pid: number }[];
      const records = ofType(run.records, 'stdout').filter((r) => r.pid === got.pid);
      expect(records.length).toBeGreaterThan(3);
      expect(records.reduce((n, r) => n + r.bytes, 0)).toBe(got.total);
    });
  }
});
