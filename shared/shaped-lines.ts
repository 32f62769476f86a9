/**
 * The lab's commonest event lines read straight into columns, without
 * JSON.parse and the field-by-field check: a message, an output chunk or a
 * callback, written as the lab writes them (the keys of one of the columns'
 * shapes, in order, no spaces, integers). Such lines are nearly all of a large
 * recording, and JSON.parse, the check and the objects between them were more
 * than half of reading one.
 *
 * A line is taken here only when it is, character for character, one of
 * those forms and every field holds what shared/event-check.ts asks of it; it
 * is then written to the columns exactly as the event JSON.parse makes of it
 * would be (ColumnsWriter's per-shape methods, which `add` uses too). Anything
 * else — a space, a fraction or exponent, a long number, a key in another
 * order, a bad escape, a field the check refuses — is not taken, and the
 * caller reads the line as every line is read (shared/recording.ts), which
 * accepts or refuses it with its own words. So this can only make reading
 * faster, never accept what the check refuses nor refuse what it accepts.
 *
 * Pure (no Node or DOM imports).
 */
import { isLogChildId, isTaskKind, MAX_TASK_LABEL_CHARS } from './event-check';
import type { ColumnsWriter } from './event-columns';

const QUOTE = 34;
const BACKSLASH = 92;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const CLOSE = 125;
/** Digits an integer may have here: more could pass 2^53, where the text no longer is its number. */
const MAX_DIGITS = 15;

/** Reads lines of one text (a decoded piece of the file) at given bounds; `take` says whether it wrote the line. */
export class ShapedLines {
  private text = '';
  private at = 0;
  /** Where the line ends (its CR left out). */
  private to = 0;
  /** Set by a value that could not be read as this reader reads it: the line is not taken. */
  private bad = false;

  constructor(private readonly columns: ColumnsWriter) {}

  /**
   * The line `text[from, to)` (without its newline; a CR before it is left
   * out here), written to the columns when it is one of the forms above;
   * false, with nothing written, when not.
   */
  take(text: string, from: number, to: number): boolean {
    if (to > from && text.charCodeAt(to - 1) === 13) to--;
    this.text = text;
    this.at = from;
    this.to = to;
    this.bad = false;
    // All three forms start so: the type decides which it may be.
    if (!this.lit('{"type":"')) return false;
    if (this.lit('message","t":')) return this.message(to);
    if (this.lit('stdout","t":')) return this.output('stdout', to);
    if (this.lit('stderr","t":')) return this.output('stderr', to);
    if (this.lit('task","t":')) return this.task(to);
    return false;
  }

  private message(to: number): boolean {
    const t = this.int();
    const pid = this.key(',"pid":') ? this.int() : this.fail();
    const dir = this.key(',"dir":') ? this.str() : '';
    const from = this.key(',"from":') ? this.int() : this.fail();
    const too = this.key(',"to":') ? this.int() : this.fail();
    const seq = this.key(',"seq":') ? this.int() : this.fail();
    const bytes = this.key(',"bytes":') ? this.int() : this.fail();
    const preview = this.key(',"preview":') ? this.str() : '';
    if (this.bad || (dir !== 'send' && dir !== 'recv') || bytes < 0) return false;
    // The word as a constant: the columns' table finds it without hashing a new string per line.
    const way = dir === 'send' ? 'send' : 'recv';
    if (this.end(to)) {
      this.columns.message(t, pid, way, from, too, seq, bytes, preview, -1, 0, 0);
      return true;
    }
    const count = this.key(',"count":') ? this.int() : this.fail();
    const lastSeq = this.key(',"lastSeq":') ? this.int() : this.fail();
    const firstSeq = this.key(',"firstSeq":') ? this.int() : this.fail();
    if (this.bad || count < 0 || !this.end(to)) return false;
    this.columns.message(t, pid, way, from, too, seq, bytes, preview, count, lastSeq, firstSeq);
    return true;
  }

