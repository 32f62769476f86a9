'use strict';
/**
 * The site keeper: a small Node process between the lab and the boss, one per
 * run. It is the boss's parent, so a script that kills `process.ppid` kills the
 * keeper, never Obra (the lab sees the keeper go and stops the run), and it
 * outlives the lab: when the lab is killed its end of fd 0 closes and the
 * keeper ends the run's tree and removes the run's folder itself.
 *
 * It also holds the run where the OS lets it:
 * - a cgroup: it enters the run's cgroup, starts the boss (which, with all it
 *   starts, stays there whatever it does: setsid, a wiped environment, a parent
 *   that is gone) and steps back out, so ending the cgroup never ends it;
 * - a child subreaper (Linux, prctl through koffi): a process of the run whose
 *   parent ends is given to the keeper, not to init, so it stays in the tree.
 *
 * Protocol. fd 0, from the lab: one JSON line (the launch), later `done` (the
 * run is over: exit). fd 3, to the lab: JSON lines `{"boss":pid,…}` or
 * `{"error":{code,message}}`, then `{"exit":{code,signal}}`. fds 1 and 2 go to
 * the boss and are closed here at once: the boss's output reaches the lab
 * directly, and its pipes close when the run's last writer is gone.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');

const STATUS_FD = 3;
const PR_SET_CHILD_SUBREAPER = 36;
const WNOHANG = 1;

// Signals meant for the boss's group or the terminal are not for the keeper: only the lab ends it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});

let launch = null;
let boss = null;
let bossExited = false;
let reap = null;
let input = '';
let done = false;

function say(message) {
  try {
    fs.writeSync(STATUS_FD, JSON.stringify(message) + '\n');
  } catch {
    // The lab is gone: fd 0 ends too, and abandon() follows.
  }
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  input += chunk;
  for (let nl = input.indexOf('\n'); nl !== -1; nl = input.indexOf('\n')) {
    const line = input.slice(0, nl);
    input = input.slice(nl + 1);
    if (!launch) start(JSON.parse(line));
    else if (line === 'done') finish();
  }
});
process.stdin.on('end', () => void (done || abandon()));
process.stdin.on('error', () => void (done || abandon()));

function start(l) {
  launch = l;
  const held = { subreaper: false };
  if (l.subreaper) {
    try {
      reap = becomeSubreaper(l.koffi);
      held.subreaper = true;
    } catch (err) {
      held.subreaperProblem = err.message;
    }
  }
  try {
    for (const g of l.cgroups) fs.writeFileSync(g.enter, String(process.pid));
  } catch (err) {
    leaveCgroups();
    return failed(err);
  }
  try {
    boss = spawn(l.node, l.args, { cwd: l.cwd, env: l.env, detached: l.detached, stdio: ['ignore', 1, 2], windowsHide: true });
  } catch (err) {
    leaveCgroups();
    return failed(err);
  }
  leaveCgroups();
  letGoOfOutput();
  boss.once('error', (err) => {
    if (boss.pid === undefined) failed(err);
  });
  if (boss.pid === undefined) return;
  boss.once('exit', (code, signal) => {
    bossExited = true;
    say({ exit: { code, signal } });
  });
  say({ boss: boss.pid, ...held });
  if (reap) setInterval(reapAdopted, 200).unref();
}

function failed(err) {
  letGoOfOutput();
  say({ error: { code: typeof err.code === 'string' ? err.code : 'ERR_OBRA_KEEPER', message: String(err.message) } });
}

function leaveCgroups() {
  for (const g of launch.cgroups) {
    try {
      fs.writeFileSync(g.leave, String(process.pid));
    } catch {
      // Still inside: the lab ends the cgroup only after the boss is gone, and then sends done.
    }
  }
}

/** Close fds 1 and 2 (kept on /dev/null, so nothing later opened takes their numbers). */
function letGoOfOutput() {
  for (const fd of [1, 2]) {
    try {
      fs.closeSync(fd);
    } catch {
      // Already closed.
    }
  }
  try {
    const nul = process.platform === 'win32' ? '\\\\.\\NUL' : '/dev/null';
    fs.openSync(nul, 'w');
    fs.openSync(nul, 'w');
  } catch {
    // Nothing writes to them.
  }
}

function becomeSubreaper(koffiPath) {
  if (process.platform !== 'linux') throw new Error('child subreapers are a Linux feature');
  if (!koffiPath) throw new Error('koffi is not installed');
  const koffi = require(koffiPath);
  const libc = koffi.load('libc.so.6');
  const prctl = libc.func('int prctl(int, unsigned long, unsigned long, unsigned long, unsigned long)');
  if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) !== 0) throw new Error('prctl(PR_SET_CHILD_SUBREAPER) was refused');
  const waitpid = libc.func('int waitpid(int, int *, int)');
  return (pid) => waitpid(pid, null, WNOHANG);
}

/** The keeper's children other than the boss: processes of the run it adopted. */
function adopted() {
  const out = [];
  let tids = [];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const tid of tids) {
    let text = '';
    try {
      text = fs.readFileSync(`/proc/self/task/${tid}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const s of text.split(' ')) if (s && Number(s) !== boss?.pid) out.push(Number(s));
  }
  return out;
}

/** Adopted processes that ended are reaped here: libuv waits only for the boss. */
function reapAdopted() {
  for (const pid of adopted()) {
    let stat = '';
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z') reap(pid);
  }
}

function finish() {
  done = true;
  process.exit(0);
}

/** The lab is gone without saying done: end whatever is left of the run, remove its folder, exit. */
function abandon() {
  done = true;
  const kill = (target) => {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // Gone already.
    }
  };
  for (let round = 0; round < 50; round++) {
    for (const g of launch?.cgroups ?? []) killCgroup(g);
    // POSIX: the boss's group, which outlives the boss while any member lives.
    if (boss?.pid && process.platform !== 'win32') kill(-boss.pid);
    else if (boss?.pid && !bossExited) kill(boss.pid);
    const left = reap ? adopted() : [];
    for (const pid of left) kill(pid);
    if (reap) for (const pid of left) reap(pid);
    if (!left.length && !(launch?.cgroups ?? []).some((g) => members(g).length)) break;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  for (const g of launch?.cgroups ?? []) {
    try {
      fs.rmdirSync(g.dir);
    } catch {
      // Not empty yet, or removed by the lab.
    }
  }
  if (launch?.dir) fs.rmSync(launch.dir, { recursive: true, force: true });
  process.exit(0);
}

function members(g) {
  try {
    return fs.readFileSync(g.procs, 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function killCgroup(g) {
  if (g.kill) {
    try {
      fs.writeFileSync(g.kill, '1');
      return;
    } catch {
      // Fall through to one by one.
    }
  }
  for (const pid of members(g)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}
