import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { latencySeries, logAxis } from './latencySeries';

const BOSS = 100;
const start: LabEvent = { type: 'run-start', t: 0, pid: BOSS, runId: 'r', script: '/demos/blocking/index.js', argv: [], cwd: '/demos/blocking', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 };
// Previews as the probe writes them: newlines escaped as the two characters \n, quotes as they are.
const printed = (t: number, text: string, pid = BOSS): LabEvent => ({ type: 'stdout', t, pid, childId: 'boss', bytes: text.length, preview: text });
const log: LabEvent[] = [
  start,
  printed(126_833, 'server on 127.0.0.1:36165, /heavy = 1500 ms of math\\n'),
  printed(1_790_451, '{"variant":"inline","fastMs":[1305,1006.7,707.6,408.2],"idleMs":17.9}\\n'),
  printed(3_770_232, '{"variant":"fork","fastMs":[2.3,2.6,4.7,2.5],"idleMs":9.9}\\n/fast during the block: median 857.2 ms vs 2.6 ms (x330)\\n'),
];

describe('latencySeries', () => {
  it('reads both series the boss printed, each with the time it was printed', () => {
    expect(latencySeries(log, 4_000_000)).toEqual({
      inline: { variant: 'inline', fastMs: [1305, 1006.7, 707.6, 408.2], t: 1_790_451 },
      fork: { variant: 'fork', fastMs: [2.3, 2.6, 4.7, 2.5], t: 3_770_232 },
    });
  });

  it('follows the cursor: nothing before the first line, then only the inline series', () => {
    expect(latencySeries(log, 1_790_450)).toEqual({});
    expect(Object.keys(latencySeries(log, 1_790_451))).toEqual(['inline']);
  });

  it('finds a series on any line of a preview and ignores what another process prints', () => {
    const other: LabEvent[] = [start, printed(10, '{"variant":"fork","fastMs":[9,9]}\\n', 7), printed(20, 'hello\\n{"variant":"fork","fastMs":[1.5]}\\n')];
    expect(latencySeries(other, 100)).toEqual({ fork: { variant: 'fork', fastMs: [1.5], t: 20 } });
  });

  it('skips an empty series', () => {
    expect(latencySeries([start, printed(5, '{"variant":"inline","fastMs":[]}\\n')], 10)).toEqual({});
  });
});

describe('logAxis', () => {
  it('spans whole powers of ten around the values, one tick each', () => {
    const axis = logAxis([2.3, 4.7, 1305]);
    expect(axis.ticks).toEqual([1, 10, 100, 1000, 10000]);
    expect(axis.at(1)).toBe(0);
    expect(axis.at(100)).toBeCloseTo(0.5);
    expect(axis.at(10000)).toBe(1);
  });

  it('keeps an exact power of ten on its own tick and handles sub-millisecond values', () => {
    expect(logAxis([1000]).ticks).toEqual([1000, 10000]);
    expect(logAxis([0.4, 80]).ticks).toEqual([0.1, 1, 10, 100]);
    expect(logAxis([]).ticks).toEqual([1, 10]);
    expect(logAxis([0, 5]).at(0)).toBe(0);
  });
});
