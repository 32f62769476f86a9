/**
 * The process table read from Linux's /proc. Everything is synchronous and
 * small: a tree walk reads /proc/<pid>/task/<tid>/children (a few µs per
 * file) instead of scanning every /proc/<pid>/stat on the machine. Its
 * snapshot is /proc itself, read as the walk goes: no copy of the table.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { OsProcess, ProcessSnapshot, ProcessTable } from './process-table';

export function createProcProcessTable(): ProcessTable {
  const ticksPerSecond = getconf('CLK_TCK', 100);
  const pageBytes = getconf('PAGESIZE', 4096);
  const childrenFiles = fs.existsSync(`/proc/self/task/${process.pid}/children`);

  function read(pid: number): OsProcess | null {
    const stat = readText(`/proc/${pid}/stat`);
    if (stat === null) return null;
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses.
    const close = stat.lastIndexOf(')');
    const f = stat.slice(close + 2).split(' ');
    return {
      pid,
      command: stat.slice(stat.indexOf('(') + 1, close),
      state: f[0],
      ppid: Number(f[1]),
      pgrp: Number(f[2]),
      cpuTicks: Number(f[11]) + Number(f[12]),
      startTicks: Number(f[19]),
      rssBytes: Number(f[21]) * pageBytes,
    };
  }

  function childrenOf(pid: number, allThreads: boolean): number[] {
    if (!childrenFiles) return allPids().filter((p) => read(p)?.ppid === pid);
    let tids: (string | number)[] = [pid];
    if (allThreads) {
      try {
        tids = fs.readdirSync(`/proc/${pid}/task`);
      } catch {
        return [];
      }
    }
    const out: number[] = [];
    for (const tid of tids) {
      const text = readText(`/proc/${pid}/task/${tid}/children`);
      if (!text) continue;
      for (const s of text.split(' ')) if (s) out.push(Number(s));
    }
    return out;
  }

  function argv(pid: number): string[] | null {
    const text = readText(`/proc/${pid}/cmdline`);
    if (text === null) return null;
    if (!text) return [];
    const parts = text.split('\0');
    if (parts[parts.length - 1] === '') parts.pop();
    return parts;
  }

  function allPids(): number[] {
    const out: number[] = [];
    for (const name of fs.readdirSync('/proc')) {
      const c = name.charCodeAt(0);
      if (c >= 48 && c <= 57) out.push(Number(name));
    }
    return out;
  }

  function environHas(pid: number, entry: Buffer): boolean | null {
    let env: Buffer;
    try {
      env = fs.readFileSync(`/proc/${pid}/environ`);
    } catch {
      return null;
    }
    for (let at = env.indexOf(entry); at !== -1; at = env.indexOf(entry, at + 1)) {
      const end = at + entry.length;
      if ((at === 0 || env[at - 1] === 0) && (end === env.length || env[end] === 0)) return true;
    }
    return false;
  }

  const live: ProcessSnapshot = { read, childrenOf, allPids };
  const ready = Promise.resolve(live);
  async function argvs(pids: readonly number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    for (const pid of pids) {
      const a = argv(pid);
      if (a) out.set(pid, a);
    }
    return out;
  }
  return { source: 'proc', ticksPerSecond, snapshot: () => ready, snapshotSync: () => live, argvs, environHas };
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function getconf(name: string, fallback: number): number {
  try {
    const n = Number(execFileSync('getconf', [name], { encoding: 'utf8', timeout: 2000 }).trim());
    return Number.isFinite(n) && n > 0 ? n : fallback;
  } catch {
    return fallback;
  }
}
