import { describe, expect, it } from 'vitest';
import type { LabEvent, TaskEvent } from '../../shared/events';
import { lateTimersAround, loopAt, TaskIndex, tasksCrossing, timersAround } from './taskIndex';

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
    timers.push(task(2_000_500, 10, { kind: 'timer', due: 2_000_000, label: 'out of order' }));
    timers.forEach((e, i) => many.add(e as TaskEvent, i));
    const track = many.track(7)!;
    expect(track.latest).toBe(1_400_500);
    expect(track.timerStart.every((t, i) => i === 0 || track.timerStart[i - 1] <= t)).toBe(true);
    const [a, b] = timersAround(track, 4_000_000, 4_010_000);
    expect(b - a).toBeLessThan(1_500);
    expect(loopAt(track, timers, 4_000_000.5).waitingTimers.map((w) => w.event.label)).toEqual(['late']);
    expect(loopAt(track, timers, 2_000_200).waitingTimers.map((w) => w.event.label)).toEqual(['out of order']);
  });

  it('finds the timers late enough for a bracket at a zoom without visiting the punctual ones', () => {
    const many = new TaskIndex();
    const timers: LabEvent[] = [];
    // 10,000 timers 100 µs late, one 300 ms late, one 1.4 s late.
    for (let i = 0; i < 10_000; i++) timers.push(task(i * 1000, 10, { kind: 'timer', due: i * 1000 - 100 }));
    timers.push(task(5_000_500, 10, { kind: 'timer', due: 4_700_500, label: '300 ms' }));
    timers.push(task(8_000_500, 10, { kind: 'timer', due: 6_600_000, label: '1.4 s' }));
    timers.forEach((e, i) => many.add(e as TaskEvent, i));
    const track = many.track(7)!;
    const labels = (minLate: number, a = 0, b = 10_000_000) =>
      lateTimersAround(track, a, b, minLate).flatMap(([late, from, to]) => late.timers.slice(from, to).map((i) => (timers[i] as TaskEvent).label ?? 'punctual'));
    // Zoomed out (a bracket needs 100 ms): the two late ones only (a class is a factor of two wide).
    expect(labels(100_000)).toEqual(['300 ms', '1.4 s']);
    expect(labels(600_000)).toEqual(['1.4 s']);
    // Zoomed in: every timer of the window, the punctual ones too.
    expect(labels(50, 3_000_000, 3_010_000).filter((l) => l === 'punctual')).toHaveLength(11);
    // A window that ends before the late timer ran but after it was due still finds it.
    expect(labels(100_000, 7_000_000, 7_100_000)).toEqual(['1.4 s']);
  });
});
