/**
 * The process table read from `ps`: macOS, which has no /proc. The same
 * arguments and parser work with Linux's procps `ps`, which is how they are
 * tested (against /proc).
 *
 * Cost: a `ps` is a process spawn, so a poll runs one `ps -A` for the whole
 * table, asynchronously (the lab's event loop is held only for the spawn),
 * and never two at once; the argv of new processes comes from one more `ps
 * -p` for all of them; environments (to find processes of the run that left
 * the tree) from one more, every few polls, for the pids not yet looked at.
 * Stopping a tree and the lab's exit read the table blocking.
 */
import { execFile, execFileSync } from 'node:child_process';
import type { OsProcess, ProcessTable } from './process-table';
import { snapshotOf } from './os-sampler-snapshot';

/** CPU time comes in hundredths of a second (macOS); procps gives whole seconds. */
const TICKS_PER_SECOND = 100;
const PS_TIMEOUT_MS = 5000;
const PS_MAX_BYTES = 32 * 1024 * 1024;
/** Plain ASCII output: month names and number formats that parse the same everywhere. */
const PS_ENV = { ...process.env, LC_ALL: 'C', LANG: 'C' };

/** One line per process; `comm` last because it may hold spaces. */
export const PS_TABLE_ARGS = ['-A', '-ww', '-o', 'pid=,ppid=,pgid=,stat=,time=,rss=,lstart=,comm='];

export function psArgvArgs(pids: readonly number[]): string[] {
  return ['-ww', '-o', 'pid=,args=', '-p', pids.join(',')];
}

/**
 * argv and the initial environment after it: macOS `ps -E`, procps' BSD
 * modifier `e`. Only this user's processes show an environment.
 */
export function psEnvironArgs(pids: readonly number[], platform: NodeJS.Platform = process.platform): string[] {
  return [platform === 'darwin' ? '-E' : 'e', '-ww', '-o', 'pid=,args=', '-p', pids.join(',')];
}

export function createPsProcessTable(ps = 'ps'): ProcessTable {
  return {
    source: 'ps',
    ticksPerSecond: TICKS_PER_SECOND,
    snapshot: async () => snapshotOf(parsePsTable(await run(ps, PS_TABLE_ARGS))),
    snapshotSync: () => snapshotOf(parsePsTable(execFileSync(ps, PS_TABLE_ARGS, { encoding: 'utf8', env: PS_ENV, timeout: PS_TIMEOUT_MS, maxBuffer: PS_MAX_BYTES }))),
    argvs: async (pids) => (pids.length ? parsePsArgs(await run(ps, psArgvArgs(pids))) : new Map()),
    environsHave: async (pids, entry) => (pids.length ? parsePsEnvirons(await run(ps, psEnvironArgs(pids)), entry) : new Map()),
  };
}

/** Per pid of `ps e -o pid=,args=` output: whether `entry` (NAME=value, no spaces) stands as a word after the command. */
export function parsePsEnvirons(text: string, entry: string): Map<number, boolean> {
  const out = new Map<number, boolean>();
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)(?: (.*))?$/.exec(line);
    if (m) out.set(Number(m[1]), ` ${m[2] ?? ''} `.includes(` ${entry} `));
  }
  return out;
}

/** stdout of `ps`; exit code 1 with output is `-p` naming a pid that is gone, not a failure. */
function run(ps: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(ps, args, { encoding: 'utf8', env: PS_ENV, timeout: PS_TIMEOUT_MS, maxBuffer: PS_MAX_BYTES }, (err, stdout) => {
      if (err && !(err.code === 1 && args.includes('-p'))) reject(err);
      else resolve(stdout);
    });
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
//                  pid     ppid    pgid    stat    time    rss          lstart: Mon  Dec    7      00:25:38                  2026       comm
const LINE = /^\s*(\d+)\s+(\d+)\s+(-?\d+)\s+(\S+)\s+(\S+)\s+(\d+)\s+\w{3}\s+(\w{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})(?:\s(.*))?$/;

/** The lines of `ps -o pid=,ppid=,pgid=,stat=,time=,rss=,lstart=,comm=`; a line that does not parse is skipped. */
export function parsePsTable(text: string): OsProcess[] {
  const out: OsProcess[] = [];
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const month = MONTHS.indexOf(m[7]);
    // lstart is local time to the second: read as if UTC it still orders processes and tells them apart.
    const start = Date.UTC(Number(m[12]), month, Number(m[8]), Number(m[9]), Number(m[10]), Number(m[11])) / 1000;
    out.push({
      pid: Number(m[1]),
      ppid: Number(m[2]),
      pgrp: Number(m[3]),
      state: m[4][0],
      cpuTicks: Math.round(cpuSeconds(m[5]) * TICKS_PER_SECOND),
      rssBytes: Number(m[6]) * 1024,
      startTicks: start,
      command: commandName((m[13] ?? '').trim()),
    });
  }
  return out;
}

/** `ps` time: procps `[DD-]HH:MM:SS`, macOS `MM:SS.cc` (minutes past 59 too). */
export function cpuSeconds(time: string): number {
  const dash = time.indexOf('-');
  const days = dash === -1 ? 0 : Number(time.slice(0, dash));
  const clock = time.slice(dash + 1).split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  return days * 86400 + clock;
}

/** macOS `comm` is the executable's path; procps gives the kernel's short name (which may hold a '/': `kworker/0:1`). */
function commandName(comm: string): string {
  return comm.startsWith('/') ? comm.slice(comm.lastIndexOf('/') + 1) : comm;
}

/**
 * The lines of `ps -o pid=,args=`. `ps` joins argv with spaces, so an
 * argument that holds a space comes back as two: the argv shown on macOS is
 * the command line as `ps` prints it.
 */
export function parsePsArgs(text: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)(?: (.*))?$/.exec(line);
    if (m) out.set(Number(m[1]), (m[2] ?? '').split(' ').filter((a) => a !== ''));
  }
  return out;
}
