import { describe, expect, it } from 'vitest';
import type { TaskEvent } from '../../shared/events';
import { describeTask, lateness, taskName } from './describeTask';

const timer: TaskEvent = { type: 'task', t: 1_506_000, pid: 7, kind: 'timer', dur: 350, due: 100_000, label: 'setTimeout 100 ms' };

describe('a callback, told', () => {
  it('a late timer: its label, how long it ran and how late, in both languages', () => {
    expect(lateness(timer)).toBe(1_406_000);
    expect(describeTask(timer, 'en')).toBe('timer callback setTimeout 100 ms: ran 350 µs, 1.41 s late');
    expect(describeTask(timer, 'es')).toBe('callback de temporizador setTimeout 100 ms: duró 350 µs, 1,41 s tarde');
    expect(describeTask({ ...timer, t: 100_400 }, 'en')).toMatch(/, on time$/);
  });

  it('the main script by name, and callbacks summed under load with their count, total time and span', () => {
    const main: TaskEvent = { type: 'task', t: 0, pid: 7, kind: 'other', dur: 1_000_000, label: 'main' };
    expect(taskName(main, 'es')).toBe('script principal');
    expect(describeTask(main, 'en')).toBe('other callback main script: ran 1.00 s');
    const many: TaskEvent = { type: 'task', t: 0, pid: 7, kind: 'ipc', dur: 12_000, count: 4096, span: 48_000 };
    expect(describeTask(many, 'en')).toBe('4,096 message callbacks: 12.0 ms in all, over 48.0 ms');
    expect(lateness({ ...many, due: 0 })).toBeNull();
  });
});
