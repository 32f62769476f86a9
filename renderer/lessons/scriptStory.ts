/**
 * The narration of any script, told from its own events: who started whom,
 * with which call and why that call (a shell or not, output streamed or
 * buffered, a channel or not), what came out, the messages, the exits, the
 * errors with their codes. Output and messages between the same two ends are
 * one line that keeps counting, so a chatty program still tells a short story.
 * Pure: the same log, cursor and words always give the same lines.
 */
import type { Lang } from '../../shared/api';
import type { CallEvent, LabEvent } from '../../shared/events';
import { formatValue, type NarrationLine } from '../../shared/narration';
import { basename } from '../../shared/process-names';
import type { StoryMessages } from '../i18n/storyMessages';
import { messageChannelKey } from '../../shared/message-channel';
import { TimeOrder } from '../model/timeOrder';

/** Lines told at most; past them one line says how many events are left to the timeline. */
const MAX_LINES = 400;

/**
 * The story at `cursor`. A live log grows and its cursor moves forward: the story is folded
 * on from where it stood (per log array, words and language), never from the first event
 * again — at a million events that was a long task every time the narration was told. A
 * move back, other words, or a Node process first told as found by the OS sampler whose
 * spawn record came after, tell it again from the start: the same log and cursor always give
 * the same lines.
 */
export function scriptStory(log: readonly LabEvent[], cursor: number, lang: Lang, m: StoryMessages): NarrationLine[] {
  return foldTo(log, cursor, lang, m).told();
}

/**
 * Folds the story up to `cursor` without telling it: a live run calls this as its log grows
 * (every 50 ms, slower when the page is busy), so the panel's render (every second or two under
 * a flood) finds the fold done instead of folding tens of thousands of events in one task.
 */
export function foldStory(log: readonly LabEvent[], cursor: number, lang: Lang, m: StoryMessages): void {
  foldTo(log, cursor, lang, m);
}

function foldTo(log: readonly LabEvent[], cursor: number, lang: Lang, m: StoryMessages): StoryFold {
  let fold = folds.get(log);
  if (!fold || fold.lang !== lang || fold.m !== m || cursor < fold.cursor || !fold.takeSpawns(log)) {
    fold = new StoryFold(lang, m);
    fold.takeSpawns(log);
    folds.set(log, fold);
  }
  fold.advance(log, cursor);
  return fold;
}

const folds = new WeakMap<readonly LabEvent[], StoryFold>();

class StoryFold {
  cursor = -Infinity;
  /** The log in time order, and how many of it are folded: the log is in time order within a batch, not between batches. */
  private readonly time = new TimeOrder([]);
  private k = 0;
  /** Node processes report their own start (spawn): the OS sampler finding them too is no news. Over the whole log so far. */
  private readonly nodePids = new Set<number>();
  private spawnsTo = 0;
  /** Pids told as found by the OS sampler. */
  private readonly seenTold = new Set<number>();
  private boss: number | null = null;
  private readonly programs = new Map<number, string>();
  private readonly calls = new Map<string, CallEvent>();
  private readonly lines: { t: number; text: () => string }[] = [];
  /** What the last line told keeps counting (output of one process and stream, messages one way) until another line comes. */
  private counting: { key: string; tally: { count: number; bytes: number; last: string } } | null = null;
  private untold = 0;
  /** Changes whenever a name `who` gives may have changed; the texts kept by `told` were made at `toldNames`. */
  private names = 0;
  private toldNames = -1;
  private toldLines: NarrationLine[] = [];
  private readonly n: (v: number) => string;

  constructor(
    readonly lang: Lang,
    readonly m: StoryMessages,
  ) {
    this.n = (v) => formatValue(v, lang);
  }

  /** Notes the boss and the spawns logged since the last look (past the cursor too); false when one is of a process already told as found by the OS (start again). */
  takeSpawns(log: readonly LabEvent[]): boolean {
    for (; this.spawnsTo < log.length; this.spawnsTo++) {
      const e = log[this.spawnsTo];
      if (e.type === 'run-start' && this.boss === null) [this.boss, this.names] = [e.pid, this.names + 1];
      if (e.type !== 'spawn' || e.sync || e.pid === null) continue;
      if (this.seenTold.has(e.pid)) return false;
      this.nodePids.add(e.pid);
    }
    return true;
  }

