import { describe, expect, it } from 'vitest';
import type { IpcMessageEvent } from '../../shared/events';
import { PROBE, fixture, jsonLines, observe, ofType } from './observe.test-helper';

const MiB8 = 8 * 1024 * 1024;

/** The channel's messages in one direction, in seq order, as [sent, received] pairs. */
function pairs(messages: IpcMessageEvent[], from: number, to: number): [IpcMessageEvent, IpcMessageEvent][] {
  const of = (dir: 'send' | 'recv') => messages.filter((m) => m.from === from && m.to === to && m.dir === dir).sort((a, b) => a.seq - b.seq);
  const sent = of('send');
  const received = of('recv');
  expect(received.map((m) => m.seq)).toEqual(sent.map((m) => m.seq));
  return sent.map((s, i) => [s, received[i]]);
}

describe('IPC messages are measured as the channel carries them', () => {
  it("'advanced': an 8 MiB Uint8Array is logged at its wire size, alike at both ends, previewed without serialising it", async () => {
    const run = await observe(fixture('big-message-boss.js'), { args: ['advanced'] });
    const [got] = jsonLines(run.stdout) as { received: number; code: number; pid: number }[];
    expect(got).toMatchObject({ received: 5, code: 0 });
    const messages = ofType(run.records, 'message');
    const up = pairs(messages, got.pid, run.pid);
    expect(up).toHaveLength(5);
    for (const [sent, received] of up.slice(0, 4)) {
      // 8 MiB of bytes, a 4-byte length and a few bytes of V8's framing: within 1 % (not 99 MB of JSON).
      expect(Math.abs(sent.bytes - MiB8) / MiB8).toBeLessThan(0.01);
      expect(sent.bytes).toBeGreaterThan(MiB8 + 4);
      expect(received.bytes).toBe(sent.bytes);
      expect(sent.preview).toBe('Uint8Array(8388608) [7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,…]');
      expect(received.preview).toBe(sent.preview);
    }
    expect(up[4][0].preview).toBe('Map(1) {"done" => 4}');
    expect(up[4][0].bytes).toBeLessThan(64);
    const down = pairs(messages, run.pid, got.pid);
    expect(down.map(([s]) => s.preview)).toEqual(['Set(1) {1}', 'Set(1) {2}', 'Set(1) {3}', 'Set(1) {4}', 'Set(1) {5}']);
    for (const [sent, received] of down) expect(received.bytes).toBe(sent.bytes);
  });

  it("'json': a message is its JSON text and newline, to the byte, at both ends", async () => {
    // As JSON a Uint8Array is an object of numbers: 256 KiB of bytes are ~2.6 MB of text.
    const run = await observe(fixture('big-message-boss.js'), { args: ['json', String(256 * 1024)] });
    const [got] = jsonLines(run.stdout) as { received: number; pid: number }[];
    const up = pairs(ofType(run.records, 'message'), got.pid, run.pid);
    const bigJson = Buffer.byteLength(JSON.stringify(new Uint8Array(256 * 1024).fill(7))) + 1;
    expect(up.map(([s]) => s.bytes)).toEqual([bigJson, bigJson, bigJson, bigJson, Buffer.byteLength(JSON.stringify(new Map())) + 1]);
    for (const [sent, received] of up) expect(received.bytes).toBe(sent.bytes);
    expect(up[0][0].preview).toMatch(/^\{"0":7,"1":7,"2":7,.*…$/);
  });

  it('a message measured on receipt is not kept alive by its measurement', async () => {
    const run = await observe(fixture('message-release-boss.js'), { nodeOptions: `--require ${PROBE} --expose-gc` });
    expect(jsonLines(run.stdout)).toEqual([{ received: true, released: true }]);
    expect(ofType(run.records, 'message').filter((m) => m.dir === 'recv' && m.bytes > 1024 * 1024)).toHaveLength(1);
  });

  it('a handle sent with a message, and the messages Node holds back until it is acknowledged: each counted once, alike at both ends', async () => {
    const run = await observe(fixture('handle-boss.js'));
    const [got] = jsonLines(run.stdout) as { answers: number; code: number; pid: number }[];
    expect(got).toMatchObject({ answers: 4, code: 0 });
    const messages = ofType(run.records, 'message');
    const down = pairs(messages, run.pid, got.pid);
    expect(down.map(([s]) => s.preview)).toEqual(['{"here":"a server"}', '{"queued":1}', '{"queued":2}', '{"queued":3}']);
    for (const [sent, received] of down) expect(received.bytes).toBe(sent.bytes);
    // The first went with the handle, wrapped by Node in its NODE_HANDLE message: that is what the channel carried.
    expect(down[0][0].bytes).toBeGreaterThan(Buffer.byteLength('{"here":"a server"}\n'));
    expect(down[1][0].bytes).toBe(Buffer.byteLength('{"queued":1}\n'));
    const up = pairs(messages, got.pid, run.pid);
    expect(up).toHaveLength(4);
    for (const [sent, received] of up) expect(received.bytes).toBe(sent.bytes);
  });
});
