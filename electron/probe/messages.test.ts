import { describe, expect, it } from 'vitest';
import type { IpcMessageEvent } from '../../shared/events';
import { bySeq, seqs } from './message-seqs.test-helper';
import { fixture, jsonLines, observe, ofType } from './observe.test-helper';

describe('IPC messages', () => {
  it('10,000 each way over fork: every send joins its recv by seq, with exact counts and bytes', async () => {
    const N = 10_000;
    const run = await observe(fixture('message-boss.js'), { args: [String(N)] });
    const [got] = jsonLines(run.stdout) as { received: number; bytes: number; code: number; pid: number }[];
    expect(got).toMatchObject({ received: N, code: 0 });
    const boss = run.pid;
    const worker = got.pid;
    const messages = ofType(run.records, 'message');

    for (const [from, to] of [
      [boss, worker],
      [worker, boss],
    ]) {
      const channel = messages.filter((m) => m.from === from && m.to === to);
      const sends = channel.filter((m) => m.dir === 'send');
      const recvs = channel.filter((m) => m.dir === 'recv');
      expect(sends.every((m) => m.pid === from)).toBe(true);
      expect(recvs.every((m) => m.pid === to)).toBe(true);
      const sent = bySeq(sends);
      const received = bySeq(recvs);
      expect([...sent.keys()].sort((a, b) => a - b)).toEqual(seqs(N));
      expect([...received.keys()].sort((a, b) => a - b)).toEqual(seqs(N));
      const bytes = (rs: IpcMessageEvent[]) => rs.reduce((n, r) => n + r.bytes, 0);
      expect(bytes(recvs)).toBe(bytes(sends));
      // A flood is coalesced, and still no receive is stamped before its send.
      expect(channel.some((m) => (m.count ?? 1) > 1)).toBe(true);
      for (const s of seqs(N)) {
        const send = sent.get(s)!;
        const recv = received.get(s)!;
        if (!send.count && !recv.count) expect(recv.t).toBeGreaterThanOrEqual(send.t);
      }
    }
    // What the boss's program measured itself agrees with the probe's recv bytes.
    const fromWorker = messages.filter((m) => m.from === worker && m.dir === 'recv');
    expect(fromWorker.reduce((n, r) => n + r.bytes, 0)).toBe(got.bytes);
    expect(messages.find((m) => m.dir === 'send' && m.from === boss && m.seq === 1)?.preview).toBe('{"from":"boss","i":1,"text":"x"}');
    expect(run.badLines).toEqual([]);
  });

  it('a child that calls process.exit right after sending: every send it made is still reported', async () => {
    const N = 5000;
    const run = await observe(fixture('exit-after-send-boss.js'), { args: [String(N)] });
    const [got] = jsonLines(run.stdout) as { received: number; order: string[]; pid: number }[];
    expect(got.order).toEqual(['disconnect', 'exit 5', 'close 5']);
    const messages = ofType(run.records, 'message');
    const sends = messages.filter((m) => m.dir === 'send' && m.pid === got.pid);
    expect([...bySeq(sends).keys()].sort((a, b) => a - b)).toEqual(seqs(N));
    // The parent is delivered only some of them (Node drops the rest at exit); the probe says which.
    const recvs = messages.filter((m) => m.dir === 'recv' && m.from === got.pid);
    expect(recvs.reduce((n, r) => n + (r.count ?? 1), 0)).toBe(got.received);
    expect(got.received).toBeLessThanOrEqual(N);
  });
});
