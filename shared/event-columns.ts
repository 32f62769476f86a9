/**
 * A batch of checked events in columns, so the side that shows them builds
 * each event without parsing its text again: the side that read and checked
 * the lines (a worker) writes their numbers to a Float64Array and their texts
 * to a list, by shape; the other side (the page) builds each event with one
 * object literal. JSON.parse of the batch's text on the page was a fifth of a
 * 10M-event open; building from columns costs a quarter of that.
 *
 * Only events whose keys are exactly, and in the order of, one of the SHAPES
 * below — what the lab writes for messages, output and callbacks, nearly all
 * of a large recording — go to columns; any other event (a sample, a spawn, a
 * message between threads, a field in another order) goes as its own line of
 * JSON, parsed on the other side. Either way the event built is the one the
 * line holds, key for key and value for value, in the order of the lines.
 *
 * Repeated texts are shared as they are written: a call's id, a callback's
 * label and kind, a message's direction, and places (`source`) go to a table
 * both sides grow in step (a reference to it instead of the text); a
 * message's preview is the one its send had (by sequence number), an output's
 * the last one of its length, when equal. So equal texts are one string on the
 * page, as JSON.parse would have made a copy each.
 *
 * Pure (no Node or DOM imports).
 */
import type { IpcMessageEvent, LabEvent, OutputEvent, SourceLocation, TaskEvent } from './events';

/** How a batch's events are laid out: shape per event, numbers, text references, fresh texts, other events' lines. */
export interface EventColumns {
  /** How many events. */
  events: number;
  /** Per event, its shape (SHAPES' index + 1), or 0: the next line of `json`. */
  shapes: Uint8Array;
  /** The shaped events' numbers, in their order. */
  numbers: Float64Array;
  /** The shaped events' texts and places: a table index (≥ 0) or one of NEW, ONCE, SLOT. */
  refs: Int32Array;
  /** The texts not in the table, in the order the refs take them. */
  texts: string[];
  /** The other events' lines, as one JSON array text. */
  json: string;
  /** The tables start again with this batch (they are bounded). */
  reset: boolean;
}

/** A text (or place) given here and added to the table, at its end. */
const NEW = -1;
/** A text given here, not kept in the table. */
const ONCE = -2;
/** A preview: the one in slot `SLOT - ref` (refs SLOT and below). */
const SLOT = -3;

/** Distinct texts and places in the tables at most; past this they start again. */
const MAX_SHARED = 1 << 14;
/** Slots for previews (a power of two). */
const PREVIEW_SLOTS = 4096;

/** The shapes, by key order. Numbers of a shape are written in this order, texts too. */
const SHAPES = [
  ['type', 't', 'pid', 'dir', 'from', 'to', 'seq', 'bytes', 'preview'],
  ['type', 't', 'pid', 'dir', 'from', 'to', 'seq', 'bytes', 'preview', 'count', 'lastSeq', 'firstSeq'],
  ['type', 't', 'pid', 'childId', 'bytes', 'preview'],
  ['type', 't', 'pid', 'childId', 'bytes', 'preview', 'count'],
  ['type', 't', 'pid', 'kind', 'dur', 'label'],
  ['type', 't', 'pid', 'kind', 'dur', 'due', 'label', 'source'],
] as const;
const [MESSAGE, MESSAGE_RUN, OUTPUT, OUTPUT_RUN, TASK, TIMER] = [1, 2, 3, 4, 5, 6];
const PLACE_KEYS = ['file', 'line', 'column'] as const;

/** The object has exactly these keys, in this order. */
function keysAre(value: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in value) if (key !== keys[i++]) return false;
  return i === keys.length;
}

/** The shape of a checked event, or 0 when it is not one of SHAPES. */
function shapeOf(e: LabEvent): number {
  if (typeof e.pid !== 'number') return 0;
  switch (e.type) {
    case 'message':
      return keysAre(e, SHAPES[0]) ? MESSAGE : keysAre(e, SHAPES[1]) ? MESSAGE_RUN : 0;
    case 'stdout':
    case 'stderr':
      return keysAre(e, SHAPES[2]) ? OUTPUT : keysAre(e, SHAPES[3]) ? OUTPUT_RUN : 0;
    case 'task':
      if (keysAre(e, SHAPES[4])) return TASK;
      if (!keysAre(e, SHAPES[5])) return 0;
      return isPlace(e.source) ? TIMER : 0;
    default:
      return 0;
  }
}

