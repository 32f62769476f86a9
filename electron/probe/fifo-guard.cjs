// @ts-check
'use strict';
/**
 * The probe's FIFO, and the check that the descriptor it writes to still is that FIFO
 * (used by report-channel-writer.cjs on POSIX).
 */
const fs = require('node:fs');
const { reopenedNotice } = require('./reopened-notice.cjs');

/** @typedef {{ fd: number, check(): { fd: number, notice: string } | null }} FifoGuard */

/**
 * Our FIFO, opened write-only and non-blocking, with what identifies it (device and inode).
 * `check()`, before every write, tells whether our descriptor still is that FIFO: a program
 * may close the probe's descriptor and open a file that gets the same number, and the next
 * record would land in its file. Then the number is left alone (it is the program's now), the
 * FIFO is opened again by its path, and the first record written there says so; when the path
 * no longer leads to our FIFO, `check()` answers null and reporting stops.
 * @param {string} address
 * @returns {FifoGuard | null} null: no FIFO to report to
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
      return { fd, notice: reopenedNotice(lost, fd) };
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

module.exports = { fifoGuard };
