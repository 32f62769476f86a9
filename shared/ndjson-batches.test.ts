import { describe, expect, it } from 'vitest';
import type { LabEvent, LogHeader } from './events';
import { ColumnsReader, type EventColumns } from './event-columns';
import { NdjsonBatcher } from './ndjson-batches';
import { formatRecording, readRecording, RecordingError } from './recording';

const header: LogHeader = {
  obra: 1, runId: 'r1', script: '/demos/fork/boss.js', demoId: 'fork', argv: [], cwd: '/demos/fork',
  node: 'v20.20.2', platform: 'linux', cpus: 2, startedAt: '2026-11-26T15:00:00.123Z',
};
const events: LabEvent[] = [
  { type: 'run-start', t: 0, pid: 7, runId: 'r1', script: '/demos/fork/boss.js', argv: [], cwd: '/demos/fork', node: 'v20.20.2', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'stdout', t: 10, pid: 7, childId: 'boss', bytes: 6, preview: 'hello\\n "quoted" ,]' },
  { type: 'message', t: 12, pid: 7, dir: 'send', from: 7, to: 8, seq: 1, bytes: 10, preview: '{"n":1}', count: 3, firstSeq: 1, lastSeq: 3 },
  { type: 'task', t: 13, pid: 8, kind: 'timer', dur: 230, due: 11, label: 'setInterval 5 ms', source: { file: '/demos/fork/worker.js', line: 17, column: 3 } },
  { type: 'close', t: 15, pid: null, childId: '7:1', code: -2, signal: null },
  { type: 'exit', t: 20, pid: 7, childId: 'boss', code: 0, signal: null },
];

/** The events of batches, built as the page builds them. */
function eventsOf(batches: readonly EventColumns[]): LabEvent[] {
  const reader = new ColumnsReader();
  return batches.flatMap((batch) => reader.read(batch, (json) => JSON.parse(json) as LabEvent[]));
}

/** The text read in pieces of `size` characters: the batches, their events, and the header. */
function readInPieces(text: string, size: number, batchEvents: number) {
  const batches: EventColumns[] = [];
  const batcher = new NdjsonBatcher(batchEvents, (batch) => batches.push(batch));
  for (let at = 0; at < text.length; at += size) batcher.add(text.slice(at, at + size));
  const read = batcher.finish();
  return { header: read, batches, events: eventsOf(batches) };
}

describe('NDJSON read in batches of checked events', () => {
  it('gives the same header and events as the whole file read line by line, however the text is cut', () => {
    const text = formatRecording(header, events);
    const whole = readRecording(text, 'run.ndjson');
    for (const size of [1, 7, 64, text.length]) {
      for (const batchEvents of [1, 4, 100]) {
        const read = readInPieces(text, size, batchEvents);
        expect(read.header).toEqual(whole.header);
        expect(JSON.stringify(read.events)).toBe(JSON.stringify(whole.events));
        expect(read.batches.every((b) => b.events <= batchEvents && b.shapes.length === b.events)).toBe(true);
        expect(read.batches.length).toBe(Math.ceil(events.length / batchEvents));
      }
    }
  });

  it('reads CRLF endings, blank lines and a last line without its newline', () => {
    const text = formatRecording(header, events).replace(/\n/g, '\r\n').replace(/\r\n$/, '') + '';
    const withBlanks = text.replace('\r\n', '\r\n\r\n  \r\n');
    expect(readInPieces(withBlanks, 5, 2).events).toEqual(events);
  });

  it('refuses a bad line naming it, after batching every line before it', () => {
    const lines = formatRecording(header, events).split('\n');
    lines[4] = '{"type":"task","t":13,"pid":8,"kind":"timer"}';
    const batches: EventColumns[] = [];
    const batcher = new NdjsonBatcher(100, (batch) => batches.push(batch));
    let error: unknown = null;
    try {
      batcher.add(lines.join('\n'));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RecordingError);
    expect((error as RecordingError).message).toMatch(/^recording line 5: task: dur/);
    expect(eventsOf(batches)).toEqual(events.slice(0, 3));
  });

  it('names a refused line by its number after thousands of lines read straight into columns', () => {
    const lines = [JSON.stringify(header)];
    for (let i = 0; i < 5_000; i++) lines.push(JSON.stringify({ type: 'message', t: i, pid: 7, dir: 'send', from: 7, to: 8, seq: i, bytes: 8, preview: `{"n":${i}}` }));
    lines.push('{"type":"message","t":1,"pid":7,"dir":"send","from":7,"to":8,"seq":1,"bytes":-8,"preview":""}');
    const batches: EventColumns[] = [];
    const batcher = new NdjsonBatcher(1_000, (batch) => batches.push(batch));
    expect(() => batcher.add(`${lines.join('\n')}\n`)).toThrow(/^recording line 5002: message: bytes must be a count/);
    const read = eventsOf(batches);
    expect(read.length).toBe(5_000);
    expect(read[4_999]).toEqual(JSON.parse(lines[5_000]));
    // None went as lines of JSON.
    expect(batches.every((b) => b.json === '[]')).toBe(true);
  });

  it('refuses lines that are JSON only together, each line being read alone', () => {
    const text = `${JSON.stringify(header)}\n{"type":"exit","t":20,"pid":7,"childId":"boss","code":0,"signal":null},{"type":"exit"\n,"t":1}\n`;
    expect(() => readInPieces(text, text.length, 100)).toThrow(/^recording line 2: not JSON/);
  });

  it('refuses a file without a header', () => {
    expect(() => readInPieces('\n\n', 1, 10)).toThrow(/empty file/);
  });
});
