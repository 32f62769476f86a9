import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { hitTest } from '../timeline/hitTest';
import { laneRows, taskRowOf } from '../timeline/laneRows';
import { RunLog } from './runLog';

// A boss (100) with a Worker thread (1) forks a worker (101); both processes' loops (and the thread's) ran callbacks.
const log: LabEvent[] = [
  { type: 'run-start', t: 0, pid: 100, runId: 'r1', script: '/d/boss.js', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'task', t: 100, pid: 100, kind: 'other', dur: 900, label: 'main' },
  { type: 'thread', t: 1_000, pid: 100, state: 'start', thread: 1, file: '/d/helper.js', source: null },
  { type: 'call', t: 1_100, pid: 100, api: 'fork', childId: '100:1', command: '/d/worker.js', args: [], options: {}, source: null },
  { type: 'spawn', t: 1_500, pid: 101, childId: '100:1', ppid: 100 },
  { type: 'task', t: 2_000, pid: 100, threadId: 1, kind: 'ipc', dur: 50, label: 'message' },
  { type: 'task', t: 3_000, pid: 101, kind: 'timer', dur: 400, due: 2_500, label: 'setTimeout 10 ms' },
  { type: 'task', t: 5_000, pid: 100, kind: 'ipc', dur: 10_000, count: 300, span: 40_000 },
];

describe('callback tracks in the timeline', () => {
  const run = new RunLog('r1');
  run.append(log);
  const lanes = run.index.lanes();

  it("each thread that ran callbacks has a track right under its own lane: the boss's, its thread's, the worker's", () => {
    expect(lanes.map((l) => `${l.pid}${l.thread ? `/t${l.thread.thread}` : ''}${l.tasks ? ' callbacks' : ''}`)).toEqual([
      '100', '100 callbacks', '100/t1', '100/t1 callbacks', '101', '101 callbacks',
    ]);
    // Arrows and rings still find each process's and thread's own lane; a callback is found on its track.
    const { rowOf, threadRowOf } = laneRows(lanes);
    expect([rowOf.get(100), threadRowOf.get('100:1'), rowOf.get(101)]).toEqual([0, 2, 4]);
    expect([taskRowOf(lanes, 100, 0), taskRowOf(lanes, 100, 1), taskRowOf(lanes, 101, 0)]).toEqual([1, 3, 5]);
  });

  it('hovering a track finds the callback running under the pointer, or the nearest within reach', () => {
    const worker = lanes[5];
    expect(hitTest(run.index, worker, 3_200, 1, 50_000)).toMatchObject({ kind: 'task', pid: 101, eventIndex: 6 });
    expect(hitTest(run.index, worker, 3_402, 1, 50_000)).toMatchObject({ kind: 'task', eventIndex: 6 });
    expect(hitTest(run.index, worker, 3_500, 1, 50_000)).toBeNull();
    // A coalesced run is hit anywhere over its span.
    expect(hitTest(run.index, lanes[1], 30_000, 1, 50_000)).toMatchObject({ kind: 'task', eventIndex: 7 });
  });
});
