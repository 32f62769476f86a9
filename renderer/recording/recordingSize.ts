import type { Lang } from '../../shared/api';
import { MAX_RECORDING_EVENTS, MAX_RECORDING_JSON_BYTES, mayPassEventLimit, NdjsonLineCounter, RecordingTooLargeError } from '../../shared/recording-limit';
import { MESSAGES } from '../i18n';
import { formatBytes, formatNumber } from '../i18n/format';
import { localNotice } from '../store/notices';

/** The recording files read as a stream (the CLI's); any other is one JSON document, read whole. */
export const STREAMED_RECORDING = /\.ndjson$/i;

/**
 * Refuse a recording past Obra's limit (shared/recording-limit.ts) before
 * any of it is parsed: an NDJSON file's lines are counted as its bytes
 * stream by (the count stops at the limit, so a huge file is refused as
 * soon as it passes it, and the page draws between chunks) — unless the file
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

/** Count this long at most before letting the page draw. */
const SLICE_MS = 25;

async function countEvents(file: File, limit: number): Promise<void> {
  const reader = file.stream().getReader();
  const counter = new NdjsonLineCounter(limit);
  let sliceStart = performance.now();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      if (counter.add(value)) {
        throw new RecordingTooLargeError({ fileName: file.name, bytes: file.size, eventsOver: counter.events, limit: { events: limit } });
      }
      // The file's chunks come as fast as they are asked for: let the page draw between some of them.
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
