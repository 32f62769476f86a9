import { describe, expect, it } from 'vitest';
import { checkRecord } from './record-check';

describe('records from the report channel', () => {
  it('accepts the events the probe sends, verbatim', () => {
    const call = { type: 'call', t: 12, pid: 7, api: 'exec', childId: '7:1', command: 'ls', args: [], options: { shell: true }, source: { file: '/a.js', line: 3, column: 1 } };
    expect(checkRecord(call)).toEqual({ event: call });
    const close = { type: 'close', t: 13, pid: null, childId: '7:2', code: -13, signal: null };
    expect(checkRecord(close)).toEqual({ event: close });
    const cb = { type: 'callback', t: 14, pid: 7, childId: '7:1', api: 'exec', error: { code: 127, signal: null, killed: false, message: 'Command failed' }, stdoutBytes: 0, stderrBytes: 30 };
    expect(checkRecord(cb)).toEqual({ event: cb });
    const kill = { type: 'kill', t: 15, pid: 7, target: -9, signal: 'SIGTERM', code: null, source: { file: '/a.js', line: 9, column: 3 } };
    expect(checkRecord(kill)).toEqual({ event: kill });
    const spawn = { type: 'spawn', t: 15, pid: 9, childId: '7:1', ppid: 7, file: 'C:\\Windows\\system32\\cmd.exe', argv: ['C:\\Windows\\system32\\cmd.exe', '/d', '/s', '/c', '"ver"'] };
    expect(checkRecord(spawn)).toEqual({ event: spawn });
    const thread = { type: 'thread', t: 15, pid: 7, state: 'start', thread: 1, file: '/w.js', source: null };
    expect(checkRecord(thread)).toEqual({ event: thread });
    const fromThread = { type: 'message', t: 16, pid: 7, threadId: 1, dir: 'send', from: 7, to: 7, fromThread: 1, toThread: 0, seq: 1, bytes: 2, preview: '{}' };
    expect(checkRecord(fromThread)).toEqual({ event: fromThread });
    const timer = { type: 'task', t: 1_406_000, pid: 7, kind: 'timer', dur: 350, due: 100_000, label: 'setTimeout 100 ms', source: { file: '/a.js', line: 5, column: 3 } };
    expect(checkRecord(timer)).toEqual({ event: timer });
    const coalesced = { type: 'task', t: 20, pid: 7, threadId: 2, kind: 'ipc', dur: 5_000, count: 900, span: 48_000 };
    expect(checkRecord(coalesced)).toEqual({ event: coalesced });
  });

  it.each([
    ['a non-object', 42, /not a JSON object/],
    ['an unknown type', { type: 'teleport', t: 1, pid: 1 }, /unknown record type "teleport"/],
    ['a type only the lab writes', { type: 'run-end', t: 1, pid: 1 }, /unknown record type "run-end"/],
    ['a missing t', { type: 'disconnect', pid: 1, childId: 'x' }, /t must be a number/],
    ['a fractional pid', { type: 'disconnect', t: 1, pid: 1.5, childId: 'x' }, /pid must be an integer/],
    ['negative bytes', { type: 'stdout', t: 1, pid: 1, childId: '1:1', bytes: -1, preview: '' }, /bytes must be a count/],
    ['an error that speaks for the lab', { type: 'error', t: 1, pid: null, where: 'lab', name: 'ObraError', code: 'ERR_OBRA_NO_PROBE', message: 'forged' }, /only the lab speaks for the lab/],
    ["output claimed for the boss (the lab reads the boss's pipes itself)", { type: 'stdout', t: 1, pid: 1, childId: 'boss', bytes: 3, preview: 'hi\\n' }, /childId must be <pid>:<n>/],
    ["the boss's exit", { type: 'exit', t: 1, pid: 1, childId: 'boss', code: 0, signal: null }, /childId must be <pid>:<n>/],
    ["a call reported under another process's id", { type: 'call', t: 1, pid: 7, api: 'spawn', childId: '8:1', command: 'ls', args: [], options: {}, source: null }, /is not a call of process 7/],
    ["a spawn whose parent did not make the call", { type: 'spawn', t: 1, pid: 9, childId: '7:1', ppid: 8 }, /is not a call of process 8/],
    ['a spawn whose argv is not strings', { type: 'spawn', t: 1, pid: 2, childId: '1:1', ppid: 1, argv: [1] }, /argv must be strings/],
    ['a main thread named as a thread', { type: 'disconnect', t: 1, pid: 1, threadId: 0, childId: 'x' }, /threadId must be ≥ 1/],
    ['a thread event without its thread', { type: 'thread', t: 1, pid: 1, state: 'online' }, /thread must be a threadId/],
    ['a task of a kind the loop has not', { type: 'task', t: 1, pid: 1, kind: 'teleport', dur: 1 }, /kind must be one of timer, immediate/],
    ['a task lasting a fraction of a µs', { type: 'task', t: 1, pid: 1, kind: 'fs', dur: 0.5 }, /dur must be a count/],
    ['a coalesced task of no callbacks', { type: 'task', t: 1, pid: 1, kind: 'fs', dur: 1, count: 0 }, /count must be ≥ 1/],
    ['a task with a label no probe writes', { type: 'task', t: 1, pid: 1, kind: 'http', dur: 1, label: 'x'.repeat(201) }, /label must be a string of at most 200/],
    ['a kill of no pid', { type: 'kill', t: 1, pid: 1, target: 'everyone', signal: 'SIGTERM', code: null, source: null }, /target must be an integer/],
    ['a kill whose signal is a number', { type: 'kill', t: 1, pid: 1, target: 2, signal: 15, code: null, source: null }, /signal must be a string/],
    ['a kill that threw a number', { type: 'kill', t: 1, pid: 1, target: 2, signal: 'SIGTERM', code: 3, source: null }, /code must be a string or null/],
    ['a kill from nowhere', { type: 'kill', t: 1, pid: 1, target: 2, signal: 'SIGTERM', code: null, source: 'a.js' }, /source must be null or a location/],
    ['a message with no direction', { type: 'message', t: 1, pid: 1, from: 1, to: 2, seq: 1, bytes: 1, preview: '' }, /dir must be/],
  ])('refuses %s, saying why', (_what, record, why) => {
    const r = checkRecord(record);
    expect('refused' in r && r.refused).toMatch(why);
  });

  it('cuts an over-long preview', () => {
    const r = checkRecord({ type: 'stdout', t: 1, pid: 1, childId: '1:1', bytes: 9000, preview: 'a'.repeat(9000) });
    expect('event' in r && r.event.type === 'stdout' && r.event.preview.length).toBe(513);
  });
});
