import { describe, expect, it } from 'vitest';
import type { LabEvent, LogHeader } from './events';
import { formatRecording, NdjsonReader, readRecording, recordingFileName, recordingText, RecordingError } from './recording';

const header: LogHeader = {
  obra: 1, runId: 'r1', script: '/demos/fork/boss.js', demoId: 'fork', argv: [], cwd: '/demos/fork',
  node: 'v20.20.2', platform: 'linux', cpus: 2, startedAt: '2026-11-26T15:00:00.123Z',
};
const events: LabEvent[] = [
  { type: 'run-start', t: 0, pid: 7, runId: 'r1', script: '/demos/fork/boss.js', argv: [], cwd: '/demos/fork', node: 'v20.20.2', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'stdout', t: 10, pid: 7, childId: 'boss', bytes: 6, preview: 'hello\\n' },
  { type: 'close', t: 15, pid: null, childId: '7:1', code: -2, signal: null },
  { type: 'error', t: 16, pid: null, where: 'lab', name: 'ObraError', code: 'ERR_OBRA_DROPPED', message: '2 event batches were dropped' },
  { type: 'exit', t: 20, pid: 7, childId: 'boss', code: 0, signal: null },
];

function errorOf(text: string, fileName = ''): RecordingError {
  try {
    readRecording(text, fileName);
  } catch (err) {
    return err as RecordingError;
  }
  throw new Error('readRecording accepted a bad file');
}

describe('NDJSON recordings', () => {
  it('round-trip: header on the first line, one event per line', () => {
    const text = formatRecording(header, events);
    expect(text.split('\n')).toHaveLength(events.length + 2);
    expect(JSON.parse(text.split('\n')[0])).toEqual(header);
    expect(readRecording(text)).toEqual({ header, events, sources: [] });
  });

  it('reads CRLF line endings and blank lines, whatever the file is named', () => {
    const text = formatRecording(header, events).replace(/\n/g, '\r\n') + '\r\n';
    expect(readRecording(text, 'run.ndjson').events).toEqual(events);
    expect(readRecording(text, 'run.txt').events).toEqual(events);
  });

  it('names the line that is not JSON', () => {
    const lines = formatRecording(header, events).split('\n');
    lines[2] = '{"type":"exit",';
    const err = errorOf(lines.join('\n'));
    expect(err).toBeInstanceOf(RecordingError);
    expect(err.code).toBe('ERR_OBRA_RECORDING');
    expect(err.where).toBe('line 3');
    expect(err.message).toMatch(/^recording line 3: not JSON/);
  });

  it('refuses a file that does not start with the header, an empty file and another version', () => {
    const noHeader = errorOf(JSON.stringify(events[1]) + '\n', 'run.ndjson');
    expect(noHeader.message).toMatch(/^recording line 1: .*first line must be a \{"obra":1/);
    expect(errorOf('\n\n').message).toMatch(/empty file/);
    expect(errorOf('', 'a.obra.json').message).toMatch(/empty file/);
    const v2 = errorOf(JSON.stringify({ ...header, obra: 2 }));
    expect([v2.field, v2.message]).toEqual(['obra', 'recording line 1: not an Obra recording of version 1 ("obra" is 2)']);
  });

  it('refuses an event that misses a field the views need, naming the line and the field', () => {
    const noT = errorOf(formatRecording(header, events) + '\n{"type":"stdout","pid":1}\n');
    expect([noT.where, noT.field, noT.message]).toEqual(['line 8', 't', 'recording line 8: stdout: t must be a number (µs since the run started)']);
    const noPid = errorOf(formatRecording(header, events) + '{"type":"sample","t":1}\n');
    expect([noPid.field, noPid.message]).toEqual(['pid', 'recording line 7: sample: pid must be an integer or null']);
    const noCode = errorOf(formatRecording(header, events) + '{"type":"exit","t":30,"pid":9,"childId":"7:2","signal":null}\n');
    expect([noCode.field, noCode.message]).toEqual(['code', 'recording line 7: exit: code must be an integer or null']);
  });

  it("reads the event loop's callbacks (task events) back as they were written", () => {
    const task: LabEvent = { type: 'task', t: 1_506_000, pid: 7, kind: 'timer', dur: 350, due: 100_000, label: 'setTimeout 100 ms' };
    expect(readRecording(formatRecording(header, [...events, task])).events.at(-1)).toEqual(task);
    const bad = errorOf(formatRecording(header, events) + '{"type":"task","t":30,"pid":7,"kind":"teleport","dur":1}\n');
    expect(bad.field).toBe('kind');
  });

  it('refuses an event type this Obra does not know, rather than leave it out', () => {
    const err = errorOf(formatRecording(header, events) + '{"type":"future-thing","t":30,"pid":7}\n');
    expect(err.field).toBe('type');
    expect(err.message).toBe('recording line 7: unknown event type "future-thing" (written by a newer Obra? open it there)');
  });

  it('fills the header fields a view can do without, and refuses one of the wrong type', () => {
    const bare = readRecording(`{"obra":1,"runId":"r9"}\n${JSON.stringify(events[1])}\n`);
    expect(bare.header).toEqual({ obra: 1, runId: 'r9', script: '', argv: [], cwd: '', node: '', platform: '', cpus: 0, startedAt: '' });
    expect(errorOf('{"obra":1}\n').field).toBe('runId');
    const badCpus = errorOf(JSON.stringify({ ...header, cpus: 'two' }));
    expect([badCpus.field, badCpus.message]).toEqual(['cpus', 'recording line 1: the header\'s "cpus" must be a count']);
  });

  it('reads a stream line by line: the header, then each event as its line comes', () => {
    const reader = new NdjsonReader();
    expect(reader.line(JSON.stringify(header) + '\r')).toBeNull();
    expect(reader.header?.runId).toBe('r1');
    expect(reader.line('')).toBeNull();
    expect(reader.line(JSON.stringify(events[1]))).toEqual(events[1]);
    expect(() => reader.line('{"type":"stdout","t":1,"pid":"x"}')).toThrow('recording line 4: stdout: pid must be an integer or null');
    expect(() => new NdjsonReader().finish()).toThrow(/empty file/);
  });
});

describe('.obra.json recordings', () => {
  it('round-trips header, events and sources', () => {
    const text = recordingText({ header, events, sources: [{ path: 'boss.js', text: 'fork()' }] });
    const back = readRecording(text, 'x.obra.json');
    expect(back).toEqual({ header, events, sources: [{ path: 'boss.js', text: 'fork()' }] });
    expect(recordingFileName(header)).toBe('fork-2026-11-26-15-00-00.obra.json');
  });

  it('says what is wrong with a bad file, and where', () => {
    const bad = (text: string) => errorOf(text, 'a.obra.json').message;
    expect(bad('{nope')).toMatch(/^recording file: not JSON/);
    expect(bad('[1,2]')).toMatch(/expected an object/);
    expect(bad(JSON.stringify({ header: { obra: 2, runId: 'x' }, events: [] }))).toMatch(/^recording "header": .*version 1/);
    expect(bad(JSON.stringify({ header, events: {} }))).toMatch(/"events" must be an array/);
    expect(bad(JSON.stringify({ header, events: [{ type: 'exit', pid: 1 }] }))).toBe('recording events[0]: exit: t must be a number (µs since the run started)');
    expect(bad(JSON.stringify({ header, events: [], sources: [{ path: 1 }] }))).toMatch(/^recording sources\[0\]/);
  });
});