  private output(type: 'stdout' | 'stderr', to: number): boolean {
    const t = this.int();
    const pid = this.key(',"pid":') ? this.int() : this.fail();
    const childId = this.key(',"childId":') ? this.str() : '';
    const bytes = this.key(',"bytes":') ? this.int() : this.fail();
    const preview = this.key(',"preview":') ? this.str() : '';
    if (this.bad || !isLogChildId(childId) || bytes < 0) return false;
    let count = -1;
    if (!this.end(to)) {
      count = this.key(',"count":') ? this.int() : this.fail();
      if (this.bad || count < 0 || !this.end(to)) return false;
    }
    this.columns.output(type, t, pid, childId, bytes, preview, count);
    return true;
  }

  private task(to: number): boolean {
    const t = this.int();
    const pid = this.key(',"pid":') ? this.int() : this.fail();
    const kind = this.key(',"kind":') ? this.str() : '';
    const dur = this.key(',"dur":') ? this.int() : this.fail();
    if (this.bad || !isTaskKind(kind) || dur < 0) return false;
    if (this.lit(',"label":')) {
      const label = this.str();
      if (this.bad || label.length > MAX_TASK_LABEL_CHARS || !this.end(to)) return false;
      this.columns.task(t, pid, kind, dur, label);
      return true;
    }
    const due = this.key(',"due":') ? this.int() : this.fail();
    const label = this.key(',"label":') ? this.str() : '';
    const file = this.key(',"source":{"file":') ? this.str() : '';
    const line = this.key(',"line":') ? this.int() : this.fail();
    const column = this.key(',"column":') ? this.int() : this.fail();
    if (this.bad || label.length > MAX_TASK_LABEL_CHARS || !this.lit('}') || !this.end(to)) return false;
    this.columns.timer(t, pid, kind, dur, due, label, file, line, column);
    return true;
  }

  /** The text goes on with `s` here (moving past it). */
  private lit(s: string): boolean {
    // Compared code by code: startsWith at a position took twice as long here.
    const { text, at } = this;
    const n = s.length;
    for (let i = 0; i < n; i++) if (text.charCodeAt(at + i) !== s.charCodeAt(i)) return false;
    this.at = at + n;
    return true;
  }

  /** A key that must come next (with its colon): when it does not, the line is not taken. */
  private key(s: string): boolean {
    if (this.bad || this.lit(s)) return !this.bad;
    this.bad = true;
    return false;
  }

  private fail(): number {
    this.bad = true;
    return 0;
  }

  /** The object closes here and the line ends with it. */
  private end(to: number): boolean {
    if (this.at !== to - 1 || this.text.charCodeAt(this.at) !== CLOSE) return false;
    this.at++;
    return true;
  }

  /**
   * An integer as JSON writes it (`-?(0|[1-9][0-9]*)`), of at most
   * MAX_DIGITS digits, followed by neither a fraction nor an exponent (those,
   * and -0, are left to JSON.parse).
   */
  private int(): number {
    if (this.bad) return 0;
    const text = this.text;
    let at = this.at;
    const negative = text.charCodeAt(at) === MINUS;
    if (negative) at++;
    const first = at;
    let value = 0;
    let c = text.charCodeAt(at);
    while (c >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      c = text.charCodeAt(++at);
    }
    const digits = at - first;
    // No digits, a leading zero, too many, or a fraction or exponent next.
    if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && text.charCodeAt(first) === ZERO) || c === 46 || c === 101 || c === 69 || (negative && value === 0)) {
      return this.fail();
    }
    this.at = at;
    return negative ? -value : value;
  }

  /**
   * A string as JSON writes it: its text between the quotes when it has no
   * escape, JSON.parse of the string alone when it has (so every escape means
   * what it means to JSON.parse, and a bad one leaves the line to it). A
   * control character, which JSON refuses inside a string, is not taken.
   */
  private str(): string {
    if (this.bad) return '';
    const text = this.text;
    const start = this.at;
    if (text.charCodeAt(start) !== QUOTE) return this.failText();
    let escaped = false;
    let at = start + 1;
    for (;;) {
      // A string still open where the line ends is not one.
      if (at >= this.to) return this.failText();
      const c = text.charCodeAt(at);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        at += 2;
        continue;
      }
      if (c < 0x20) return this.failText();
      at++;
    }
    this.at = at + 1;
    if (!escaped) return text.slice(start + 1, at);
    try {
      return JSON.parse(text.slice(start, at + 1)) as string;
    } catch {
      return this.failText();
    }
  }

  private failText(): string {
    this.bad = true;
    return '';
  }
}