function isPlace(source: SourceLocation | null | undefined): source is SourceLocation {
  return typeof source === 'object' && source !== null && keysAre(source, PLACE_KEYS) && typeof source.line === 'number' && typeof source.column === 'number';
}

/**
 * A number as JSON.parse gives it. A Float64Array gives every number as a
 * double, and a double stored in an event makes V8 box that field in every
 * event of its shape (a 10M-event log took twice the heap): an integer in
 * int32 range comes back as one (not -0, which stays a double, as in JSON).
 */
function num(value: number): number {
  const int = value | 0;
  return int === value && (int !== 0 || 1 / value > 0) ? int : value;
}

/** The writing side: checked events (with their lines) into batches of columns. */
export class ColumnsWriter {
  private texts = new Map<string, number>();
  private places = new Map<string, number>();
  private readonly previews: string[] = new Array<string>(PREVIEW_SLOTS).fill('');
  private reset = false;
  private count = 0;
  private shapes!: Uint8Array;
  private numbers!: Float64Array;
  private refs!: Int32Array;
  /** Columns the reading side gave back, to write again (see `recycle`). */
  private readonly spare: Array<Pick<EventColumns, 'shapes' | 'numbers' | 'refs'>> = [];
  private n = 0;
  private r = 0;
  private fresh: string[] = [];
  private lines: string[] = [];

  constructor(private readonly capacity: number) {
    this.newColumns();
  }

  /**
   * Columns of a batch that was read, to be written again: a large file's
   * batches would otherwise each leave half a megabyte of buffers behind, and
   * that much memory outside the heap makes V8 collect the page's whole heap
   * again and again.
   */
  recycle(columns: Pick<EventColumns, 'shapes' | 'numbers' | 'refs'>): void {
    const { shapes, numbers, refs } = columns;
    if (shapes.buffer.byteLength !== this.capacity || numbers.buffer.byteLength !== this.capacity * 9 * 8 || refs.buffer.byteLength !== this.capacity * 4 * 4) return;
    this.spare.push({ shapes: new Uint8Array(shapes.buffer), numbers: new Float64Array(numbers.buffer), refs: new Int32Array(refs.buffer) });
  }

  private newColumns(): void {
    const spare = this.spare.pop();
    this.shapes = spare?.shapes ?? new Uint8Array(this.capacity);
    // At most 9 numbers and 4 references an event (a message run; a timer).
    this.numbers = spare?.numbers ?? new Float64Array(this.capacity * 9);
    this.refs = spare?.refs ?? new Int32Array(this.capacity * 4);
  }

  /** Events in the batch being written. */
  get events(): number {
    return this.count;
  }

  /** One checked event, and its line as read (the JSON text it was parsed from, without a CR). */
  add(e: LabEvent, line: string): void {
    const shape = shapeOf(e);
    if (shape === 0) {
      this.begin(0);
      this.lines.push(line);
    } else if (shape === MESSAGE || shape === MESSAGE_RUN) {
      const m = e as IpcMessageEvent;
      const run = shape === MESSAGE_RUN;
      this.message(m.t, m.pid as number, m.dir, m.from, m.to, m.seq, m.bytes, m.preview, run ? (m.count as number) : -1, run ? (m.lastSeq as number) : 0, run ? (m.firstSeq as number) : 0);
    } else if (shape === OUTPUT || shape === OUTPUT_RUN) {
      const o = e as OutputEvent;
      this.output(o.type, o.t, o.pid as number, o.childId, o.bytes, o.preview, shape === OUTPUT_RUN ? (o.count as number) : -1);
    } else if (shape === TASK) {
      const k = e as TaskEvent;
      this.task(k.t, k.pid as number, k.kind, k.dur, k.label as string);
    } else {
      const k = e as TaskEvent;
      const place = k.source as SourceLocation;
      this.timer(k.t, k.pid as number, k.kind, k.dur, k.due as number, k.label as string, place.file, place.line, place.column);
    }
  }

