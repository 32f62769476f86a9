import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { RunLog } from '../model/runLog';
import { hitTest } from './hitTest';

const log: LabEvent[] = [
  { type: 'run-start', t: 0, pid: 10, runId: 'r', script: '/s/boss.js', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'call', t: 100, pid: 10, api: 'spawn', childId: '10:1', command: 'cat', args: [], options: {}, source: null },
  { type: 'spawn', t: 200, pid: 11, childId: '10:1', ppid: 10 },
  ...Array.from({ length: 50 }, (_, i): LabEvent => ({ type: 'stdout', t: 1_000 + i, pid: 11, childId: '10:1', bytes: 100, preview: 'x' })),
  { type: 'stderr', t: 5_000, pid: 11, childId: '10:1', bytes: 7, preview: 'oops' },
  { type: 'exit', t: 9_000, pid: 11, childId: '10:1', code: 1, signal: null },
];

describe('hit testing the timeline', () => {
  const run = new RunLog('r');
  run.append(log);
  const lane = run.index.lanes()[1];

  it('finds the chunk under the pointer, and how many share its pixels', () => {
    const hit = hitTest(run.index, lane, 1_020, 10, 9_000);
    expect(hit).toMatchObject({ kind: 'stdout', pid: 11, count: 50, bytes: 5_000 });
    expect(run.events[hit!.eventIndex!]).toMatchObject({ type: 'stdout', t: 1_020 });
  });

  it('tells one chunk apart when zoomed in', () => {
    const hit = hitTest(run.index, lane, 1_020.2, 0.05, 9_000);
    expect(hit).toMatchObject({ count: 1, bytes: 100 });
    expect(run.events[hit!.eventIndex!].t).toBe(1_020);
  });

  it('finds stderr, then the bare lifetime bar, then nothing past the process’s end', () => {
    expect(hitTest(run.index, lane, 5_001, 1, 9_000)).toMatchObject({ kind: 'stderr', bytes: 7 });
    expect(hitTest(run.index, lane, 7_000, 1, 9_000)).toMatchObject({ kind: 'lifetime', eventIndex: null });
    expect(hitTest(run.index, lane, 20_000, 1, 30_000)).toBeNull();
  });
});
