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

/** @typedef {{ write(chunk: string): boolean }} ChannelWriter  `false` once the channel is gone. */

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
  const guard = fifoGuard(address);
  if (!guard) return null;
  let fd = guard.fd;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let open = true;

  return {
    write(chunk) {
      if (!open) return false;
      const checked = guard.check();
      if (checked === null) {
        open = false; // our FIFO is gone from its path: nothing of ours to write to (the lab reports it)
        return false;
      }
      if (checked.fd !== fd) {
        fd = checked.fd;
        if (!this.write(checked.notice)) return false;
      }
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
          open = false;
          try {
            fs.closeSync(fd);
          } catch {
            // already closed
          }
          return false;
        }
      }
      return true;
    },
  };
}

/**
 * Our FIFO, opened write-only and non-blocking, with what identifies it (device and inode).
 * `check()`, before every write, tells whether our descriptor still is that FIFO: a program
 * may close the probe's descriptor and open a file that gets the same number, and the next
 * record would land in its file. Then the number is left alone (it is the program's now), the
 * FIFO is opened again by its path, and the first record written there says so; when the path
 * no longer leads to our FIFO, `check()` answers null and reporting stops.
 * @param {string} address
 * @returns {{ fd: number, check(): { fd: number, notice: string } | null } | null} null: no FIFO to report to
 */
function fifoGuard(address) {
  const first = openFifo(address);
  if (!first) return null;
  const { dev, ino } = first.stat;
  let fd = first.fd;
  /** @param {number} n */
  const isOurs = (n) => {
    try {
      const stat = fs.fstatSync(n);
      return stat.ino === ino && stat.dev === dev;
    } catch {
      return false; // EBADF: closed
    }
  };
  return {
    fd,
    check() {
      if (isOurs(fd)) return { fd, notice: '' };
      const again = openFifo(address);
      if (!again || again.stat.ino !== ino || again.stat.dev !== dev) {
        if (again) fs.closeSync(again.fd);
        return null;
      }
      const lost = fd;
      fd = again.fd;
      const { now } = require('./clock.cjs');
      const notice = {
        type: 'error', t: now(), pid: process.pid, where: 'probe', name: 'ObraError', code: 'ERR_OBRA_CHANNEL_REOPENED',
        message: `The program closed the probe's report descriptor (${lost}) and may have opened something else under that number; the probe opened the report channel again (${fd}) and goes on reporting.`,
      };
      return { fd, notice: JSON.stringify(notice) + '\n' };
    },
  };
}

/**
 * @param {string} address
 * @returns {{ fd: number, stat: import('node:fs').Stats } | null} null: no FIFO there, or no reader (ENXIO)
 */
function openFifo(address) {
  let fd;
  try {
    // libuv opens with O_CLOEXEC: children do not inherit this descriptor.
    fd = fs.openSync(address, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  const stat = fs.fstatSync(fd);
  if (stat.isFIFO()) return { fd, stat };
  fs.closeSync(fd); // a file put where the FIFO was: records never go there
  return null;
}

module.exports = { openChannelWriter };