  /*
   * One event of a shape, by its fields: a checked event of that shape, its
   * keys in the shape's order (`add`, or a reader that checked the line's
   * fields itself: shared/shaped-lines.ts). A count of -1: none (not a run).
   */

  message(t: number, pid: number, dir: string, from: number, to: number, seq: number, bytes: number, preview: string, count: number, lastSeq: number, firstSeq: number): void {
    this.begin(count < 0 ? MESSAGE : MESSAGE_RUN);
    const nums = this.numbers;
    let n = this.n;
    nums[n++] = t;
    nums[n++] = pid;
    nums[n++] = from;
    nums[n++] = to;
    nums[n++] = seq;
    nums[n++] = bytes;
    if (count >= 0) {
      nums[n++] = count;
      nums[n++] = lastSeq;
      nums[n++] = firstSeq;
    }
    this.n = n;
    this.text(dir);
    this.preview(preview, seq);
  }

  output(type: string, t: number, pid: number, childId: string, bytes: number, preview: string, count: number): void {
    this.begin(count < 0 ? OUTPUT : OUTPUT_RUN);
    const nums = this.numbers;
    nums[this.n++] = t;
    nums[this.n++] = pid;
    nums[this.n++] = bytes;
    if (count >= 0) nums[this.n++] = count;
    this.text(type);
    this.text(childId);
    this.preview(preview, preview.length);
  }

  task(t: number, pid: number, kind: string, dur: number, label: string): void {
    this.begin(TASK);
    this.taskFields(t, pid, kind, dur, label);
  }

  timer(t: number, pid: number, kind: string, dur: number, due: number, label: string, file: string, line: number, column: number): void {
    this.begin(TIMER);
    this.taskFields(t, pid, kind, dur, label);
    this.numbers[this.n++] = due;
    this.place(file, line, column);
  }

  private begin(shape: number): void {
    if (this.count >= this.capacity) throw new Error(`a batch of columns holds ${this.capacity} events`);
    this.shapes[this.count++] = shape;
  }

  private taskFields(t: number, pid: number, kind: string, dur: number, label: string): void {
    const nums = this.numbers;
    nums[this.n++] = t;
    nums[this.n++] = pid;
    nums[this.n++] = dur;
    this.text(kind);
    this.text(label);
  }

  /** The batch written so far (views of the whole columns, which go with it); the next starts empty, in other columns. */
  take(): EventColumns {
    const batch: EventColumns = {
      events: this.count,
      shapes: this.shapes.subarray(0, this.count),
      numbers: this.numbers.subarray(0, this.n),
      refs: this.refs.subarray(0, this.r),
      texts: this.fresh,
      json: `[${this.lines.join(',')}]`,
      reset: this.reset,
    };
    [this.count, this.n, this.r, this.fresh, this.lines, this.reset] = [0, 0, 0, [], [], false];
    this.newColumns();
    // Bounded tables: the next batch starts them again (both sides at once).
    if (this.texts.size >= MAX_SHARED || this.places.size >= MAX_SHARED) {
      [this.texts, this.places, this.reset] = [new Map(), new Map(), true];
    }
    return batch;
  }

  private text(value: string): void {
    const at = this.texts.get(value);
    if (at !== undefined) {
      this.refs[this.r++] = at;
      return;
    }
    this.texts.set(value, this.texts.size);
    this.refs[this.r++] = NEW;
    this.fresh.push(value);
  }

  private preview(value: string, slot: number): void {
    const at = slot & (PREVIEW_SLOTS - 1);
    if (this.previews[at] === value) {
      this.refs[this.r++] = SLOT - at;
      return;
    }
    this.previews[at] = value;
    this.refs[this.r++] = ONCE;
    this.fresh.push(value);
  }

  private place(file: string, line: number, column: number): void {
    const key = `${line}:${column}:${file}`;
    const at = this.places.get(key);
    if (at !== undefined) {
      this.refs[this.r++] = at;
      return;
    }
    this.places.set(key, this.places.size);
    this.refs[this.r++] = NEW;
    this.text(file);
    this.numbers[this.n++] = line;
    this.numbers[this.n++] = column;
  }
}

/** The reading side: batches of columns into events, the tables kept in step with the writer's. */
export class ColumnsReader {
  private texts: string[] = [];
  private places: SourceLocation[] = [];
  private readonly previews: string[] = new Array<string>(PREVIEW_SLOTS).fill('');
  private n = 0;
  private r = 0;
  private f = 0;
  private batch: EventColumns | null = null;

