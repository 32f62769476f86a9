/**
 * The report channel on Windows, run by Windows Node under Wine: the lab's
 * named pipe and the probe's writer, with real processes writing at once.
 */
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runNodeExe, winPath } from './wine-node';

const wine = inject('wineNode');
const fixture = (name: string) => winPath(path.join(__dirname, 'fixtures', name));

interface FloodResult {
  address: string;
  codes: (number | null)[];
  seen: { count: number; outOfOrder: number; damaged: number }[];
  bad: number;
  stray: number;
  bytes: number;
  ms: number;
}

describe('the named-pipe report channel under Windows Node', () => {
  for (const mode of ['single', 'batched'] as const) {
    const how = mode === 'single' ? 'one write per record' : 'whole records batched up to 4,096 bytes a write, as the probe writes under load';
    it(`carries 16 writers × 10,000 records at once, every record whole, once and in order (${how})`, async () => {
      const run = await runNodeExe(wine, [fixture('channel-flood.cjs'), '16', '10000', mode], { timeoutMs: 170_000 });
      expect(run.stderr).toBe('');
      const result = JSON.parse(run.stdout) as FloodResult;
      expect(result.address).toMatch(/^\\\\\.\\pipe\\obra-flood-\d+$/);
      expect(result.codes).toEqual(Array(16).fill(0));
      expect(result.seen).toEqual(Array(16).fill({ count: 10_000, outOfOrder: 0, damaged: 0 }));
      expect([result.bad, result.stray]).toEqual([0, 0]);
      const records = 16 * 10_000;
      const seconds = result.ms / 1000;
      console.log(
        `named pipe under Wine, ${how}: ${records} records (${(result.bytes / 2 ** 20).toFixed(1)} MiB) from 16 processes in ${seconds.toFixed(1)} s ` +
          `= ${Math.round(records / seconds)} records/s, ${(result.bytes / 2 ** 20 / seconds).toFixed(2)} MiB/s`,
      );
    });
  }

  it('lets writers that find every pipe instance busy wait their turn, and never lends a connection to a child', async () => {
    const run = await runNodeExe(wine, [fixture('pipe-connections.cjs'), '8', '500'], { env: { NODE_PENDING_PIPE_INSTANCES: '1' } });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result.codes).toEqual(Array(8).fill(0));
    expect(result.parentCode).toBe(0);
    // One connection per process: the 8 writers and the parent; each writer's 500 records on its own.
    expect(result.connections).toBe(9);
    expect(result.records).toEqual(Array(8).fill(500));
    // The parent's connection ended as the parent exited, while its child still ran.
    expect(result.childRunningWhenItEnded).toBe(true);
    expect(result.parentEndedAfterExitMs).toBeLessThan(2000);
  });
});
