import { TASK_KINDS, type LabEvent, type SourceLocation } from '../../shared/events';
import { EVENT_TYPES } from '../../shared/event-check';

/** Distinct texts (and places) kept to be shared; past this the table starts again, so it never grows with the file. */
const MAX_SHARED = 1 << 14;

/** Slots of the preview cache (a power of two). */
const PREVIEW_SLOTS = 4096;

/** The few texts a field can only be: one copy each, for good. */
const fixed = (texts: readonly string[]): Map<string, string> => new Map(texts.map((text) => [text, text]));
const TYPES = fixed(EVENT_TYPES);
const DIRS = fixed(['send', 'recv']);
const KINDS = fixed(TASK_KINDS);

/**
 * One copy of each repeated text in a recording's high-volume events. JSON.parse
 * gives every event its own copy of its strings — its type, direction or kind,
 * its call's id, a callback's label and source place — and those copies were
 * a third of a large recording's heap. Here equal texts become one string, and
 * equal places one object, shared by every event that holds them: the events
 * read the same, they take less memory. Nothing in the page changes an event
 * once it is in the log.
 *
 * Previews are many and mostly different (a counter, a line number), so they
 * are not looked up in a table (that cost more time than it saved): a message
 * received shares the preview of its send, found by its sequence number, and
 * an output chunk the last preview of its length — the repeats a run has.
 */
export class EventInterner {
  private texts = new Map<string, string>();
  private places = new Map<string, SourceLocation>();
  private readonly previews: string[] = new Array<string>(PREVIEW_SLOTS).fill('');

  /** Share the strings of one event just parsed. */
  intern(event: LabEvent): void {
    (event as { type: string }).type = TYPES.get(event.type) ?? event.type;
    switch (event.type) {
      case 'stdout':
      case 'stderr':
        event.childId = this.text(event.childId);
        event.preview = this.preview(event.preview, event.preview.length);
        return;
      case 'message':
        event.dir = (DIRS.get(event.dir) ?? event.dir) as typeof event.dir;
        event.preview = this.preview(event.preview, event.seq);
        return;
      case 'task':
        event.kind = (KINDS.get(event.kind) ?? event.kind) as typeof event.kind;
        if (event.label !== undefined) event.label = this.text(event.label);
        if (event.source) event.source = this.place(event.source);
        return;
    }
  }

  /** The preview kept in `slot` if it is this one, else this one, kept there. */
  private preview(value: string, slot: number): string {
    const at = slot & (PREVIEW_SLOTS - 1);
    const kept = this.previews[at];
    if (kept === value) return kept;
    this.previews[at] = value;
    return value;
  }

  private text(value: string): string {
    const shared = this.texts.get(value);
    if (shared !== undefined) return shared;
    if (this.texts.size >= MAX_SHARED) this.texts = new Map();
    this.texts.set(value, value);
    return value;
  }

  private place(source: SourceLocation): SourceLocation {
    // The whole place as written, so only places equal in every field are shared.
    const key = JSON.stringify(source);
    const shared = this.places.get(key);
    if (shared !== undefined) return shared;
    if (this.places.size >= MAX_SHARED) this.places = new Map();
    source.file = this.text(source.file);
    this.places.set(key, source);
    return source;
  }
}
