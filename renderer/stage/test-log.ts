/**
 * Small hand-built logs for the stage's unit tests, shaped like what the lab
 * records (orders and codes from docs/child-process-facts.md). Test-only: the
 * product never draws a canned log.
 */
import type { CallOptions, ChildApi, LabEvent } from '../../shared/events';

export const BOSS = 1000;
const MS = 1000;

export class LogBuilder {
  readonly log: LabEvent[] = [];
  private n = 0;

  constructor(bossPid = BOSS) {
    this.log.push({
      type: 'run-start', t: 0, pid: bossPid, runId: 'r1', script: '/demos/boss.js', argv: [], cwd: '/',
      node: 'v20.20.2', platform: 'linux', cpus: 2, sampleIntervalMs: 50,
    });
  }

  call(ms: number, api: ChildApi, command: string, args: string[] = [], options: CallOptions = {}, from = BOSS): string {
    const childId = `${from}:${++this.n}`;
    this.log.push({ type: 'call', t: ms * MS, pid: from, api, childId, command, args, options, source: null });
    return childId;
  }

  spawn(ms: number, childId: string, pid: number, ppid = BOSS): this {
    this.log.push({ type: 'spawn', t: ms * MS, pid, childId, ppid });
    return this;
  }

  out(ms: number, childId: string, pid: number, bytes: number, stream: 'stdout' | 'stderr' = 'stdout', count?: number): this {
    this.log.push({ type: stream, t: ms * MS, pid, childId, bytes, preview: '', ...(count ? { count } : {}) });
    return this;
  }

  exit(ms: number, childId: string, pid: number | null, code: number | null, signal: string | null = null, type: 'exit' | 'close' = 'exit'): this {
    this.log.push({ type, t: ms * MS, pid, childId, code, signal });
    return this;
  }

  callback(ms: number, childId: string, api: ChildApi, stdoutBytes: number, error: { code: number | string | null; signal?: string | null; killed?: boolean } | null = null): this {
    this.log.push({
      type: 'callback', t: ms * MS, pid: BOSS, childId, api, stdoutBytes, stderrBytes: 0,
      error: error ? { code: error.code, signal: error.signal ?? null, killed: error.killed ?? false, message: 'failed' } : null,
    });
    return this;
  }

  error(ms: number, childId: string, pid: number | null, code: string): this {
    this.log.push({ type: 'error', t: ms * MS, pid, where: 'child', childId, name: 'Error', code, message: `spawn x ${code}` });
    return this;
  }

  os(ms: number, pid: number, ppid: number, argv: string[], state: 'seen' | 'gone' = 'seen'): this {
    this.log.push({ type: 'os-process', t: ms * MS, pid, ppid, command: argv[0], argv, state });
    return this;
  }

  message(ms: number, dir: 'send' | 'recv', from: number, to: number, seq: number, count?: number): this {
    this.log.push({ type: 'message', t: ms * MS, pid: dir === 'send' ? from : to, dir, from, to, seq, bytes: 20, preview: '{}', ...(count ? { count } : {}) });
    return this;
  }

  /** process.kill(target, signal) from the boss. */
  kill(ms: number, target: number, signal = 'SIGTERM', code: string | null = null): this {
    this.log.push({ type: 'kill', t: ms * MS, pid: BOSS, target, signal, code, source: null });
    return this;
  }

  sample(ms: number, pid: number, s: { cpu?: number; elu?: number; rss?: number; interval?: number }): this {
    this.log.push({ type: 'sample', t: ms * MS, pid, ...s });
    return this;
  }

  /** The event-loop demo's callbacks: the main script, a 1.5 s sum in a 500 ms timer, a 100 ms timer due during it and run right after. */
  blockedLoop(): this {
    this.log.push(
      { type: 'task', t: 5 * MS, pid: BOSS, kind: 'other', dur: 20 * MS, label: 'main' },
      { type: 'task', t: 500 * MS, pid: BOSS, kind: 'timer', dur: 1500 * MS, due: 500 * MS, label: 'setTimeout 500 ms' },
      { type: 'task', t: 2001 * MS, pid: BOSS, kind: 'timer', dur: 300, due: 600 * MS, label: 'setTimeout 100 ms' },
    );
    return this;
  }

  bossExit(ms: number, code: number | null, signal: string | null = null): this {
    this.log.push({ type: 'exit', t: ms * MS, pid: BOSS, childId: 'boss', code, signal });
    this.log.push({ type: 'run-end', t: ms * MS, pid: BOSS, reason: 'exit', code, signal });
    return this;
  }
}

export const ms = (n: number): number => n * MS;
