/**
 * POSIX report channel: a FIFO in the run's private directory.
 * The lab opens it read-write and non-blocking, so it never sees EOF when the
 * last writer exits, and reads it through libuv like any pipe.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { ReportChannel } from './report-channel';
import { LineSplitter } from './line-splitter';

export async function createFifoChannel(dir: string): Promise<ReportChannel> {
  const address = path.join(dir, 'report.fifo');
  execFileSync('mkfifo', ['-m', '600', address]);
  const fd = fs.openSync(address, fs.constants.O_RDWR | fs.constants.O_NONBLOCK);
  const socket = new net.Socket({ fd, readable: true, writable: false });
  const recordListeners: ((r: unknown) => void)[] = [];
  const badListeners: ((l: string) => void)[] = [];
  const splitter = new LineSplitter((line) => {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      for (const l of badListeners) l(line);
      return;
    }
    for (const l of recordListeners) l(record);
  });
  socket.on('data', (chunk: Buffer) => splitter.push(chunk));
  socket.on('error', () => {});

  return {
    address,
    onRecord: (l) => void recordListeners.push(l),
    onBadLine: (l) => void badListeners.push(l),
    close: () =>
      new Promise<void>((resolve) => {
        // Drain: give libuv one turn to deliver what is already in the pipe.
        setImmediate(() => {
          socket.destroy();
          splitter.flush();
          fs.rm(address, { force: true }, () => resolve());
        });
      }),
  };
}
