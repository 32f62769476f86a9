import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { formatRecording, readRecording } from '../../shared/recording';
import { EventInterner } from './eventInterner';

const header = { obra: 1 as const, runId: 'r', script: 's.js', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 2, startedAt: '' };
const source = { file: '/demo/worker.js', line: 17, column: 3 };
const events: LabEvent[] = [
  { type: 'stdout', t: 1, pid: 8, childId: '7:1', bytes: 6, preview: 'tick\\n' },
  { type: 'stdout', t: 2, pid: 8, childId: '7:1', bytes: 6, preview: 'tick\\n', count: 2 },
  { type: 'message', t: 3, pid: 7, dir: 'send', from: 7, to: 8, seq: 1, bytes: 10, preview: '{"n":1}' },
  { type: 'message', t: 4, pid: 8, dir: 'recv', from: 7, to: 8, seq: 1, bytes: 10, preview: '{"n":1}' },
  { type: 'task', t: 5, pid: 8, kind: 'timer', dur: 20, due: 4, label: 'setInterval 5 ms', source },
  { type: 'task', t: 6, pid: 8, kind: 'timer', dur: 20, due: 5, label: 'setInterval 5 ms', source },
  { type: 'task', t: 7, pid: 8, kind: 'timer', dur: 20, due: 6, label: 'setInterval 5 ms', source: { ...source, line: 18 } },
  { type: 'task', t: 8, pid: 8, kind: 'other', dur: 20, source: null },
  { type: 'exit', t: 9, pid: 8, childId: '7:1', code: 0, signal: null },
];

/** The events as a reader gets them: parsed from the recording's text, each with its own strings. */
const parsed = (): LabEvent[] => readRecording(formatRecording(header, events), 'r.ndjson').events;

describe('sharing the repeated texts of a recording', () => {
  it('leaves every event as it was read', () => {
    const interner = new EventInterner();
    const shared = parsed();
    for (const event of shared) interner.intern(event);
    expect(shared).toEqual(parsed());
    expect(JSON.stringify(shared)).toBe(JSON.stringify(parsed()));
  });

  it('gives equal places one object, and keeps places that differ apart', () => {
    const interner = new EventInterner();
    const shared = parsed();
    for (const event of shared) interner.intern(event);
    const places = shared.filter((e) => e.type === 'task').map((e) => e.source);
    expect(places[0]).toBe(places[1]);
    expect(places[2]).not.toBe(places[1]);
    expect(places[2]).toEqual({ ...source, line: 18 });
    expect(places[3]).toBeNull();
  });

  it('keeps a place whose fields differ only in type apart from its look-alike', () => {
    const interner = new EventInterner();
    const a = { type: 'task', t: 1, pid: 1, kind: 'timer', dur: 1, source: { file: 'f', line: 1, column: 1 } } as LabEvent;
    const b = { type: 'task', t: 2, pid: 1, kind: 'timer', dur: 1, source: { file: 'f', line: '1', column: 1 } } as unknown as LabEvent;
    interner.intern(a);
    interner.intern(b);
    expect((b as { source: unknown }).source).toEqual({ file: 'f', line: '1', column: 1 });
  });
});
