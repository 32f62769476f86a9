/**
 * Windows report channel: a named pipe per run, `\\.\pipe\obra-<run id>`,
 * served by the lab. Windows has no FIFOs, and a named pipe is a server with
 * one connection per client: every observed process opens the pipe once
 * (electron/probe/report-channel-writer.cjs) and keeps that connection for
 * its whole life, so the bytes of one connection are one process's records,
 * in the order it wrote them. Records of different processes can never
 * interleave, whatever the size of a write.
 *
 * The pipe's default security lets only its creator (and administrators)
 * open it for writing; the run id in its name is unguessable.
 */
import net from 'node:net';
import type { ReportChannel } from './report-channel-interface';
import { ChannelRecords } from './report-channel-records';

/**
 * Pipe instances waiting for a client. Node's default is 4: a burst of
 * processes starting at once then finds them all busy (the writer waits and
 * retries); 16 cover the usual bursts of a run (a pool of forks) at once.
 */
const PENDING_INSTANCES = 16;
/** At close every writer is gone; a connection not ended by then is cut. */
const CLOSE_WAIT_MS = 1000;
const QUIET_BEFORE_CLOSE_MS = 500;

export function pipeAddress(runId: string): string {
  return `\\\\.\\pipe\\obra-${runId}`;
}

/** Serve the channel at `address`: a pipe name on Windows (a socket path elsewhere serves the same way, for tests). */
export async function createPipeChannel(address: string): Promise<ReportChannel> {
  const records = new ChannelRecords();
  /** Each connection still open, and when it will have closed. */
  const open = new Map<net.Socket, Promise<void>>();
  const server = net.createServer((socket) => {
    const stream = records.stream();
    socket.on('data', (chunk: Buffer) => stream.push(chunk));
    socket.on('end', () => stream.flush());
    socket.on('error', () => {});
    open.set(socket, new Promise<void>((resolve) => socket.on('close', resolve)).then(() => void open.delete(socket)));
  });
  await listen(server, address);

  return records.channel(address, async () => {
    // A writer may have connected, written and exited before its connection was accepted:
    // accept and read until quiet before the server stops (closing drops unaccepted ones).
    await records.quiet(QUIET_BEFORE_CLOSE_MS);
    server.close();
    // Each writer's last bytes come before its connection's end: wait for the ends, then cut any left.
    const cut = new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref());
    await Promise.race([Promise.all(open.values()), cut]);
    for (const socket of open.keys()) socket.destroy();
  });
}

function listen(server: net.Server, address: string): Promise<void> {
  const listening = new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Node reads the number of pending instances from this variable, synchronously, as the
  // server starts listening; it is put back at once so no child inherits it.
  const before = process.env.NODE_PENDING_PIPE_INSTANCES;
  process.env.NODE_PENDING_PIPE_INSTANCES = String(PENDING_INSTANCES);
  try {
    server.listen(address);
  } finally {
    if (before === undefined) delete process.env.NODE_PENDING_PIPE_INSTANCES;
    else process.env.NODE_PENDING_PIPE_INSTANCES = before;
  }
  return listening;
}
