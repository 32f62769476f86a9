// @ts-check
// The CPU time a workload's whole process tree used, apart from this process (the bench, and
// the lab running inside it). On a 2-core machine shared with other work, wall-clock figures
// swing with the load; CPU time says what the probe itself costs in the observed processes.
//
// Linux with a writable cgroup v2 hierarchy (as root): this process moves into its own cgroup,
// so every process it starts — bare, or the lab's site keeper, boss and children, whose run
// cgroups the lab makes inside this one — is counted in its `cpu.stat` (a removed run cgroup's
// time stays counted in its parent). The tree's time is the cgroup's minus this process's own.
// The boss's own tree is told apart from the site keeper (a Node process the lab adds per run)
// by the run's cgroup, read as the lab removes it. Elsewhere, the figures are null and the
// bench prints wall-clock figures only.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** @type {string | null | undefined} */
let dir;

/** The cgroup v2 mount point, where this process sits at its root ("0::/"). */
function cgroup2Root() {
  if (process.platform !== 'linux') return null;
  try {
    if (fs.readFileSync('/proc/self/cgroup', 'utf8').split('\n').every((l) => l !== '0::/')) return null;
    const mount = fs
      .readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((l) => l.split(' '))
      .find((f) => f[f.indexOf('-') + 1] === 'cgroup2');
    return mount ? mount[4] : null;
  } catch {
    return null;
  }
}

/** Enters the bench's own cgroup (once, before any Lab is made). Returns whether tree CPU is measured. */
function enterBenchCgroup() {
  if (dir !== undefined) return dir !== null;
  dir = null;
  const root = cgroup2Root();
  if (!root) return false;
  const own = path.join(root, `obra-bench-${process.pid}`);
  try {
    fs.mkdirSync(own);
    fs.writeFileSync(path.join(own, 'cgroup.procs'), String(process.pid));
    dir = own;
  } catch {
    try {
      fs.rmdirSync(own);
    } catch {
      // not made
    }
    return false;
  }
  process.on('exit', () => {
    try {
      fs.writeFileSync(path.join(/** @type {string} */ (root), 'cgroup.procs'), String(process.pid));
      fs.rmdirSync(/** @type {string} */ (dir));
    } catch {
      // left for the system: an empty cgroup
    }
  });
  return true;
}

/** Microseconds of CPU used so far by the cgroup and by this process. */
function cpuSnapshot() {
  const own = process.cpuUsage();
  if (!dir) return null;
  const stat = fs.readFileSync(path.join(dir, 'cpu.stat'), 'utf8');
  const match = /^usage_usec (\d+)/m.exec(stat);
  return match ? { cgroup: Number(match[1]), self: own.user + own.system } : null;
}

/**
 * Milliseconds of CPU between two snapshots: the tree's (without this process) and this process's.
 * @param {ReturnType<typeof cpuSnapshot>} a
 * @param {ReturnType<typeof cpuSnapshot>} b
 */
function cpuBetween(a, b) {
  if (!a || !b) return { treeCpuMs: null, selfCpuMs: null };
  const self = b.self - a.self;
  return { treeCpuMs: (b.cgroup - a.cgroup - self) / 1000, selfCpuMs: self / 1000 };
}

/** Microseconds of CPU each run's cgroup used, read as the lab removed it, by its directory's name. */
const runCgroupUsage = new Map();

/**
 * Reads each run cgroup's CPU as the lab removes it (the run is over then: nothing of it is left).
 * @param {string} labDir a built lab's directory (out/node/electron/lab)
 */
function watchRunCgroups(labDir) {
  const { RunCgroup } = require(path.join(labDir, 'run-cgroup.js'));
  const remove = RunCgroup.prototype.remove;
  if (remove.watched) return;
  /** @this {{ kind: string, dir: string }} */
  const watched = function (/** @type {any[]} */ ...args) {
    if (this.kind === 'cgroup2') {
      try {
        const match = /^usage_usec (\d+)/m.exec(fs.readFileSync(path.join(this.dir, 'cpu.stat'), 'utf8'));
        if (match) runCgroupUsage.set(path.basename(this.dir), Number(match[1]));
      } catch {
        // not measured
      }
    }
    return remove.apply(this, args);
  };
  watched.watched = true;
  RunCgroup.prototype.remove = watched;
}

/**
 * Milliseconds of CPU the run's own processes (the boss and all it started) used, or null.
 * @param {string} runId
 */
function runCpuMs(runId) {
  const usage = runCgroupUsage.get(`obra-run-${runId}`);
  runCgroupUsage.delete(`obra-run-${runId}`);
  return usage === undefined ? null : usage / 1000;
}

module.exports = { enterBenchCgroup, cpuSnapshot, cpuBetween, watchRunCgroups, runCpuMs };
