/**
 * `obra record` run whole by Windows Node under Wine (the built CLI, lab and
 * probe), its recording read back here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { LabEvent, LogHeader, RunEndEvent } from '../../shared/events';
import { readRecording } from '../../shared/recording';
import { type Figures, countedFigures, isProbeSample, osSampledPids } from '../../shared/sample-figures';
import { type WineNode, type WineResult, runNodeExe, winPath } from './wine-node';

const ROOT = path.resolve(__dirname, '..', '..');

export interface WineRecording {
  header: LogHeader;
  log: LabEvent[];
  end: RunEndEvent;
  /** The CLI's own run: exit code, what it printed, how long it took. */
  cli: WineResult;
}

/** `obra record <target> …options` under Windows Node; throws with the CLI's output if it wrote no recording. */
export async function recordUnderWine(wine: WineNode, target: string, options: string[] = []): Promise<WineRecording> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-wine-record-'));
  const out = path.join(dir, 'run.ndjson');
  try {
    const cli = await runNodeExe(wine, [winPath(path.join(ROOT, 'bin', 'obra.cjs')), 'record', target, '--out', winPath(out), ...options], { cwd: ROOT });
    if (!fs.existsSync(out)) throw new Error(`obra record ${target} wrote no recording (exit ${cli.code}):\n${cli.stderr}\n${cli.stdout}`);
    const { header, events } = readRecording(fs.readFileSync(out, 'utf8'));
    const end = events[events.length - 1];
    if (end?.type !== 'run-end') throw new Error(`the recording of ${target} does not end with run-end`);
    return { header, log: events, end, cli };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Of these Windows pids, those still running, asked of Windows itself. */
export async function stillRunning(wine: WineNode, pids: number[]): Promise<number[]> {
  const run = await runNodeExe(wine, [winPath(path.join(__dirname, 'fixtures', 'running.cjs')), ...pids.map(String)]);
  return JSON.parse(run.stdout) as number[];
}

/** Every pid of the run: the boss, every child the probe saw start, every process the OS table saw in the run. */
export function pidsOf(log: readonly LabEvent[]): number[] {
  return [...new Set(log.filter((e) => e.type === 'run-start' || e.type === 'spawn' || e.type === 'os-process').map((e) => e.pid as number))].filter(Number.isInteger);
}

export function windowsPath(...parts: string[]): string {
  return winPath(path.join(ROOT, ...parts));
}

/**
 * A process's CPU and RSS figures in the recording: from its probe (inside a Node process),
 * from the OS table, and those that count by the rule the app follows (shared/sample-figures.ts).
 */
export function figuresOf(log: readonly LabEvent[], pid: number): { probe: Figures[]; os: Figures[]; counted: Figures[] } {
  const samples = log.filter((e) => e.type === 'sample' && e.pid === pid) as Extract<LabEvent, { type: 'sample' }>[];
  const figures = (e: { cpu?: number; rss?: number }): Figures => ({ cpu: e.cpu, rss: e.rss });
  const osSampled = osSampledPids(log);
  return {
    probe: samples.filter((e) => isProbeSample(e)).map(figures),
    os: samples.filter((e) => !isProbeSample(e)).map(figures),
    counted: samples.map((e) => countedFigures(e, osSampled)).filter((f) => f.cpu !== undefined || f.rss !== undefined),
  };
}

/** Whether the probe in this Node process reported CPU and RSS of its own. */
export function hasProbeFigures(log: readonly LabEvent[], pid: number): boolean {
  const { probe } = figuresOf(log, pid);
  return probe.some((f) => f.cpu !== undefined) && probe.some((f) => (f.rss ?? 0) > 0);
}

/** The boss and every node.exe the probe saw start. */
export function nodePids(log: readonly LabEvent[]): number[] {
  const nodes = log.filter((e) => e.type === 'spawn' && e.pid !== null && /(^|\\)node\.exe$/i.test(e.file ?? ''));
  return [...new Set([...log.filter((e) => e.type === 'run-start'), ...nodes].map((e) => e.pid as number))];
}

/** For every Node process the OS sampled, its figures that count are the OS's (its probe's are left out). */
export function expectOsFiguresCount(log: readonly LabEvent[]): void {
  for (const pid of nodePids(log)) {
    const { os, counted } = figuresOf(log, pid);
    if (os.length) expect(counted, `node.exe ${pid}: the OS's figures, not the probe's`).toEqual(os);
  }
}
