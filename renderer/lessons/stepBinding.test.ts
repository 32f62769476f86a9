import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { checkBinding, proposeBinding } from './stepBinding';

// A boss (100) forks a worker (200) twice; each prints, exits; the second exits with 3.
const log = [
  { type: 'run-start', t: 0, pid: 100, runId: 'r', script: '/l/index.js', argv: [], cwd: '/l', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'call', t: 10, pid: 100, api: 'fork', childId: '100:1', command: 'node', args: ['worker.js'], options: {} },
  { type: 'stdout', t: 20, pid: 100, childId: 'boss', bytes: 12, preview: 'result: 10\\n' },
  { type: 'exit', t: 30, pid: 200, childId: '100:1', code: 0, signal: null },
  { type: 'call', t: 40, pid: 100, api: 'fork', childId: '100:2', command: 'node', args: ['worker.js', 'again'], options: {} },
  { type: 'stdout', t: 50, pid: 100, childId: 'boss', bytes: 12, preview: 'result: 55\\n' },
  { type: 'exit', t: 60, pid: 201, childId: '100:2', code: 3, signal: null },
] as unknown as LabEvent[];

describe('a binding proposed from the selected event', () => {
  it('is type, whose and the call behind it, then what tells the event apart — its text, its exit code — until it matches that event alone', () => {
    expect(proposeBinding(log, 0)).toEqual({ on: { type: 'run-start', proc: 'boss' } });
    expect(proposeBinding(log, 1)).toEqual({ on: { type: 'call', proc: 'boss', api: 'fork', text: '^node worker\\.js$' } });
    expect(proposeBinding(log, 4)).toEqual({ on: { type: 'call', proc: 'boss', api: 'fork', text: '^node worker\\.js again$' } });
    expect(proposeBinding(log, 5)).toEqual({ on: { type: 'stdout', proc: 'boss', text: '^result: 55$' } });
    expect(proposeBinding(log, 6)).toEqual({ on: { type: 'exit', proc: 'child', api: 'fork', where: { code: 3, signal: null } } });
  });

  it('when nothing tells it apart, is the plainest matcher whose first match it is, else that one with nth', () => {
    const twins = [...log, { ...log[6], t: 70 }] as LabEvent[];
    expect(proposeBinding(twins, 6)).toEqual({ on: { type: 'exit', proc: 'child', api: 'fork', where: { code: 3, signal: null } } });
    expect(proposeBinding(twins, 7)).toEqual({ on: { type: 'exit', proc: 'child', api: 'fork', where: { code: 3, signal: null } }, nth: 2 });
    expect(proposeBinding(twins, 3)).toEqual({ on: { type: 'exit', proc: 'child', api: 'fork', where: { code: 0, signal: null } } });
  });

  it('is checked against the recording: every event it matches, and the one that reaches the step', () => {
    expect(checkBinding({ on: { type: 'stdout', proc: 'boss' } }, log)).toEqual({ matched: [2, 5], reached: 2 });
    expect(checkBinding({ on: { type: 'stdout', proc: 'boss' }, nth: 2 }, log)).toEqual({ matched: [2, 5], reached: 5 });
    expect(checkBinding({ on: { type: 'stderr' } }, log)).toEqual({ matched: [], reached: null });
  });
});
