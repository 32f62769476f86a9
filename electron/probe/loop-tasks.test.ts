import { describe, expect, it } from 'vitest';
import type { TaskEvent } from '../../shared/events';
import { fixture, jsonLines, observe, ofType } from './observe.test-helper';

const tasksOf = (records: Parameters<typeof ofType>[0], pid: number, threadId?: number): TaskEvent[] =>
  ofType(records, 'task').filter((t) => t.pid === pid && t.threadId === threadId);
const late = (task: TaskEvent) => task.t - (task.due as number);

describe("every callback of an observed process's event loop", () => {
  it('a timer due at 100 ms behind a 1 s synchronous loop runs ≥ 900 ms late; one on an idle loop < 50 ms late', async () => {
    const run = await observe(fixture('late-timer-boss.js'));
    expect(run.badLines).toEqual([]);
    expect(run.stdout.toString()).toMatch(/^loop done\nlate timer ran at \d+ ms\nidle timer ran\n$/);
    const tasks = tasksOf(run.records, run.pid);
    const main = tasks.find((t) => t.label === 'main');
    expect(main?.kind).toBe('other');
    expect(main?.dur).toBeGreaterThanOrEqual(1_000_000);
    const timers = tasks.filter((t) => t.kind === 'timer');
    expect(timers.map((t) => t.label)).toEqual(['setTimeout 100 ms', 'setTimeout 100 ms']);
    const [blocked, idle] = timers;
    expect(late(blocked)).toBeGreaterThanOrEqual(900_000);
    // It was due 100 ms after it was set, in the main script; and it could only run once the main script ended.
    expect(blocked.due! - main!.t).toBeGreaterThanOrEqual(100_000);
    expect(blocked.t).toBeGreaterThanOrEqual(main!.t + main!.dur);
    // Node counts timers in libuv's whole milliseconds: one can run up to 1 ms before its µs due time.
    expect(late(idle)).toBeGreaterThan(-1000);
    expect(late(idle)).toBeLessThan(50_000);
    expect(blocked.source).toMatchObject({ file: fixture('late-timer-boss.js'), line: 3 });
    expect(idle.source).toMatchObject({ file: fixture('late-timer-boss.js'), line: 5 });
    // One thread runs one callback at a time: the tasks never overlap.
    const sorted = [...tasks].sort((a, b) => a.t - b.t);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].t).toBeGreaterThanOrEqual(sorted[i - 1].t + sorted[i - 1].dur);
  });

  it("an HTTP request to a server on 127.0.0.1 is an http task in the server's process, named by its method and URL", async () => {
    const run = await observe(fixture('http-task-boss.js'));
    expect(run.stdout.toString()).toBe('client got: hello /tasks?n=1\n');
    const request = tasksOf(run.records, run.pid).filter((t) => t.kind === 'http');
    expect(request.map((t) => t.label)).toContain('GET /tasks?n=1');
    // The client's answer arrives in the client as an http task too (its socket read parses the response).
    const clientPid = ofType(run.records, 'spawn')[0].pid as number;
    expect(tasksOf(run.records, clientPid).some((t) => t.kind === 'http')).toBe(true);
  });

  it('an IPC message is an ipc task in the process that receives it, at both ends', async () => {
    const run = await observe(fixture('ipc-task-boss.js'));
    expect(run.stdout.toString()).toBe('boss got {"hello":"boss"}\n');
    const childPid = ofType(run.records, 'spawn')[0].pid as number;
    const received = (pid: number) => ofType(run.records, 'message').find((m) => m.dir === 'recv' && m.pid === pid)!;
    for (const pid of [run.pid, childPid]) {
      const recv = received(pid);
      const ipc = tasksOf(run.records, pid).filter((t) => t.kind === 'ipc' && t.label === 'message');
      // The message was delivered to the program inside that task.
      expect(ipc.some((t) => t.t <= recv.t && recv.t <= t.t + t.dur)).toBe(true);
    }
    // The child's exit reaches the boss as a child task.
    expect(tasksOf(run.records, run.pid).some((t) => t.kind === 'child' && t.label === `exit ${childPid}`)).toBe(true);
  });

  it('a 100k-message flood keeps exact counts: every message, and every one of the 100k callbacks they schedule', async () => {
    const total = 100_000;
    const run = await observe(fixture('task-flood-boss.js'), { args: [String(total)], timeoutMs: 60_000 });
    expect(jsonLines(run.stdout)).toEqual([{ received: total, immediates: total }]);
    const messages = ofType(run.records, 'message');
    const sum = (list: { count?: number }[]) => list.reduce((n, e) => n + (e.count ?? 1), 0);
    expect(sum(messages.filter((m) => m.dir === 'recv'))).toBe(total);
    const tasks = tasksOf(run.records, run.pid);
    expect(sum(tasks.filter((t) => t.kind === 'immediate'))).toBe(total);
    // Coalesced under load: at most 200 single records per 50 ms of this thread, plus a sum per kind.
    const first = Math.min(...tasks.map((t) => t.t));
    const last = Math.max(...run.records.map((r) => r.t));
    expect(tasks.length).toBeLessThanOrEqual((200 + 8) * (Math.ceil((last - first) / 50_000) + 1));
    expect(tasks.length).toBeLessThan(total);
    expect(tasks.reduce((n, t) => n + t.dur, 0)).toBeLessThanOrEqual(last);
    for (const t of tasks.filter((t) => (t.count ?? 1) > 1)) expect(t.span).toBeGreaterThanOrEqual(t.dur);
    // The child's sends that the full pipe held back complete later, thousands back to back: a
    // few tasks, each counting its completions (one callback per message at most). One record a
    // completion made 1,800–3,500 records here; runs back to back with their sums written every
    // 8 ms make tens (67–86 for ~99,600 completions), and several hundred when a loaded machine
    // drains the pipe in more pieces (704 in a full test run with benchmarks beside it).
    const childPid = ofType(run.records, 'spawn')[0].pid as number;
    const completions = tasksOf(run.records, childPid).filter((t) => t.kind === 'other' && t.label !== 'main');
    expect(sum(completions)).toBeGreaterThan(0);
    expect(sum(completions)).toBeLessThanOrEqual(total);
    expect(completions.length).toBeLessThan(1_500);
  });

  it('a Worker thread runs its own loop: its callbacks carry its threadId', async () => {
    const run = await observe(fixture('threads-boss.js'));
    const inThread = ofType(run.records, 'task').filter((t) => t.threadId !== undefined);
    expect(inThread.length).toBeGreaterThan(0);
    expect(inThread.every((t) => t.pid === run.pid && (t.threadId as number) >= 1)).toBe(true);
    expect(inThread.some((t) => t.kind === 'ipc' && t.label === 'message')).toBe(true);
  });

  it('observe, never alter: the same order of timers, immediates, ticks, promises, fs, HTTP and a thread, and the same timer functions', async () => {
    const [bare, observed] = await Promise.all([observe(fixture('task-order-boss.js'), { probe: false }), observe(fixture('task-order-boss.js'))]);
    expect(observed.stdout.toString()).toBe(bare.stdout.toString());
    expect(bare.stdout.toString()).toMatch(/^same setTimeout: true, name setTimeout\/\d, keys [^\n]*\ntimer: Timeout function/);
    expect([observed.code, observed.signal]).toEqual([bare.code, bare.signal]);
    const mine = tasksOf(observed.records, observed.pid);
    // util.promisify(setTimeout) makes its Timeout inside Node: a timer, due from libuv's clock, not a setTimeout call of the program.
    expect(mine.find((t) => t.label === 'timer 20 ms')?.due).toBeGreaterThan(0);
    expect(mine.some((t) => t.label === 'setInterval 10 ms' && t.source?.line === 27)).toBe(true);
    const kinds = new Set(mine.map((t) => t.kind));
    for (const kind of ['timer', 'immediate', 'fs', 'net', 'http', 'ipc', 'other']) expect(kinds).toContain(kind);
  });

  it('OBRA_TASKS=0 leaves the callbacks out (and the timer functions as Node made them)', async () => {
    const run = await observe(fixture('late-timer-boss.js'), { env: { OBRA_TASKS: '0' } });
    expect(ofType(run.records, 'task')).toEqual([]);
    expect(ofType(run.records, 'sample').length).toBeGreaterThan(0);
  });
});
