import type { Lang } from '../../shared/api';
import { MAX_RECORDING_EVENTS, MAX_RECORDING_JSON_BYTES, mayPassEventLimit, RecordingTooLargeError } from '../../shared/recording-limit';
import { MESSAGES } from '../i18n';
import { formatBytes, formatNumber } from '../i18n/format';
import { localNotice } from '../store/notices';
import { RecordingWorker } from './recordingWorker';

/** The recording files read as a stream (the CLI's); any other is one JSON document, read whole. */
export const STREAMED_RECORDING = /\.ndjson$/i;

/**
 * Refuse a recording past Obra's limit (shared/recording-limit.ts) before
 * any of it is parsed: an NDJSON file's lines are counted as its bytes
 * stream by, in the recording worker (the count stops at the limit, so a huge file is refused as
 * soon as it passes it, and the page's thread is free to draw) — unless the file
 * is too small to hold that many events; any other is measured by its size. Throws a notice in the page's language with
 * ERR_OBRA_RECORDING_TOO_LARGE.
 */
export async function checkRecordingSize(file: File, lang: Lang): Promise<void> {
  try {
    if (STREAMED_RECORDING.test(file.name)) {
      if (mayPassEventLimit(file.size)) await countEvents(file, MAX_RECORDING_EVENTS);
    }
    else if (file.size > MAX_RECORDING_JSON_BYTES) {
      throw new RecordingTooLargeError({ fileName: file.name, bytes: file.size, eventsOver: null, limit: { bytes: MAX_RECORDING_JSON_BYTES } });
    }
  } catch (error) {
    if (!(error instanceof RecordingTooLargeError)) throw error;
    const m = MESSAGES[lang];
    const { size } = error;
    const message =
      'events' in size.limit
        ? m.recordingTooManyEvents(file.name, formatBytes(size.bytes, lang), formatNumber(size.limit.events, lang))
        : m.recordingTooLargeJson(file.name, formatBytes(size.bytes, lang), formatBytes(size.limit.bytes, lang), formatNumber(MAX_RECORDING_EVENTS, lang));
    throw localNotice(error.code, message);
  }
}

/** Count the file's events in the recording worker (off the page's thread); refuse it past `limit`. */
async function countEvents(file: File, limit: number): Promise<void> {
  const counted = { events: 0, over: false };
  await new RecordingWorker().run({ kind: 'count', file, limit }, (reply) => {
    if (reply.kind === 'failed') throw new DOMException(reply.message, reply.name);
    if (reply.kind !== 'counted') throw new Error(`the recording worker answered ${reply.kind} to a count`);
    Object.assign(counted, { events: reply.events, over: reply.over });
    return true;
  });
  if (counted.over) throw new RecordingTooLargeError({ fileName: file.name, bytes: file.size, eventsOver: counted.events, limit: { events: limit } });
}
