import { LOG_VERSION, type LabEvent, type LogHeader } from '../../shared/events';
import { EVENT_TYPES, RecordingFormatError } from '../../shared/ndjson';
import type { ObraStore } from '../store/obraStore';

/** Work this long at most before letting the page draw (no long task while a big recording loads). */
const SLICE_MS = 25;


/**
 * Show an NDJSON recording (the CLI's `obra record` output) without starting
 * any process: read as a stream, parsed and folded into the store in slices,
 * so a million-event file never blocks the page and never sits whole in memory as text.
 */
export async function openRecording(store: ObraStore, file: File): Promise<void> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  let lineNo = 0;
  let header: LogHeader | null = null;
  let pending: LabEvent[] = [];
  let sliceStart = performance.now();

  const take = (line: string): void => {
    lineNo++;
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new RecordingFormatError(lineNo, `not JSON (${(err as Error).message})`);
    }
    if (header === null) {
      header = checkHeader(value, lineNo);
      store.getState().beginRecording(header);
      return;
    }
    const event = value as LabEvent;
    if (typeof event !== 'object' || event === null || typeof event.t !== 'number') {
      throw new RecordingFormatError(lineNo, 'an event must be an object with a numeric "t"');
    }
    if (EVENT_TYPES.has(event.type)) pending.push(event);
  };

  const flush = async (done: boolean): Promise<void> => {
    if (header === null) return;
    store.getState().appendRecording(pending, done);
    pending = [];
    await new Promise((resolve) => setTimeout(resolve, 0));
    sliceStart = performance.now();
  };

  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const lines = (rest + value).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        take(line);
        if (performance.now() - sliceStart > SLICE_MS) await flush(false);
      }
    }
    take(rest);
    if (header === null) throw new RecordingFormatError(1, 'empty file: an Obra recording starts with a {"obra":1,...} header line');
    await flush(true);
  } catch (error) {
    if (header !== null) await flush(true);
    throw error;
  }
}

function checkHeader(value: unknown, lineNo: number): LogHeader {
  const header = value as Partial<LogHeader> | null;
  if (typeof header !== 'object' || header === null || header.obra !== LOG_VERSION || typeof header.runId !== 'string') {
    throw new RecordingFormatError(lineNo, 'not an Obra recording: the first line must be a {"obra":1,...} header');
  }
  return header as LogHeader;
}
