/**
 * POSIX report channel: a FIFO in the run's private directory.
 * The lab opens it read-write and non-blocking, so it never sees EOF when the
 * last writer exits, and reads it through libuv like any pipe.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { ReportChannel } from './report-channel-interface';
import { ChannelRecords } from './report-channel-records';

/** Linux's default pipe holds 64 KiB; writers then wait under floods. 1 MiB is the unprivileged maximum. */
const PIPE_BYTES = 1024 * 1024;
const F_SETPIPE_SZ = 1031;

export async function createFifoChannel(dir: string): Promise<ReportChannel> {
  const address = path.join(dir, 'report.fifo');
  execFileSync('mkfifo', ['-m', '600', address]);
  const fd = fs.openSync(address, fs.constants.O_RDWR | fs.constants.O_NONBLOCK);
  await enlargePipe(address);
  const socket = new net.Socket({ fd, readable: true, writable: false });
  const records = new ChannelRecords();
  // Every writer shares this one stream: whole writes of ≤ PIPE_BUF bytes keep their lines apart.
  const stream = records.stream();
  socket.on('data', (chunk: Buffer) => stream.push(chunk));
  socket.on('error', () => {});

  return records.channel(
    address,
    () =>
      new Promise<void>((resolve) => {
        // Drain: give libuv one turn to deliver what is already in the pipe.
        setImmediate(() => {
          socket.destroy();
          stream.flush();
          fs.rm(address, { force: true }, () => resolve());
        });
      }),
  );
}

/**
 * Best effort: Node has no fcntl, so a tiny perl (present on Debian, macOS and
 * most Linux systems) opens the FIFO and sets F_SETPIPE_SZ on the shared pipe.
 * The size sticks while the lab holds its end open. Without perl: 64 KiB.
 */
function enlargePipe(address: string): Promise<void> {
  if (process.platform !== 'linux') return Promise.resolve();
  const script = `use Fcntl; sysopen(my $f, $ARGV[0], O_RDWR|O_NONBLOCK) or exit 1; fcntl($f, ${F_SETPIPE_SZ}, ${PIPE_BYTES}) or exit 2;`;
  return new Promise((resolve) => {
    execFile('perl', ['-e', script, address], { timeout: 2000 }, () => resolve());
  });
}
