import { describe, expect, it } from 'vitest';
import type { LabEvent, LogHeader } from '../../shared/events';
import { parseRecording, recordingFileName, recordingText, RecordingFileError } from './recordingFile';

const header: LogHeader = { obra: 1, runId: 'r1', script: '/demos/fork/boss.js', demoId: 'fork', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 2, startedAt: '2026-11-26T15:00:00.123Z' };
const events = [
  { t: 0, type: 'run-start', pid: 10 },
  { t: 40, type: 'exit', pid: 11 },
] as unknown as LabEvent[];

describe('recording files', () => {
  it('round-trips header, events and sources through .obra.json', () => {
    const text = recordingText({ header, events, sources: [{ path: 'boss.js', text: 'fork()' }] });
    const back = parseRecording(text, 'x.obra.json');
    expect(back.header.demoId).toBe('fork');
    expect(back.events).toEqual(events);
    expect(back.sources).toEqual([{ path: 'boss.js', text: 'fork()' }]);
    expect(recordingFileName(header)).toBe('fork-2026-11-26-15-00-00.obra.json');
  });

  it("reads the CLI's NDJSON: header line, then one event per line", () => {
    const text = [JSON.stringify(header), ...events.map((e) => JSON.stringify(e)), ''].join('\n');
    const back = parseRecording(text, 'run.ndjson');
    expect(back.header.runId).toBe('r1');
    expect(back.events).toHaveLength(2);
    expect(back.sources).toEqual([]);
  });

  it('says what is wrong with a bad file', () => {
    const bad = (text: string, name = 'a.obra.json') => () => parseRecording(text, name);
    expect(bad('')).toThrow(/empty/);
    expect(bad('{nope')).toThrow(RecordingFileError);
    expect(bad('{nope')).toThrow(/not JSON/);
    expect(bad('[1,2]')).toThrow(/expected an object/);
    expect(bad(JSON.stringify({ header: { obra: 2, runId: 'x' }, events: [] }))).toThrow(/version 1/);
    expect(bad(JSON.stringify({ header, events: {} }))).toThrow(/"events" must be an array/);
    expect(bad(JSON.stringify({ header, events: [{ type: 'exit' }] }))).toThrow(/events\[0\].*numeric "t"/);
    expect(bad(JSON.stringify({ header, events: [], sources: [{ path: 1 }] }))).toThrow(/sources\[0\]/);
    expect(bad(`${JSON.stringify(header)}\n{"t":1,"type":"exit"}\nbroken`, 'r.ndjson')).toThrow(/line 3: not JSON/);
  });
});
