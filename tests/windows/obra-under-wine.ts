/**
 * `obra record` run whole by Windows Node under Wine (the built CLI, lab and
 * probe), its recording read back here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LabEvent, LogHeader, RunEndEvent } from '../../shared/events';
import { parseRecording } from '../../shared/ndjson';
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
    const { header, events } = parseRecording(fs.readFileSync(out, 'utf8'));
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

/** Every pid of the run: the boss, and every child the probe saw start. */
export function pidsOf(log: readonly LabEvent[]): number[] {
  return [...new Set(log.filter((e) => e.type === 'run-start' || e.type === 'spawn').map((e) => e.pid as number))].filter(Number.isInteger);
}

export function windowsPath(...parts: string[]): string {
  return winPath(path.join(ROOT, ...parts));
}
