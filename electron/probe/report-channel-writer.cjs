// @ts-check
'use strict';
/**
 * The probe's end of the report channel (the lab's end is electron/lab/report-channel*.ts).
 * Records are written synchronously, whole, from the writing process's only connection to
 * the channel, opened once: the records must be out before this process may die.
 *
 * POSIX: a FIFO the lab keeps open read-write. We open it write-only and non-blocking.
 * Every write is whole lines of at most 4,096 bytes (PIPE_BUF), so writes from many
 * processes never interleave; a full pipe answers EAGAIN, and we wait 1 ms and retry.
 * Before each write we check the descriptor still is our FIFO (fifo-guard.cjs).
 *
 * Windows: the run's named pipe. Opening it connects this process to the lab; the
 * connection is this process's alone, so its lines cannot mix with another process's. When
 * every pipe instance is taken (many processes connecting at once) the open fails with EBUSY
 * before anything is written: we wait 1 ms and open again. Writes block until the lab has
 * taken the bytes, and a short write goes on from where it stopped on the same connection.
 * Children never inherit the connection (libuv opens files non-inheritable on both systems):
 * each opens its own.
 */
const fs = require('node:fs');

/**
 * @typedef {{ write(chunk: string): boolean, close(): void }} ChannelWriter  `write` answers
 *   `false` once the channel is gone or closed; `close` lets go of the connection (a Worker
 *   thread that ends: the descriptor is the whole process's).
 */

/** Give up on a lab that has stopped reading (or never frees a pipe instance) for this long: it would hang the program. */
const MAX_WAIT_MS = 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * The one place that picks a channel implementation for this platform.
 * @param {string} address
 * @returns {ChannelWriter | null} null when there is no channel to write to
 */
function openChannelWriter(address) {
  const guard = process.platform === 'win32' ? require('./pipe-guard.cjs').pipeGuard(address) : require('./fifo-guard.cjs').fifoGuard(address);
  return guard === null ? null : channelWriter(guard.fd, guard);
}

/**
 * @param {number} fd
 * @param {import('./fifo-guard.cjs').FifoGuard} guard checks, before each write, that `fd` still is our FIFO or pipe connection
 * @returns {ChannelWriter}
 */
function channelWriter(fd, guard) {
  let open = true;
  const close = () => {
    open = false;
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
  };
  return {
    close() {
      if (open) close();
    },
    write(chunk) {
      if (!open) return false;
      const checked = guard.check();
      if (checked === null) {
        open = false; // our channel is gone: nothing of ours to write to (the lab reports it)
        return false;
      }
      if (checked.fd !== fd) {
        fd = checked.fd;
        if (!this.write(checked.notice)) return false;
      }
      // Written as a string (no Buffer made per write); only a short write (Windows) needs its bytes.
      /** @type {Buffer | null} */
      let bytes = null;
      const length = Buffer.byteLength(chunk);
      let offset = 0;
      let waited = 0;
      while (offset < length) {
        try {
          if (offset === 0) offset = fs.writeSync(fd, chunk);
          else offset += fs.writeSync(fd, (bytes ??= Buffer.from(chunk, 'utf8')), offset, length - offset);
        } catch (err) {
          if (/** @type {NodeJS.ErrnoException} */ (err).code === 'EAGAIN' && waited < MAX_WAIT_MS) {
            Atomics.wait(pause, 0, 0, 1);
            waited += 1;
            continue;
          }
          // EPIPE/EOF (the lab closed the channel) or a lab that stopped reading: stop reporting.
          close();
          return false;
        }
      }
      return true;
    },
  };
}

module.exports = { openChannelWriter };
