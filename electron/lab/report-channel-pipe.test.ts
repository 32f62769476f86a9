/**
 * The named-pipe channel's own logic, served here on a Unix socket (Node serves
 * both through the same pipe handle): a connection per writer, lines kept per
 * connection. Windows itself is tested under Wine (tests/windows).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPipeChannel, pipeAddress } from './report-channel-pipe';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function socketPath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-pipe-'));
  dirs.push(dir);
  return path.join(dir, 'channel.sock');
}

function connect(address: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(address, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** A channel on a fresh socket path, and what it has received so far. */
async function serve() {
  const channel = await createPipeChannel(socketPath());
  const records: unknown[] = [];
  const bad: string[] = [];
  channel.onRecord((r) => records.push(r));
  channel.onBadLine((l) => bad.push(l));
  return { channel, records, bad };
}

const write = (socket: net.Socket, text: string) => new Promise<void>((resolve) => socket.write(text, () => resolve()));

describe('the named-pipe report channel', () => {
  it('is named after the run: \\\\.\\pipe\\obra-<run id>', () => {
    expect(pipeAddress('mxcj59zr-c31cf67ddb48')).toBe('\\\\.\\pipe\\obra-mxcj59zr-c31cf67ddb48');
  });

  it("keeps each writer's lines whole when writers send halves of lines in turn", async () => {
    const { channel, records, bad } = await serve();
    const [a, b] = await Promise.all([connect(channel.address), connect(channel.address)]);
    let sent = 0;
    for (let i = 0; i < 50; i++) {
      const lineA = JSON.stringify({ writer: 'a', i }) + '\n';
      const lineB = JSON.stringify({ writer: 'b', i }) + '\n';
      await write(a, lineA.slice(0, 7));
      await write(b, lineB.slice(0, 9));
      await write(a, lineA.slice(7));
      await write(b, lineB.slice(9));
      sent += lineA.length + lineB.length;
    }
    a.end();
    b.end();
    await channel.close();
    expect(bad).toEqual([]);
    for (const writer of ['a', 'b']) {
      expect(records.filter((r) => (r as { writer: string }).writer === writer).map((r) => (r as { i: number }).i)).toEqual([...Array(50).keys()]);
    }
    expect(channel.bytesRead).toBe(sent);
  });

  it("delivers a writer's cut last line, when its connection ends, as a bad line, never glued to another's", async () => {
    const { channel, records, bad } = await serve();
    const [dying, living] = await Promise.all([connect(channel.address), connect(channel.address)]);
    await write(dying, '{"cut":');
    dying.end();
    await write(living, '{"whole":true}\n');
    living.end();
    await channel.close();
    expect(records).toEqual([{ whole: true }]);
    expect(bad).toEqual(['{"cut":']);
  });

  it('close() waits for every connection to end, then stops serving', async () => {
    const { channel, records } = await serve();
    const late = await connect(channel.address);
    const closed = channel.close();
    setTimeout(() => late.end('{"last":1}\n'), 100);
    await closed;
    expect(records).toEqual([{ last: 1 }]);
    await expect(connect(channel.address)).rejects.toMatchObject({ code: expect.stringMatching(/ENOENT|ECONNREFUSED/) });
  });
});
