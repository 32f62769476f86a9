// @ts-check
'use strict';
/**
 * The probe's connection to the run's named pipe (Windows), and the check that the descriptor
 * it writes to still is that connection (used by report-channel-writer.cjs on Windows).
 *
 * As on POSIX (fifo-guard.cjs), a program may close the probe's descriptor and open a file
 * that gets the same number (libuv's descriptors are reused lowest first on Windows too). A
 * connection is known by what fstat tells of it: a pipe (S_IFIFO in the mode's type bits) and
 * its `ino`, which libuv sets to the connection's HANDLE for a pipe (measured under Wine with
 * Windows Node 20.20: 204, then 208 for a second connection). A file put
 * under our number is never a pipe, so it never receives a record: the number is left alone
 * and the pipe is connected to again, by its name, which no process of the run can take from
 * the lab; the first record written there says so.
 */
const fs = require('node:fs');
const { reopenedNotice } = require('./reopened-notice.cjs');

/** The type bits of a mode, and the type of a pipe (the same values on Windows as on POSIX). */
const S_IFMT = 0o170000;
const S_IFIFO = 0o010000;

/** A Node whose fstat cannot tell a pipe: the connection is trusted as it is (the name is a pipe's). */
const UNKNOWN = -1;

/** Give up on a lab that never frees a pipe instance for this long: it would hang the program. */
const MAX_WAIT_MS = 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * @param {string} address
 * @returns {import('./fifo-guard.cjs').FifoGuard | null} null: no pipe to report to
 */
function pipeGuard(address) {
  const first = connect(address);
  if (first === null) return null;
  let fd = first.fd;
  let ino = first.ino;
  return {
    fd,
    check() {
      if (ino === UNKNOWN || identityOf(fd)?.ino === ino) return { fd, notice: '' };
      const again = connect(address);
      if (again === null) return null;
      const lost = fd;
      ({ fd, ino } = again);
      return { fd, notice: reopenedNotice(lost, fd) };
    },
  };
}

/**
 * @param {number} fd
 * @param {number} [failed] what to answer when fstat fails
 * @returns {{ ino: number } | null} null: not a pipe (or closed)
 */
function identityOf(fd, failed) {
  let stat;
  try {
    stat = fs.fstatSync(fd);
  } catch {
    return failed === undefined ? null : { ino: failed }; // EBADF: closed
  }
  return (stat.mode & S_IFMT) === S_IFIFO ? { ino: stat.ino } : null;
}

/**
 * A connection of this process's own to the lab's pipe. When every pipe instance is taken (many
 * processes connecting at once) the open fails with EBUSY before anything is written: wait 1 ms
 * and open again.
 * @param {string} address
 * @returns {{ fd: number, ino: number } | null}
 */
function connect(address) {
  for (let waited = 0; ; waited += 1) {
    let fd;
    try {
      // Write-only and no O_CREAT: CreateFile(OPEN_EXISTING, GENERIC_WRITE) on the pipe.
      fd = fs.openSync(address, fs.constants.O_WRONLY);
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EBUSY' || waited >= MAX_WAIT_MS) return null; // ENOENT: no lab
      Atomics.wait(pause, 0, 0, 1);
      continue;
    }
    const identity = identityOf(fd, UNKNOWN);
    if (identity) return { fd, ino: identity.ino };
    fs.closeSync(fd); // not a pipe at that name: records never go there
    return null;
  }
}

module.exports = { pipeGuard };