  /** The batch's events, in its order; `others` builds the events of its `json` (a JSON.parse, and whatever sharing the caller does). */
  read(batch: EventColumns, others: (json: string) => LabEvent[]): LabEvent[] {
    if (batch.reset) [this.texts, this.places] = [[], []];
    [this.n, this.r, this.f, this.batch] = [0, 0, 0, batch];
    const rest = batch.json === '[]' ? [] : others(batch.json);
    const out = new Array<LabEvent>(batch.events);
    const { shapes, numbers: x } = batch;
    let o = 0;
    for (let i = 0; i < batch.events; i++) {
      const shape = shapes[i];
      let n = this.n;
      let e: LabEvent;
      if (shape === 0) {
        e = rest[o++];
      } else if (shape === MESSAGE) {
        e = { type: 'message', t: num(x[n]), pid: num(x[n + 1]), dir: this.text() as 'send', from: num(x[n + 2]), to: num(x[n + 3]), seq: num(x[n + 4]), bytes: num(x[n + 5]), preview: this.preview(x[n + 4]) };
        n += 6;
      } else if (shape === MESSAGE_RUN) {
        e = {
          type: 'message', t: num(x[n]), pid: num(x[n + 1]), dir: this.text() as 'send', from: num(x[n + 2]), to: num(x[n + 3]), seq: num(x[n + 4]), bytes: num(x[n + 5]),
          preview: this.preview(x[n + 4]), count: num(x[n + 6]), lastSeq: num(x[n + 7]), firstSeq: num(x[n + 8]),
        };
        n += 9;
      } else if (shape === OUTPUT) {
        const type = this.text() as 'stdout';
        e = { type, t: num(x[n]), pid: num(x[n + 1]), childId: this.text(), bytes: num(x[n + 2]), preview: this.preview(-1) };
        n += 3;
      } else if (shape === OUTPUT_RUN) {
        const type = this.text() as 'stdout';
        e = { type, t: num(x[n]), pid: num(x[n + 1]), childId: this.text(), bytes: num(x[n + 2]), preview: this.preview(-1), count: num(x[n + 3]) };
        n += 4;
      } else if (shape === TASK) {
        e = { type: 'task', t: num(x[n]), pid: num(x[n + 1]), kind: this.text() as 'timer', dur: num(x[n + 2]), label: this.text() };
        n += 3;
      } else {
        const t = num(x[n]);
        const pid = num(x[n + 1]);
        const dur = num(x[n + 2]);
        const due = num(x[n + 3]);
        const kind = this.text() as 'timer';
        const label = this.text();
        this.n = n + 4;
        e = { type: 'task', t, pid, kind, dur, due, label, source: this.place() };
        n = this.n;
      }
      this.n = n;
      out[i] = e;
    }
    this.batch = null;
    if (o !== rest.length || this.n !== x.length || this.r !== batch.refs.length || this.f !== batch.texts.length) {
      throw new Error('a batch of columns does not hold what it says');
    }
    return out;
  }

  private next(): string {
    return (this.batch as EventColumns).texts[this.f++];
  }

  private text(): string {
    const ref = (this.batch as EventColumns).refs[this.r++];
    if (ref >= 0) return this.texts[ref];
    const value = this.next();
    this.texts.push(value);
    return value;
  }

  /** A preview, kept in its slot: a message's by its seq, an output's (`slot` -1) by its length. */
  private preview(slot: number): string {
    const ref = (this.batch as EventColumns).refs[this.r++];
    if (ref <= SLOT) return this.previews[SLOT - ref];
    const value = this.next();
    this.previews[(slot < 0 ? value.length : slot) & (PREVIEW_SLOTS - 1)] = value;
    return value;
  }

  private place(): SourceLocation {
    const ref = (this.batch as EventColumns).refs[this.r++];
    if (ref >= 0) return this.places[ref];
    const file = this.text();
    const x = (this.batch as EventColumns).numbers;
    const place = { file, line: num(x[this.n]), column: num(x[this.n + 1]) };
    this.n += 2;
    this.places.push(place);
    return place;
  }
}
