import { describe, expect, it } from 'vitest';
import { checkEvent, EVENT_TYPES } from './event-check';
import { MAX_RECORDING_EVENTS, MIN_EVENT_LINE_BYTES, mayPassEventLimit, NdjsonLineCounter, RecordingTooLargeError } from './recording-limit';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('counting the events of an NDJSON recording as its bytes arrive', () => {
  it('counts the lines after the header, blank lines not, a last line without its newline too', () => {
    const counter = new NdjsonLineCounter();
    counter.add(bytes('{"obra":1}\n{"t":1}\n\n{"t":2}\r\n{"t":'));
    expect(counter.events).toBe(3);
    counter.add(bytes('3}'));
    expect(counter.events).toBe(3);
    counter.add(bytes('\n'));
    expect(counter.events).toBe(3);
  });

  it('a line split across chunks, even at its newline, is one event', () => {
    const counter = new NdjsonLineCounter();
    for (const chunk of ['{"obra":1}', '\n', '{"t"', ':1}', '\n', '\n', '{"t":2}\n']) counter.add(bytes(chunk));
    expect(counter.events).toBe(2);
  });

  it('says so once the events pass the limit, and not at it', () => {
    const counter = new NdjsonLineCounter(3);
    expect(counter.add(bytes('{"obra":1}\n{"t":1}\n{"t":2}\n{"t":3}\n'))).toBe(false);
    expect(counter.add(bytes('{"t":4}\n'))).toBe(true);
  });

  it('the error names the file, its size and the limit, with its code', () => {
    const error = new RecordingTooLargeError({ fileName: 'hour.ndjson', bytes: 1.5 * 2 ** 30, eventsOver: MAX_RECORDING_EVENTS + 1, limit: { events: MAX_RECORDING_EVENTS } });
    expect(error.code).toBe('ERR_OBRA_RECORDING_TOO_LARGE');
    expect(error.message).toBe('hour.ndjson (1536.0 MiB) holds more than 10,000,000 events: Obra opens recordings of up to 10,000,000 events. Nothing was opened.');
    const json = new RecordingTooLargeError({ fileName: 'hour.obra.json', bytes: 300 * 2 ** 20, eventsOver: null, limit: { bytes: 256 * 2 ** 20 } });
    expect(json.message).toMatch(/^hour\.obra\.json is 300\.0 MiB: Obra opens \.obra\.json recordings of up to 256\.0 MiB/);
  });
});

describe('a file too small to pass the limit', () => {
  it('is one whose every line would be shorter than the shortest event a recording accepts', () => {
    // What every event must have, with the shortest type's name: already the bound, and still no whole event.
    const shortest = EVENT_TYPES.reduce((a, b) => (b.length < a.length ? b : a));
    const bare = `{"type":"${shortest}","t":0,"pid":0}`;
    expect(bare.length + 1).toBe(MIN_EVENT_LINE_BYTES);
    expect(checkEvent(JSON.parse(bare), 'log')).toHaveProperty('refused');
    expect(mayPassEventLimit(MAX_RECORDING_EVENTS * MIN_EVENT_LINE_BYTES)).toBe(false);
    expect(mayPassEventLimit(MAX_RECORDING_EVENTS * MIN_EVENT_LINE_BYTES + 1)).toBe(true);
  });
});
