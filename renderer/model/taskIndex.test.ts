import { describe, expect, it } from 'vitest';
import type { LabEvent, TaskEvent } from '../../shared/events';
import { lookKind, lookOpacity, loopAt, TaskIndex, taskLook, tasksCrossing, timersAround, timersLateBy } from './taskIndex';

const task = (t: number, dur: number, extra: Partial<TaskEvent> = {}): TaskEvent => ({ type: 'task', t, pid: 7, kind: 'fs', dur, ...extra });

describe('the callbacks of a thread, indexed', () => {
  // The event-loop demo's shape: the main script, a file read, then a 1.5 s sum in a timer while a 100 ms timer waits.
  const log: LabEvent[] = [
    task(0, 20_000, { kind: 'other', label: 'main' }),
    task(30_000, 500),
    task(500_000, 1_500_000, { kind: 'timer', due: 499_000, label: 'setTimeout 500 ms' }),
    task(2_000_100, 300, { kind: 'timer', due: 600_000, label: 'setTimeout 100 ms' }),
    task(10, 5, { threadId: 1, kind: 'ipc' }),
  ];
  const index = new TaskIndex();
  const appeared = log.map((e, i) => index.add(e as TaskEvent, i));

  it('one track per thread, appearing with its first callback; a late record is put in its place', () => {
    expect(appeared).toEqual([true, false, false, false, true]);
    const late = new TaskIndex();
    late.add(task(50, 1), 0);
    late.add(task(10, 1), 1);
    expect(late.track(7)?.idx).toEqual([1, 0]);
  });

  it('the callbacks crossing a window, the long one included though it began before', () => {
    const track = index.track(7)!;
    expect(tasksCrossing(track, 1_000_000, 1_100_000)).toEqual([2, 3]);
    expect(tasksCrossing(track, 0, 3_000_000)).toEqual([0, 4]);
    expect(tasksCrossing(track, 25_000, 29_000)).toEqual([1, 1]);
  });

  it('at a moment: the callback running, and the timers due but waiting behind it', () => {
    const track = index.track(7)!;
    const during = loopAt(track, log, 1_000_000);
    expect(during.running?.label).toBe('setTimeout 500 ms');
    expect(during.waitingTimers.map((w) => w.event.label)).toEqual(['setTimeout 100 ms']);
    const before = loopAt(track, log, 550_000);
    expect(before.waitingTimers).toEqual([]);
    const idle = loopAt(track, log, 2_100_000);
    expect([idle.running, idle.waitingTimers]).toEqual([null, []]);
  });

  it('looks only at the timers a window can show: those run from its start, up to its end plus the latest lateness', () => {
    const many = new TaskIndex();
    const timers: LabEvent[] = [];
    // 10,000 punctual timers a millisecond apart, one that waited 1.4 s among them, and one whose record came late.
    for (let i = 0; i < 10_000; i++) timers.push(task(i * 1000, 10, { kind: 'timer', due: i * 1000 - 100 }));
    timers.push(task(5_000_500, 10, { kind: 'timer', due: 3_600_000, label: 'late' }));
    timers.push(task(2_000_500, 10, { kind: 'timer', due: 1_980_500, label: 'out of order' }));
    timers.forEach((e, i) => many.add(e as TaskEvent, i));
    const track = many.track(7)!;
    const all = track.timers[0];
    expect(all.latest).toBe(1_400_500);
    expect(all.start.every((t, i) => i === 0 || all.start[i - 1] <= t)).toBe(true);
    const [a, b] = timersAround(all, 4_000_000, 4_010_000);
    expect(b - a).toBeLessThan(1_500);
    // A window where 2 px are 50 ms: only the timers at least 10 ms late are looked at.
    const wide = timersLateBy(track, 50_000);
    expect(wide.idx.map((i) => (timers[i] as TaskEvent).label)).toEqual(['out of order', 'late']);
    expect(timersLateBy(track, 5_000_000).idx.map((i) => (timers[i] as TaskEvent).label)).toEqual(['late']);
    expect(loopAt(track, timers, 4_000_000.5).waitingTimers.map((w) => w.event.label)).toEqual(['late']);
    expect(loopAt(track, timers, 2_000_200).waitingTimers.map((w) => w.event.label)).toEqual(['out of order']);
  });
});

describe("a callback's look, kept beside it in the track", () => {
  const task = (over: Partial<TaskEvent>): TaskEvent => ({ type: 'task', t: 10, pid: 1, kind: 'timer', dur: 50, ...over }) as TaskEvent;

  it('is its kind and, for a coalesced run, how dense its callbacks were, in 1/20 steps (never under 0.3)', () => {
    for (const [event, kind, opacity] of [
      [task({}), 'timer', 1],
      [task({ kind: 'fs', count: 1, dur: 5, span: 1000 }), 'fs', 1],
      [task({ kind: 'ipc', count: 40, dur: 555, span: 1000 }), 'ipc', 0.55],
      [task({ kind: 'other', count: 40, dur: 10, span: 1000 }), 'other', 0.3],
      [task({ kind: 'immediate', count: 3, dur: 900, span: 300 }), 'immediate', 1],
    ] as const) {
      const look = taskLook(event);
      expect([lookKind(look), lookOpacity(look)]).toEqual([kind, opacity]);
    }
  });

  it('goes where its callback goes in the track, when a record arrives late', () => {
    const index = new TaskIndex();
    index.add(task({ t: 100, kind: 'fs' }), 0);
    index.add(task({ t: 300, kind: 'net' }), 1);
    index.add(task({ t: 200, kind: 'ipc', count: 5, dur: 50, span: 100 }), 2);
    const track = index.track(1)!;
    expect(track.idx).toEqual([0, 2, 1]);
    expect(track.look.map((l) => [lookKind(l), lookOpacity(l)])).toEqual([['fs', 1], ['ipc', 0.5], ['net', 1]]);
  });
});
