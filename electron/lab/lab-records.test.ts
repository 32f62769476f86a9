import { afterEach, describe, expect, it } from 'vitest';
import { Lab } from './index';
import { fixture, isAlive, ofType, processesOfRun } from '../../tests/fixtures/lab/lab-support';

let lab: Lab | null = null;
afterEach(async () => {
  await lab?.shutdown();
  lab = null;
});

describe('records reach the lab before the program goes on', () => {
  it('a boss that starts children, then blocks its loop and is stopped by max duration: its calls and spawns are in the log', async () => {
    lab = new Lab();
    const { runId } = await lab.startRun({ file: fixture('blocked-boss.js'), maxDurationMs: 2500 });
    const end = await lab.ended(runId);
    expect(end.reason).toBe('timeout');
    const log = lab.log(runId);
    const calls = ofType(log, 'call').filter((c) => c.pid === end.pid);
    expect(calls.map((c) => c.api)).toEqual(['spawn', 'exec', 'fork']);
    expect(calls.map((c) => c.command)).toEqual(['sleep', 'sleep 32', fixture('idle-boss.js')]);
    const spawns = ofType(log, 'spawn').filter((s) => s.ppid === end.pid);
    expect(spawns.map((s) => s.childId).sort()).toEqual(calls.map((c) => c.childId).sort());
    for (const s of spawns) {
      expect(s.pid).toBeGreaterThan(0);
      expect(isAlive(s.pid as number)).toBe(false);
    }
    expect(processesOfRun(runId)).toEqual([]);
  });
});
