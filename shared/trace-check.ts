/**
 * What Perfetto needs from a trace, checked: every process named, every X
 * slice with a duration, slices on one thread nested, each flow id used by
 * exactly one flow_out and one flow_in slice, never on an instant.
 * Returns the problems found (empty when the trace is sound).
 */
import type { ChromeTrace, TraceEvent } from './trace';

export function checkTrace(trace: ChromeTrace): string[] {
  const problems: string[] = [];
  if (!Array.isArray(trace.traceEvents)) return ['traceEvents is not an array'];
  const named = new Set<number>();
  const usedPids = new Set<number>();
  const flows = new Map<number, { out: number; in: number }>();
  const slicesByTid = new Map<string, TraceEvent[]>();

  for (const e of trace.traceEvents) {
    if (e.ph === 'M') {
      if (e.name === 'process_name' && typeof e.args?.name === 'string' && e.args.name !== '') named.add(e.pid);
      continue;
    }
    if (e.s !== 'g') usedPids.add(e.pid);
    if (typeof e.ts !== 'number' || !Number.isFinite(e.ts)) problems.push(`${e.ph} "${e.name}" has no ts`);
    if (e.ph === 'X') {
      if (typeof e.dur !== 'number' || !(e.dur >= 0)) problems.push(`X "${e.name}" at ${e.ts} has no dur`);
      const key = `${e.pid}/${e.tid}`;
      let list = slicesByTid.get(key);
      if (!list) slicesByTid.set(key, (list = []));
      list.push(e);
    }
    if (e.bind_id !== undefined) {
      if (e.ph !== 'X') problems.push(`flow ${e.bind_id} is on a "${e.ph}" event, not a slice`);
      const flow = flows.get(e.bind_id) ?? { out: 0, in: 0 };
      if (e.flow_out) flow.out++;
      if (e.flow_in) flow.in++;
      flows.set(e.bind_id, flow);
    }
  }
  for (const pid of usedPids) if (!named.has(pid)) problems.push(`pid ${pid} has no process_name`);
  for (const [id, flow] of flows) {
    if (flow.out !== 1 || flow.in !== 1) problems.push(`flow ${id} has ${flow.out} flow_out and ${flow.in} flow_in slices (want 1 and 1)`);
  }
  for (const [key, slices] of slicesByTid) {
    const problem = nestingProblem(slices);
    if (problem) problems.push(`thread ${key}: ${problem}`);
  }
  return problems;
}

/** Slices on one thread must nest: each starts after the enclosing one and ends before it does. */
function nestingProblem(slices: TraceEvent[]): string | null {
  const sorted = [...slices].sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!);
  const open: TraceEvent[] = [];
  const end = (e: TraceEvent) => e.ts! + e.dur!;
  for (const slice of sorted) {
    while (open.length && end(open[open.length - 1]) <= slice.ts!) open.pop();
    const parent = open[open.length - 1];
    if (parent && end(slice) > end(parent)) {
      return `"${slice.name}" [${slice.ts}, ${end(slice)}] overlaps "${parent.name}" [${parent.ts}, ${end(parent)}]`;
    }
    open.push(slice);
  }
  return null;
}
