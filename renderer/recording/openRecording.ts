import type { LabEvent } from '../../shared/events';
import { NdjsonReader } from '../../shared/recording';
import type { ObraStore } from '../store/obraStore';

/** Work this long at most before letting the page draw (no long task while a big recording loads). */
const SLICE_MS = 25;
/**
 * Hand what was read to the store this often: every hand-over redraws the views, and a
 * hand-over per slice made redrawing a third of a large file's load.
 */
const HAND_OVER_MS = 250;

/**
 * Show an NDJSON recording (the CLI's `obra record` output) without starting
 * any process: read as a stream, parsed and folded into the store in slices,
 * so a million-event file never blocks the page and never sits whole in memory as text.
 * Each line is read and checked by shared/recording.ts, as every recording is;
 * at a line it refuses, what came before stays shown and the error says which line.
 */
export async function openRecording(store: ObraStore, file: File): Promise<void> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  const ndjson = new NdjsonReader();
  let rest = '';
  let begun = false;
  let pending: LabEvent[] = [];
  let sliceStart = performance.now();

  const take = (line: string): void => {
    const event = ndjson.line(line);
    if (!begun && ndjson.header !== null) {
      begun = true;
      store.getState().beginRecording(ndjson.header);
    }
    if (event) pending.push(event);
  };

  let handedAt = performance.now();
  const flush = async (done: boolean): Promise<void> => {
    if (!begun) return;
    if (done || performance.now() - handedAt >= HAND_OVER_MS) {
      store.getState().appendRecording(pending, done);
      pending = [];
      handedAt = performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    sliceStart = performance.now();
  };

  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const lines = (rest + value).split('\n');
      rest = lines.pop() ?? '';
      for (let i = 0; i < lines.length; i++) {
        take(lines[i]);
        // The clock read every 256 lines, not every line (reading it was 2 % of a large file's load).
        if ((i & 255) === 255 && performance.now() - sliceStart > SLICE_MS) await flush(false);
      }
    }
    take(rest);
    ndjson.finish();
    await flush(true);
  } catch (error) {
    if (begun) await flush(true);
    throw error;
  }
}
