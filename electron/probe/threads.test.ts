import { describe, expect, it } from 'vitest';
import type { IpcMessageEvent } from '../../shared/events';
import { bySeq, seqs } from './message-seqs.test-helper';
import { fixture, jsonLines, observe, ofType } from './observe.test-helper';

/** Sends and receives between two threads of one process, by sequence number. */
function between(messages: readonly IpcMessageEvent[], from: number, to: number, dir: 'send' | 'recv'): number[] {
  return messages.filter((m) => m.fromThread === from && m.toThread === to && m.dir === dir).map((m) => m.seq);
}

describe('Worker threads, observed', () => {
  it('10,000 each way between two threads: every send joins its recv by seq, with exact counts and bytes, floods summed', async () => {
    const N = 10_000;
    const run = await observe(fixture('thread-flood-boss.js'), { args: [String(N)] });
    expect(jsonLines(run.stdout)).toEqual([{ received: N, code: 0 }]);
    const messages = ofType(run.records, 'message');
    for (const [from, to] of [
      [1, 0],
      [0, 1],
    ]) {
      const channel = messages.filter((m) => (m.fromThread ?? 0) === from && (m.toThread ?? 0) === to);
      const sent = bySeq(channel.filter((m) => m.dir === 'send'));
      const received = bySeq(channel.filter((m) => m.dir === 'recv'));
      expect([...sent.keys()].sort((a, b) => a - b)).toEqual(seqs(N));
      expect([...received.keys()].sort((a, b) => a - b)).toEqual(seqs(N));
      const bytes = (dir: string) => channel.filter((m) => m.dir === dir).reduce((n, r) => n + r.bytes, 0);
      // 0…9999 as JSON: 10 one-digit numbers, 90 of two digits, 900 of three, 9,000 of four.
      expect(bytes('send')).toBe(10 + 180 + 2700 + 36000);
      expect(bytes('recv')).toBe(bytes('send'));
      expect(channel.some((m) => (m.count ?? 1) > 1)).toBe(true);
      for (const s of seqs(N)) {
        const send = sent.get(s)!;
        const recv = received.get(s)!;
        if (!send.count && !recv.count) expect(recv.t).toBeGreaterThanOrEqual(send.t);
      }
    }
    expect(run.badLines).toEqual([]);
  });

  it("each thread's start, online and exit are reported by its creator; its messages join both ways; events inside carry its threadId", async () => {
    const run = await observe(fixture('threads-boss.js'));
    expect(run.badLines).toEqual([]);
    expect(jsonLines(run.stdout)).toEqual([{ echo: 0, echoed: 3 }, { nested: 'from inner' }, { ownEnv: true }]);
    const threads = ofType(run.records, 'thread');
    expect(threads.every((t) => t.pid === run.pid)).toBe(true);
    // Thread 1 (echo), 2 (nesting) and 3 (its inner thread, created by 2), 4 (own env).
    const life = (thread: number) => threads.filter((t) => t.thread === thread).map((t) => [t.state, t.threadId ?? 0, t.code ?? null]);
    expect(life(1)).toEqual([['start', 0, null], ['online', 0, null], ['exit', 0, 0]]);
    expect(life(3)).toEqual([['start', 2, null], ['online', 2, null], ['exit', 2, 0]]);
    expect(life(4).map(([state]) => state)).toEqual(['start', 'online', 'exit']);
    const start = threads.find((t) => t.thread === 1 && t.state === 'start');
    expect(start).toMatchObject({ file: '[worker eval]', source: { file: fixture('threads-boss.js'), line: 4 } });

    const messages = ofType(run.records, 'message');
    expect(messages.every((m) => m.from === run.pid && m.to === run.pid)).toBe(true);
    expect(between(messages, 0, 1, 'send')).toEqual([1, 2, 3, 4]);
    expect(between(messages, 0, 1, 'recv')).toEqual([1, 2, 3, 4]);
    expect(between(messages, 1, 0, 'send')).toEqual([1, 2, 3]);
    expect(between(messages, 1, 0, 'recv')).toEqual([1, 2, 3]);
    // Reported where they happened: a send by its sender's thread, a receive by its receiver's.
    for (const m of messages) expect(m.threadId ?? 0).toBe(m.dir === 'send' ? m.fromThread : m.toThread);
    expect(messages.find((m) => m.fromThread === 1 && m.dir === 'send')).toMatchObject({ preview: '{"echo":1}' });
    // The inner thread knows its parent is thread 2, not the main thread.
    expect(between(messages, 3, 2, 'send')).toEqual([1]);
    expect(between(messages, 3, 2, 'recv')).toEqual([1]);
    // A thread given an env of its own still loads the probe and reports from inside.
    expect(between(messages, 4, 0, 'send')).toEqual([1]);
  });

  it("a busy thread's own event loop is sampled: a long interval near 1, while the main thread's stays idle; CPU and RSS come from the main thread only", async () => {
    const run = await observe(fixture('threads-busy-boss.js'));
    expect(run.stdout.toString()).toBe('busy thread done\n');
    const samples = ofType(run.records, 'sample').filter((s) => s.pid === run.pid && s.elu !== undefined);
    const inThread = samples.filter((s) => s.threadId === 1);
    expect(inThread.some((s) => (s.interval ?? 0) >= 300_000 && (s.elu ?? 0) > 0.9)).toBe(true);
    const main = samples.filter((s) => s.threadId === undefined);
    expect(main.every((s) => (s.interval ?? 0) < 300_000)).toBe(true);
    // CPU and RSS are the whole process's: the main thread reports them, a thread never (no double count).
    expect(main.some((s) => typeof s.cpu === 'number')).toBe(true);
    expect(inThread.filter((s) => s.cpu !== undefined || s.rss !== undefined)).toEqual([]);
  });

  it('a program sees the same Worker class, its own subclass and no extra keys or listeners; the thread ends by itself', async () => {
    const [bare, observed] = await Promise.all([observe(fixture('threads-introspect-boss.js'), { probe: false }), observe(fixture('threads-introspect-boss.js'))]);
    expect(observed.stdout.toString()).toBe(bare.stdout.toString());
    expect(jsonLines(observed.stdout)).toEqual([expect.objectContaining({ transferred: true, subclass: true }), { exit: 0 }]);
    expect(ofType(observed.records, 'thread').map((t) => t.state)).toEqual(['start', 'online', 'exit']);
    // Binary data is sized by V8's serializer, taken before the transfer emptied it.
    const binary = ofType(observed.records, 'message').find((m) => m.dir === 'send' && m.fromThread === 0);
    expect(binary?.bytes).toBeGreaterThanOrEqual(1024);
  });

  it.runIf(process.platform === 'linux')('every thread lets go of its connection to the report channel when it ends', async () => {
    const [bare, observed] = await Promise.all([observe(fixture('threads-fds-boss.js'), { probe: false }), observe(fixture('threads-fds-boss.js'))]);
    expect(jsonLines(observed.stdout)).toEqual(jsonLines(bare.stdout));
    expect(ofType(observed.records, 'thread').filter((t) => t.state === 'exit')).toHaveLength(8);
    expect(ofType(observed.records, 'message').filter((m) => m.dir === 'send')).toHaveLength(8);
  });

  it("a message JSON cannot carry is previewed without running the program's code (no toString called)", async () => {
    const run = await observe(fixture('threads-tostring-boss.js'));
    expect(run.stdout.toString()).toBe('got bigint\n');
    const sent = ofType(run.records, 'message').find((m) => m.dir === 'send' && m.fromThread === 0);
    expect(sent?.preview).toBe('{"n":12n}');
  });
});
