import type { LabEvent, SourceLocation } from '../../shared/events';

/** Distinct texts (and places) kept to be shared; past this the table starts again, so it never grows with the file. */
const MAX_SHARED = 1 << 16;

/**
 * One copy of each repeated text in a recording's high-volume events. JSON.parse
 * gives every event its own copy of its strings — its type, direction or kind,
 * its call's id, a callback's label and source place, an output's or
 * message's preview — and those copies were a third of a large recording's
 * heap. Here equal texts become one string, and equal places one object,
 * shared by every event that holds them: the events read the same, they take
 * less memory. Events are never changed otherwise, and nothing in the page
 * changes an event once it is in the log.
 */
export class EventInterner {
  private texts = new Map<string, string>();
  private places = new Map<string, SourceLocation>();

  /** Share the strings of one event just parsed. */
  intern(event: LabEvent): void {
    (event as { type: string }).type = this.text(event.type);
    switch (event.type) {
      case 'stdout':
      case 'stderr':
        event.childId = this.text(event.childId);
        event.preview = this.text(event.preview);
        return;
      case 'message':
        event.dir = this.text(event.dir) as typeof event.dir;
        event.preview = this.text(event.preview);
        return;
      case 'task':
        event.kind = this.text(event.kind) as typeof event.kind;
        if (event.label !== undefined) event.label = this.text(event.label);
        if (event.source) event.source = this.place(event.source);
        return;
    }
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
