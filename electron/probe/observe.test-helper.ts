/**
 * Test harness for the probe: runs a fixture script as a boss under the probe (or bare),
 * with a real report channel, and returns what the probe reported and what the boss printed.
 * Independent of the lab on purpose: it uses only the report channel.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabEvent } from '../../shared/events';
import { createReportChannel } from '../lab/report-channel';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PROBE = path.join(here, 'index.cjs');

export function fixture(name: string): string {
  return path.resolve(here, '../../tests/fixtures/probe', name);
}

export interface ObserveOptions {
  args?: string[];
  /** false: run bare, as the program would run without Obra. */
  probe?: boolean;
  /** NODE_OPTIONS for the boss (default: `--require <probe>` when observed, none when bare). */
  nodeOptions?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface Observation {
  records: LabEvent[];
  badLines: string[];
  stdout: Buffer;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  pid: number;
}

export async function observe(script: string, opts: ObserveOptions = {}): Promise<Observation> {
  const observed = opts.probe ?? true;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-probe-'));
  const runId = `test-${process.pid}-${path.basename(dir)}`;
  const channel = observed ? await createReportChannel(dir, runId) : null;
  const records: LabEvent[] = [];
  const badLines: string[] = [];
  let lastRecordAt = Date.now();
  channel?.onRecord((r) => {
    records.push(r as LabEvent);
    lastRecordAt = Date.now();
  });
  channel?.onBadLine((l) => badLines.push(l));

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['NODE_OPTIONS', 'OBRA_REPORT', 'OBRA_T0', 'OBRA_RUN']) delete env[key];
  Object.assign(env, opts.env);
  if (channel) {
    env.NODE_OPTIONS = opts.nodeOptions ?? `--require ${PROBE}`;
    env.OBRA_REPORT = channel.address;
    env.OBRA_T0 = process.hrtime.bigint().toString();
    env.OBRA_RUN = runId;
  }
  const boss = spawn(process.execPath, [script, ...(opts.args ?? [])], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  let stderr = '';
  boss.stdout.on('data', (c: Buffer) => out.push(c));
  boss.stderr.on('data', (c: Buffer) => (stderr += c));
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    const timer = setTimeout(() => {
      boss.kill('SIGKILL');
      reject(new Error(`${path.basename(script)} still running after ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    boss.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
  if (channel) {
    // Every record was written before its writer exited; let the reader catch up.
    while (Date.now() - lastRecordAt < 40) await new Promise((r) => setTimeout(r, 10));
    await channel.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { records, badLines, stdout: Buffer.concat(out), stderr, ...ended, pid: boss.pid ?? -1 };
}

/** The event type(s) whose `type` may be T (OutputEvent for 'stdout', ExitEvent for 'close'…). */
type Of<T extends LabEvent['type']> = LabEvent extends infer E ? (E extends LabEvent ? (T extends E['type'] ? E : never) : never) : never;

export function ofType<T extends LabEvent['type']>(records: readonly LabEvent[], type: T): Of<T>[] {
  return records.filter((r) => r.type === type) as Of<T>[];
}

/** The records of one child (call, spawn, output, exit…), in the order they were reported. */
export function ofChild(records: readonly LabEvent[], childId: string): LabEvent[] {
  return records.filter((r) => 'childId' in r && r.childId === childId);
}

/** The call records made from `file` (basename), in order. */
export function callsFrom(records: readonly LabEvent[], file: string): Of<'call'>[] {
  return ofType(records, 'call').filter((c) => c.source && path.basename(c.source.file) === file);
}

/** The boss's stdout lines, parsed as JSON where they are. */
export function jsonLines(stdout: Buffer): unknown[] {
  return stdout
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}
