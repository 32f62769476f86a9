import { describe, expect, it } from 'vitest';
import type { LabEvent, LogHeader } from './events';
import { formatRecording, parseRecording, RecordingFormatError } from './ndjson';

const header: LogHeader = {
  obra: 1, runId: 'r1', script: '/tmp/boss.js', argv: [], cwd: '/tmp',
  node: 'v20.20.2', platform: 'linux', cpus: 2, startedAt: '2025-01-01T00:00:00.000Z',
};
const events: LabEvent[] = [
  { type: 'stdout', t: 10, pid: 7, childId: 'boss', bytes: 6, preview: 'hello\\n' },
  { type: 'exit', t: 20, pid: 7, childId: 'boss', code: 0, signal: null },
];

function errorOf(text: string): RecordingFormatError {
  try {
    parseRecording(text);
  } catch (err) {
    return err as RecordingFormatError;
  }
  throw new Error('parseRecording accepted a bad file');
}

describe('NDJSON recordings', () => {
  it('round-trip: header on the first line, one event per line', () => {
    const text = formatRecording(header, events);
    expect(text.split('\n')).toHaveLength(events.length + 2);
    expect(JSON.parse(text.split('\n')[0])).toEqual(header);
    expect(parseRecording(text)).toEqual({ header, events, skippedUnknown: 0 });
  });

  it('reads CRLF line endings and blank lines', () => {
    const text = formatRecording(header, events).replace(/\n/g, '\r\n') + '\r\n';
    expect(parseRecording(text).events).toEqual(events);
  });

  it('names the line that is not JSON', () => {
    const lines = formatRecording(header, events).split('\n');
    lines[2] = '{"type":"exit",';
    const err = errorOf(lines.join('\n'));
    expect(err).toBeInstanceOf(RecordingFormatError);
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/^recording line 3: not JSON/);
  });

  it('refuses a file that does not start with the header', () => {
    const err = errorOf(JSON.stringify(events[0]) + '\n');
    expect(err.line).toBe(1);
    expect(err.message).toMatch(/first line must be a \{"obra":1/);
  });

  it('refuses an empty file and another version', () => {
    expect(errorOf('\n\n').message).toMatch(/empty file/);
    expect(errorOf(JSON.stringify({ ...header, obra: 2 })).message).toMatch(/unsupported recording version 2/);
  });

  it('refuses an event without t or pid, naming its line', () => {
    const text = formatRecording(header, events) + '\n{"type":"stdout","pid":1}\n';
    expect(errorOf(text).message).toBe('recording line 5: stdout event has no numeric "t"');
    const noPid = formatRecording(header, events) + '{"type":"sample","t":1}\n';
    expect(errorOf(noPid).message).toMatch(/line 4: sample event has no "pid"/);
  });

  it("reads the event loop's callbacks (task events) back as they were written", () => {
    const task = { type: 'task', t: 1_506_000, pid: 7, kind: 'timer', dur: 350, due: 100_000, label: 'setTimeout 100 ms' } as const;
    const recording = parseRecording(formatRecording(header, [...events, task]));
    expect(recording.events.at(-1)).toEqual(task);
    expect(recording.skippedUnknown).toBe(0);
  });

  it('skips (and counts) event types a newer Obra may add', () => {
    const text = formatRecording(header, events) + '{"type":"future-thing","t":30,"pid":7}\n';
    const recording = parseRecording(text);
    expect(recording.events).toEqual(events);
    expect(recording.skippedUnknown).toBe(1);
  });
});
