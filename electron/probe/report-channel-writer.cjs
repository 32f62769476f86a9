// @ts-check
'use strict';
/**
 * The probe's end of the report channel (the lab's end is electron/lab/report-channel*.ts).
 *
 * POSIX: a FIFO the lab keeps open read-write. We open it write-only and non-blocking, once.
 * Every write is whole lines of at most 4,096 bytes (PIPE_BUF), so writes from many
 * processes never interleave; a full pipe answers EAGAIN, and we wait 1 ms and retry
 * (synchronously: the records must be out before this process may die).
 */
const fs = require('node:fs');

/**
 * @typedef {{ write(chunk: string): boolean, close(): void }} ChannelWriter  `write` answers
 *   `false` once the channel is gone or closed; `close` lets go of the connection (a Worker
 *   thread that ends: the descriptor is the whole process's).
 */

/** Give up on a lab that has stopped reading for this long (it would hang the program). */
const MAX_WAIT_MS = 10_000;

/**
 * The one place that picks a channel implementation for this platform.
 * @param {string} address
 * @returns {ChannelWriter | null} null when there is no channel to write to
 */
function openChannelWriter(address) {
  // Windows has no FIFOs: a named-pipe writer would go here. Until then the probe stays idle
  // (the lab refuses to start runs on win32 for the same reason).
  if (process.platform === 'win32') return null;
  return openFifoWriter(address);
}

/**
 * @param {string} address
 * @returns {ChannelWriter | null}
 */
function openFifoWriter(address) {
  let fd;
  try {
    // libuv opens with O_CLOEXEC: children do not inherit this descriptor.
    fd = fs.openSync(address, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
  } catch {
    return null; // no FIFO or no reader (ENXIO): nothing to report to
  }
  const pause = new Int32Array(new SharedArrayBuffer(4));
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
      const bytes = Buffer.from(chunk, 'utf8');
      let offset = 0;
      let waited = 0;
      while (offset < bytes.length) {
        try {
          offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
        } catch (err) {
          if (/** @type {NodeJS.ErrnoException} */ (err).code === 'EAGAIN' && waited < MAX_WAIT_MS) {
            Atomics.wait(pause, 0, 0, 1);
            waited += 1;
            continue;
          }
          // EPIPE (the lab closed the channel) or a lab that stopped reading: stop reporting.
          close();
          return false;
        }
      }
      return true;
    },
  };
}

module.exports = { openChannelWriter };
