/**
 * What the lab accepts from the report channel. A record is one LabEvent the
 * probe wrote; anything else is refused with a reason (the run counts them
 * and reports the first one). Its shape is checked by the one event check
 * (shared/event-check.ts, as a channel record: never the lab's own events,
 * never the boss's output or exit); accepted records are kept verbatim,
 * except that over-long previews are cut. What a record claims about
 * processes and sizes is checked against the run in record-gate.ts.
 */
import type { LabEvent } from '../../shared/events';
import { checkEvent } from '../../shared/event-check';
import { MAX_RECORD_PREVIEW_CHARS, boundPreview } from './preview';

export { callerOf } from '../../shared/event-check';

/** The record as a LabEvent, or the reason it is refused. */
export function checkRecord(record: unknown): { event: LabEvent } | { refused: string } {
  const checked = checkEvent(record, 'channel');
  if ('refused' in checked) return { refused: checked.refused };
  const e = checked.event;
  if ('preview' in e && e.preview.length > MAX_RECORD_PREVIEW_CHARS) e.preview = boundPreview(e.preview, MAX_RECORD_PREVIEW_CHARS);
  return checked;
}
