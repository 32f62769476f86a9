import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { stageStateAt } from './model';
import type { StageState } from './model-types';
import { StageTracker } from './tracker';
import { BOSS, LogBuilder, ms } from '../../tests/fixtures/log-builder';

/** The state as plain data, maps sorted by key (their insertion order follows arrival, not meaning). */
function snapshot(s: StageState): unknown {
  const sorted = <K, V>(m: Map<K, V>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { boss: s.boss, processes: sorted(s.processes), byPid: sorted(s.byPid), unplaced: sorted(s.unplaced), lastT: s.lastT };
}

/** A spawn flood and a fork chatting, ~50k events, slightly out of order like a real lab log. */
function busyLog(): LabEvent[] {
  const b = new LogBuilder();
  const sp = b.call(1, 'spawn', 'find', ['/usr']);
  const fk = b.call(1, 'fork', 'worker.js');
  b.spawn(2, sp, 2001).spawn(2, fk, 2002);
  for (let i = 0; i < 25_000; i++) {
    const t = 3 + i * 0.02;
    b.out(t, sp, 2001, 1 + (i % 4096), i % 10 === 0 ? 'stderr' : 'stdout');
    b.message(t + (i % 3 === 0 ? -0.05 : 0), i % 2 ? 'send' : 'recv', 2002, BOSS, i);
    if (i % 2500 === 0) b.sample(t, 2001, { cpu: i % 100 });
  }
  b.exit(600, sp, 2001, 0).exit(600, fk, 2002, null, 'SIGTERM');
  return b.log;
}

describe('StageTracker follows a playhead', () => {
  const log = busyLog();
  const end = log[log.length - 1].t;

  it('agrees with a fold from scratch wherever the cursor goes, forwards or backwards', () => {
    const tracker = new StageTracker();
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const cursors = [0, ms(100), ms(300), ms(250), ms(600), ms(50), end, ms(420), ms(419.99)];
    for (let i = 0; i < 12; i++) cursors.push(Math.round(random() * end));
    for (const c of cursors) expect(snapshot(tracker.at(log, c))).toEqual(snapshot(stageStateAt(log, c)));
  });

  it('applies only the new events when the log grows and the cursor moves forward', () => {
    const growing: LabEvent[] = [];
    const tracker = new StageTracker();
    for (let i = 0; i < log.length; i += 1000) {
      growing.push(...log.slice(i, i + 1000));
      tracker.at(growing, growing[growing.length - 1].t);
    }
    // Each event folded exactly once, late ones included.
    expect(tracker.folded).toBe(log.length);
    expect(snapshot(tracker.at(growing, end))).toEqual(snapshot(stageStateAt(log, end)));
  });

  it('rewinds from a checkpoint instead of refolding the whole log', () => {
    const tracker = new StageTracker();
    tracker.at(log, end);
    const before = tracker.folded;
    tracker.at(log, log[45_000].t);
    expect(tracker.folded - before).toBeLessThan(16_384);
  });

  it('starts over when the same array is refilled with another run', () => {
    const tracker = new StageTracker();
    const shared: LabEvent[] = [...log];
    tracker.at(shared, end);
    const other = new LogBuilder(4242).log;
    shared.length = 0;
    shared.push(...other, ...log.slice(1), ...log.slice(1, 100));
    expect(tracker.at(shared, end).boss.pid).toBe(4242);
  });

  it('starts over when it is handed another log', () => {
    const tracker = new StageTracker();
    tracker.at(log, end);
    const other = new LogBuilder().log;
    expect(tracker.at(other, end).processes.size).toBe(0);
  });
});

describe('a busy boss whose reports arrive late', () => {
  /** Like a real run: the lab's OS samples are logged as they happen, the boss's own reports in a burst afterwards. */
  function lateLog(): LabEvent[] {
    const b = new LogBuilder();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) b.os(50 + i * 50, 2000 + i, BOSS, ['sleep', '1']);
    for (let i = 0; i < 5; i++) {
      const id = b.call(10 + i, 'spawn', 'sleep', ['1']);
      b.spawn(11 + i, id, 2000 + i);
      ids.push(id);
    }
    return b.log;
  }

  it('shows its calls at the time they were made, not when they arrived', () => {
    const log = lateLog();
    const s = stageStateAt(log, ms(100));
    expect([...s.processes.values()].map((p) => [p.pid, p.kind])).toEqual([
      [2000, 'spawn'], [2001, 'spawn'], [2002, 'spawn'], [2003, 'spawn'], [2004, 'spawn'],
    ]);
  });

  it('agrees with the fold when the late burst comes in while live', () => {
    const log = lateLog();
    const tracker = new StageTracker();
    const growing: LabEvent[] = [];
    for (const e of log) {
      growing.push(e);
      const live = Math.max(...growing.map((x) => x.t));
      expect(snapshot(tracker.at(growing, live))).toEqual(snapshot(stageStateAt(growing, live)));
    }
    expect(snapshot(tracker.at(growing, ms(30)))).toEqual(snapshot(stageStateAt(log, ms(30))));
  });
});