  /**
   * The lines as told: each text is made once and kept (a panel renders the story several times a
   * second under a flood), but the last line, which may still be counting, is made afresh, and all
   * of them when a name they use may have changed (a program or the boss learnt since).
   */
  told(): NarrationLine[] {
    if (this.toldNames !== this.names) [this.toldLines, this.toldNames] = [[], this.names];
    const kept = this.toldLines;
    const last = this.lines.length - 1;
    for (let i = kept.length; i < last; i++) kept.push({ n: i + 1, text: this.lines[i].text(), t: this.lines[i].t, reached: true });
    const told = kept.slice(0, Math.max(0, last));
    if (last >= 0) told.push({ n: last + 1, text: this.lines[last].text(), t: this.lines[last].t, reached: true });
    const lastT = told.at(-1)?.t ?? 0;
    if (this.untold > 0) told.push({ n: told.length + 1, text: this.m.more(this.n(this.untold)), t: lastT, reached: true });
    return told;
  }

  private who(pid: number | null): string {
    return pid === null ? '?' : pid === this.boss ? this.m.boss(pid) : this.m.process(pid, this.programs.get(pid) ?? '?');
  }

  private name(pid: number, program: string): void {
    if (this.programs.get(pid) === program) return;
    this.programs.set(pid, program);
    this.names++;
  }

  private tell(t: number, text: () => string): void {
    this.counting = null;
    if (this.lines.length < MAX_LINES) this.lines.push({ t, text });
    else this.untold += 1;
  }

  private count(key: string, t: number, bytes: number, times: number, last: string, text: (c: { count: number; bytes: number; last: string }) => string): void {
    const counting = this.counting;
    if (counting?.key === key) {
      counting.tally.count += times;
      counting.tally.bytes += bytes;
      counting.tally.last = last;
      return;
    }
    const tally = { count: times, bytes, last };
    this.tell(t, () => text(tally));
    this.counting = { key, tally };
  }

  advance(log: readonly LabEvent[], cursor: number): void {
    // Logged since the last look but at or before the cursor the fold had passed: told now (late, never early).
    for (const i of this.time.take(log)) {
      if (log[i].t > this.cursor) break;
      this.fold(log[i]);
      this.k++;
    }
    this.cursor = cursor;
    const { order } = this.time;
    for (; this.k < order.length && log[order[this.k]].t <= cursor; this.k++) this.fold(log[order[this.k]]);
  }

