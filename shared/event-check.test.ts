import { describe, expect, it } from 'vitest';
import { checkEvent } from './event-check';

describe('one check for an event, from the report channel or from a log', () => {
  const bossOutput = { type: 'stdout', t: 1, pid: 7, childId: 'boss', bytes: 3, preview: 'hi\\n' };
  const labError = { type: 'error', t: 1, pid: null, where: 'lab', name: 'ObraError', code: 'ERR_OBRA_NO_PROBE', message: 'no probe' };
  const osProcess = { type: 'os-process', t: 1, pid: 9, ppid: 7, command: 'sh', argv: ['/bin/sh', '-c', 'ls'], state: 'seen' };
  const runEnd = { type: 'run-end', t: 9, pid: 7, reason: 'exit', code: 0, signal: null };

  it("accepts in a log what the lab writes itself, and refuses it from the channel", () => {
    for (const event of [bossOutput, labError, osProcess, runEnd]) {
      expect(checkEvent(event, 'log')).toEqual({ event });
      expect(checkEvent(event, 'channel')).toHaveProperty('refused');
    }
  });

  it('names the field at fault', () => {
    expect(checkEvent({ ...osProcess, state: 'maybe' }, 'log')).toEqual({ refused: 'os-process: state must be seen or gone', field: 'state' });
    expect(checkEvent({ ...runEnd, reason: 'bored' }, 'log')).toEqual({ refused: 'run-end: reason must be exit, stopped, timeout or error', field: 'reason' });
    expect(checkEvent({ type: 'sample', t: 1, pid: 7, cpu: '3' }, 'log')).toEqual({ refused: 'sample: cpu/rss/elu/interval must be numbers', field: 'cpu' });
    expect(checkEvent({ type: 'teleport', t: 1, pid: 1 }, 'log')).toEqual({ refused: 'unknown event type "teleport"', field: 'type' });
  });

  it('leaves the event as it is', () => {
    const long = { type: 'stdout', t: 1, pid: 1, childId: '1:1', bytes: 9000, preview: 'a'.repeat(9000) };
    expect(checkEvent(long, 'log')).toEqual({ event: { ...long } });
  });
});
