import { describe, expect, it } from 'vitest';
import { fixture, jsonLines, observe, ofType } from './observe.test-helper';

/** Runs the fixture bare and under the probe, side by side. */
async function bareAndObserved(name: string, args: string[] = []) {
  const [bare, observed] = await Promise.all([observe(fixture(name), { args, probe: false }), observe(fixture(name), { args })]);
  return { bare, observed };
}

describe('observe, never alter', () => {
  it.each([
    ['introspect-boss.js', 'what a program sees of child_process, its children, their listeners and promisify(exec)'],
    ['order-boss.js', 'the order of the events the program logs'],
    ['exit-code-boss.js', 'the exit code, and output inherited by a child'],
    ['signal-boss.js', 'death by a signal'],
    ['message-getters-boss.js', "how often a message's toJSON and getters run (a message is never serialised again)"],
  ])('%s: %s — the same bytes on stdout, the same exit', async (name) => {
    const { bare, observed } = await bareAndObserved(name);
    expect(observed.stdout.toString()).toBe(bare.stdout.toString());
    expect(observed.stdout.equals(bare.stdout)).toBe(true);
    expect([observed.code, observed.signal]).toEqual([bare.code, bare.signal]);
  });

  it.each([
    ['exec-boss.js', 'exec callbacks and error messages'],
    ['sync-boss.js', 'the synchronous APIs and their errors'],
    ['execfile-boss.js', "execFile's failures to start"],
  ])('%s: %s — the same output but for pids, the same exit', async (name) => {
    const { bare, observed } = await bareAndObserved(name);
    const withoutPids = (b: Buffer) => b.toString().replace(/"pid":\d+/g, '"pid":0');
    expect(withoutPids(observed.stdout)).toBe(withoutPids(bare.stdout));
    expect([observed.code, observed.signal]).toEqual([bare.code, bare.signal]);
    expect(observed.records.length).toBeGreaterThan(0);
  });

  it.each(['exit', 'callback', 'data', 'message', 'args', 'kill'])(
    "stack traces through the probe's wrappers (%s): the same frames, the same place thrown",
    async (mode) => {
      const { bare, observed } = await bareAndObserved('stack-boss.js', [mode]);
      expect(bare.stderr + bare.stdout.toString()).toMatch(/stack-boss\.js:\d+/);
      expect(observed.stderr).toBe(bare.stderr);
      expect(observed.stdout.toString()).toBe(bare.stdout.toString());
      expect(observed.code).toBe(bare.code);
    },
  );

  it('the exit and signal fixtures really end as they say', async () => {
    const { bare: exit7 } = await bareAndObserved('exit-code-boss.js');
    expect([exit7.code, exit7.stdout.toString()]).toEqual([7, 'seven\n']);
    const { observed: killed } = await bareAndObserved('signal-boss.js');
    expect([killed.code, killed.signal, killed.stdout.toString()]).toEqual([null, 'SIGTERM', 'about to die\n']);
  });

  it('a child whose stdout is never read stays blocked on the full pipe', async () => {
    const { bare, observed } = await bareAndObserved('unread-boss.js');
    for (const run of [bare, observed]) {
      expect(jsonLines(run.stdout)).toEqual([{ alive: true }, { code: null, signal: 'SIGTERM' }]);
    }
    // Not a byte was read while the child lived. Once it is dead, Node drains what was left
    // in the pipe (flushStdio): those bytes did reach the parent, and are counted after 'exit'.
    const [exit] = ofType(observed.records, 'exit');
    expect(exit).toMatchObject({ signal: 'SIGTERM' });
    const drained = ofType(observed.records, 'stdout').filter((r) => r.childId === exit.childId);
    expect(drained.every((r) => r.t > exit.t)).toBe(true);
    expect(drained.reduce((n, r) => n + r.bytes, 0)).toBeLessThanOrEqual(1024 * 1024);
  });

  it('a forked child with no message listener still exits by itself', async () => {
    const { bare, observed } = await bareAndObserved('fork-quiet-boss.js');
    expect(observed.stdout.toString()).toBe('exit 0 null\n');
    expect(bare.stdout.toString()).toBe('exit 0 null\n');
    expect(ofType(observed.records, 'disconnect')).toHaveLength(1);
  });
});