  private fold(ev: LabEvent): void {
    const { m, n, programs, calls } = this;
    switch (ev.type) {
      case 'run-start':
        this.name(ev.pid as number, basename(ev.script));
        this.tell(ev.t, () => m.start(this.who(ev.pid), basename(ev.script), ev.node));
        break;
      case 'call':
        calls.set(ev.childId, ev);
        this.tell(ev.t, () => [m.call(this.who(ev.pid), callText(ev), ev.source ? `${basename(ev.source.file)}:${ev.source.line}` : null), m.why[ev.api], ...how(ev, m, n)].join(' '));
        break;
      case 'spawn': {
        const call = calls.get(ev.childId);
        if (ev.pid !== null) this.name(ev.pid, programOf(call, ev.file));
        this.tell(ev.t, () => m.started(call?.api ?? 'spawn', this.who(ev.pid), this.who(ev.ppid)));
        break;
      }
      case 'os-process':
        if (ev.state !== 'seen' || ev.pid === null || this.nodePids.has(ev.pid) || programs.has(ev.pid)) break;
        this.seenTold.add(ev.pid);
        this.name(ev.pid, ev.argv.length ? ev.argv.join(' ') : ev.command);
        this.tell(ev.t, () => m.seen(this.who(ev.pid), this.who(ev.ppid)));
        break;
      case 'stdout':
      case 'stderr': {
        const chunks = ev.count ?? 1;
        const last = firstLine(ev.preview);
        if (ev.pid === this.boss && ev.childId === 'boss') this.count(`print:${ev.type}`, ev.t, ev.bytes, chunks, last, (c) => m.printed(this.who(this.boss), ev.type, c.count, n(c.count), c.last));
        else this.count(`out:${ev.pid}:${ev.type}`, ev.t, ev.bytes, chunks, last, (c) => m.output(this.who(ev.pid), ev.type, c.count, n(c.count), n(c.bytes), c.last));
        break;
      }
      case 'message': {
        // Each message is seen at both ends: told once, as the receiver got it.
        if (ev.dir !== 'recv') break;
        const between = ev.fromThread !== undefined || ev.toThread !== undefined;
        const from = between ? `${m.thread(ev.fromThread ?? 0)} (${this.who(ev.from)})` : this.who(ev.from);
        const to = between ? m.thread(ev.toThread ?? 0) : this.who(ev.to);
        this.count(`msg:${messageChannelKey(ev)}`, ev.t, ev.bytes, ev.count ?? 1, ev.preview, (c) => m.messages(from, to, c.count, n(c.count), n(c.bytes), c.last));
        break;
      }
      case 'callback':
        this.tell(ev.t, () =>
          ev.error ? m.callbackError(ev.api, this.who(ev.pid), String(ev.error.code ?? ev.error.signal ?? '?'), ev.error.message.split('\n')[0]) : m.callbackOk(ev.api, this.who(ev.pid), n(ev.stdoutBytes), n(ev.stderrBytes)),
        );
        break;
      case 'exit':
        this.tell(ev.t, () => m.exit(this.who(ev.pid), ev.code, ev.signal));
        break;
      case 'disconnect':
        this.tell(ev.t, () => m.disconnect(this.who(ev.pid)));
        break;
      case 'error':
        this.tell(ev.t, () => m.error[ev.where](this.who(ev.pid), ev.code ?? ev.name, ev.message.split('\n')[0]));
        break;
      case 'thread':
        if (ev.state === 'start') this.tell(ev.t, () => m.threadStart(this.who(ev.pid), ev.thread, basename(ev.file ?? '?')));
        else if (ev.state === 'exit') this.tell(ev.t, () => m.threadExit(this.who(ev.pid), ev.thread, String(ev.code ?? '?')));
        break;
      case 'run-end':
        this.tell(ev.t, () => m.end[ev.reason]);
        break;
      default:
        break;
    }
  }
}

/** `fork("worker.js")`, `exec("ls -l | sort")`, `spawn("node", ["reader.js", "30"])`: absolute paths by their last part, as a reader names them. */
function callText(call: CallEvent): string {
  const short = (text: string): string => (/^([a-zA-Z]:)?[\\/]/.test(text) ? basename(text) : text);
  const command = call.api === 'exec' || call.api === 'execSync' ? call.command : short(call.command);
  const args = call.args.length ? `, [${call.args.map((a) => JSON.stringify(short(a))).join(', ')}]` : '';
  return `${call.api}(${JSON.stringify(command)}${args})`;
}

/** How this call departs from its API's usual way: a shell where there is none by default, detached, inherited output, a timeout, a signal. */
function how(call: CallEvent, m: StoryMessages, n: (v: number) => string): string[] {
  const o = call.options;
  const notes: string[] = [];
  const usesShell = call.api === 'exec' || call.api === 'execSync';
  if (!usesShell && o.shell) notes.push(m.throughShell(typeof o.shell === 'string' ? o.shell : 'sh'));
  if (o.detached) notes.push(m.detached);
  if (o.stdio === 'inherit') notes.push(m.inherit);
  if (o.timeout) notes.push(m.timeout(n(o.timeout)));
  if (o.signal) notes.push(m.abortable);
  return notes;
}

/** What a child is called: the script fork ran, the shell exec started, else the program. */
function programOf(call: CallEvent | undefined, file: string | undefined): string {
  if (call?.api === 'fork') return basename(call.command);
  if (call?.api === 'exec' && file) return basename(file);
  return basename(call?.command ?? file ?? '?');
}

/** The first line of a preview (previews escape newlines as `\n`). */
function firstLine(preview: string): string {
  return preview.split(/\\r\\n|\\n/).find((l) => l !== '') ?? '';
}
