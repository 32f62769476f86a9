/**
 * What OS sampling adds to the stage: processes no probe reports (the `/bin/sh`
 * of exec, the `find` under it), and CPU / memory / event-loop samples.
 */
import type { OsProcessEvent, SampleEvent } from '../../shared/events';
import { osCommandLine } from '../../shared/process-names';
import { isProbeSample } from '../../shared/sample-figures';
import { BOSS_KEY, type StageProcess, type StageState } from './model-types';
import { adoptUnplaced, newProcess } from './model-process';

/** The key of the process with this pid: 'boss', a child's key, or null. */
export function keyOfPid(state: StageState, pid: number): string | null {
  if (pid === state.boss.pid) return BOSS_KEY;
  return state.byPid.get(pid) ?? null;
}

/** The non-boss process with this pid, if any. */
export function processOf(state: StageState, pid: number): StageProcess | null {
  const key = state.byPid.get(pid);
  return key === undefined ? null : (state.processes.get(key) ?? null);
}

export function applyOsProcess(state: StageState, e: OsProcessEvent): void {
  if (e.pid === null || e.pid === state.boss.pid) return;
  const line = osCommandLine(e.argv, e.command);
  const known = processOf(state, e.pid);
  if (known) {
    if (e.state === 'seen') {
      known.osCommand = line;
      // Seen again after exec: the program it became.
      const program = e.argv[0] ?? e.command;
      if (known.kind === 'os') [known.command, known.args] = [program, e.argv.slice(1)];
      // The shell a worker brought, by the name the OS gives it: /bin/sh, not just ">_".
      if (known.viaShell) known.shell = program;
    }
    else known.goneAt = e.t;
    return;
  }
  if (e.state === 'gone') return;
  const p = newProcess(state, `os:${e.pid}`, e.t, 'os');
  p.pid = e.pid;
  p.parentPid = e.ppid;
  p.command = e.argv.length > 0 ? e.argv[0] : e.command;
  p.args = e.argv.slice(1);
  p.osCommand = line;
  p.spawnedAt = e.t;
  state.byPid.set(e.pid, p.key);
  adoptUnplaced(state, p, e.pid);
}

export function applySample(state: StageState, e: SampleEvent): void {
  if (e.pid === null) return;
  // CPU and RSS: the OS's where it sampled the process, else the probe's (shared/sample-figures.ts).
  // Both rules give the same state whatever order samples are applied in.
  const fromOs = !isProbeSample(e) && (e.cpu !== undefined || e.rss !== undefined);
  const firstFromOs = fromOs && !state.osSampled.has(e.pid);
  if (fromOs) state.osSampled.add(e.pid);
  const target = e.pid === state.boss.pid ? state.boss : processOf(state, e.pid);
  if (!target) return;
  if (firstFromOs) {
    // Whatever the probe said gives way, newer or not.
    target.cpu = null;
    target.cpuAt = null;
  }
  const counts = fromOs || !state.osSampled.has(e.pid);
  // Keep the newest sample.
  const newest = counts && (target.cpuAt === null || e.t >= target.cpuAt);
  if (e.rss !== undefined && newest) target.rss = e.rss;
  if (e.cpu !== undefined && newest) {
    target.cpu = e.cpu;
    target.cpuAt = e.t;
  }
  if (e.elu !== undefined && (target.eluAt === null || e.t >= target.eluAt)) {
    target.elu = e.elu;
    target.eluAt = e.t;
  }
}
