/**
 * One run's event log as the lab keeps it, and the memory bounds around it
 * (the page keeps its own copy with the views' indexes: renderer/model/runLog.ts).
 *
 * Order: events from different processes arrive in any order (each process
 * flushes its own records). Events wait in `pending` for the next batch; a
 * batch is stably sorted by `t` before it is appended, so the log is in
 * arrival order between batches and in time order within one. An event can
 * therefore have a `t` a little earlier than the last events of the previous
 * batch (a record that sat in a probe's buffer): consumers order by `t`, never
 * by index, when time matters. `run-start` (t = 0) is first, `run-end` last.
 *
 * Rate: past `maxEventsPerSecond` (counted per 100 ms window), stdout/stderr
 * and message events are coalesced further, per writer/channel, into one
 * event per batch with exact `count` and `bytes` (messages: contiguous
 * `firstSeq`..`lastSeq`); callbacks (`task`), per thread and kind, into one
 * with exact `count` and total `dur`, and the `span` they cover. Size: past `maxEvents` the log takes nothing but
 * the run's ending, and `onFull` is called once (the run reports
 * ERR_OBRA_EVENT_LIMIT and stops). Nothing is dropped silently.
 *
 * Memory: `bytes` estimates what the kept events take in the heap (measured
 * at about 130 bytes for an event with a short preview, plus its strings),
 * so the lab can bound what it keeps of ended runs.
 */
import type { LabEvent, IpcMessageEvent, OutputEvent, TaskEvent } from '../../shared/events';
import { messageChannelKey } from '../../shared/message-channel';

export interface BoundedRunLogLimits {
  maxEvents: number;
  maxEventsPerSecond: number;
}

const WINDOW_MS = 100;
/** Heap bytes of an event beyond its strings (JSON-parsed events of every type measured ~130 B). */
const EVENT_BYTES = 130;

/** What one event takes in the heap, roughly: its object and its strings (2 bytes a character, to be safe). */
function eventBytes(e: LabEvent): number {
  let chars = 0;
  if ('preview' in e) chars += e.preview.length;
  if (e.type === 'call') chars += e.command.length + e.args.reduce((n, a) => n + a.length + 16, 0);
  else if (e.type === 'os-process') chars += e.command.length + e.argv.reduce((n, a) => n + a.length + 16, 0);
  else if (e.type === 'error' || e.type === 'run-end') chars += e.message?.length ?? 0;
  else if (e.type === 'run-start') chars += e.script.length + e.cwd.length + e.argv.reduce((n, a) => n + a.length + 16, 0);
  return EVENT_BYTES + 2 * chars;
}

export class BoundedRunLog {
  readonly events: LabEvent[] = [];
  private pending: LabEvent[] = [];
  private readonly merging = new Map<string, OutputEvent | IpcMessageEvent>();
  private readonly mergingTasks = new Map<string, TaskEvent>();
  private windowStart = 0;
  private windowCount = 0;
  private full = false;
  /** Events refused after the log was full. */
  dropped = 0;
  /** Events folded into others by coalescing. */
  coalesced = 0;
  /** What the events in the log take in memory, estimated (eventBytes). */
  bytes = 0;

  constructor(
    private readonly limits: BoundedRunLogLimits,
    private readonly onFull: () => void,
  ) {}

  get size(): number {
    return this.events.length + this.pending.length + this.merging.size + this.mergingTasks.size;
  }

  /** Add an event. `essential` ones (the run's own ending) pass even a full log. */
  add(e: LabEvent, essential = false): void {
    if (!essential && this.full) {
      this.dropped += 'count' in e && typeof e.count === 'number' ? e.count : 1;
      return;
    }
    if (!essential && this.size >= this.limits.maxEvents) {
      this.full = true;
      this.dropped++;
      this.onFull();
      return;
    }
    const overRate = this.overRate();
    if (overRate && (e.type === 'stdout' || e.type === 'stderr' || e.type === 'message')) {
      this.merge(e);
      return;
    }
    if (overRate && e.type === 'task') {
      this.mergeTask(e);
      return;
    }
    this.windowCount++;
    this.pending.push(e);
  }

  /** The events gathered since the last batch, in `t` order, now appended to the log. */
  takeBatch(): LabEvent[] {
    this.flushMerged();
    const batch = this.pending;
    if (!batch.length) return batch;
    this.pending = [];
    batch.sort((a, b) => a.t - b.t); // stable: equal times keep arrival order
    for (const e of batch) {
      this.events.push(e);
      this.bytes += eventBytes(e);
    }
    return batch;
  }

  private overRate(): boolean {
    const now = performance.now();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.windowCount = 0;
    }
    return this.windowCount >= (this.limits.maxEventsPerSecond * WINDOW_MS) / 1000;
  }

  private merge(e: OutputEvent | IpcMessageEvent): void {
    const key = e.type === 'message' ? `m|${e.dir}|${messageChannelKey(e)}` : `${e.type}|${e.pid}|${e.childId}`;
    const into = this.merging.get(key);
    if (!into) {
      this.merging.set(key, { ...e, count: e.count ?? 1 });
      return;
    }
    if (into.type === 'message' && e.type === 'message') {
      const first = e.firstSeq ?? e.seq;
      if (first !== (into.lastSeq ?? into.seq) + 1) {
        // Not contiguous: keep the run so far as one event, start another.
        this.pending.push(this.withSeqRange(into));
        this.merging.set(key, { ...e, count: e.count ?? 1 });
        return;
      }
      into.firstSeq = into.firstSeq ?? into.seq;
      into.lastSeq = e.lastSeq ?? e.seq;
      into.seq = into.lastSeq;
    }
    into.bytes += e.bytes;
    into.count = (into.count ?? 1) + (e.count ?? 1);
    this.coalesced++;
  }

  /** A task joins the others of its thread and kind: exact count and total time, the span from the earliest start to the latest end. */
  private mergeTask(e: TaskEvent): void {
    const key = `${e.pid}|${e.threadId ?? 0}|${e.kind}`;
    const end = e.t + Math.max(e.dur, e.span ?? 0);
    const into = this.mergingTasks.get(key);
    if (!into) {
      const { label: _label, due: _due, source: _source, ...rest } = e;
      this.mergingTasks.set(key, { ...rest, count: e.count ?? 1, span: end - e.t });
      return;
    }
    const intoEnd = into.t + (into.span ?? into.dur);
    into.t = Math.min(into.t, e.t);
    into.span = Math.max(intoEnd, end) - into.t;
    into.dur += e.dur;
    into.count = (into.count ?? 1) + (e.count ?? 1);
    this.coalesced++;
  }

  private withSeqRange(e: OutputEvent | IpcMessageEvent): LabEvent {
    if (e.type === 'message') {
      e.firstSeq = e.firstSeq ?? e.seq;
      e.lastSeq = e.lastSeq ?? e.seq;
    }
    return e;
  }

  private flushMerged(): void {
    for (const e of this.merging.values()) this.pending.push(this.withSeqRange(e));
    this.merging.clear();
    for (const e of this.mergingTasks.values()) this.pending.push(e);
    this.mergingTasks.clear();
  }
}
