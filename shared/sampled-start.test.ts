import { describe, expect, it } from 'vitest';
import type { LabEvent } from './events';
import { sampledStarts } from './sampled-start';

const run: LabEvent = { type: 'run-start', t: 0, pid: 10, runId: 'r', script: 'b.js', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 };
const tick = (t: number, pid = 10): LabEvent => ({ type: 'sample', t, pid, cpu: 1, rss: 1 });
const seen = (t: number, pid: number, ppid: number, command: string): LabEvent => ({ type: 'os-process', t, pid, ppid, command, argv: [command], state: 'seen' });

describe('when a sampled process began', () => {
  it("exec's shell began at its spawn, the sleep under it no earlier than the shell: before the output the sample came after", () => {
    const shell = seen(214.9e3, 11, 10, 'sh');
    const sleep = seen(214.9e3, 12, 11, 'sleep');
    const log: LabEvent[] = [run, tick(64e3), tick(114e3), tick(164e3), { type: 'spawn', t: 180.1e3, pid: 11, childId: '10:1', ppid: 10 },
      { type: 'stdout', t: 186e3, pid: 11, childId: '10:1', bytes: 5, preview: 'hola\\n' }, tick(214.9e3), shell, sleep];
    const starts = sampledStarts(log);
    expect(starts.get(shell)).toBe(180.1e3);
    expect(starts.get(sleep)).toBe(180.1e3);
  });

  it("a probe's own sample (its loop's, with CPU) says nothing about the process table: it is no tick", () => {
    const found = seen(300e3, 20, 10, 'find');
    const probe: LabEvent = { type: 'sample', t: 290e3, pid: 10, elu: 0.1, interval: 50e3, cpu: 3 };
    const log: LabEvent[] = [run, tick(200e3), tick(250e3), probe, found];
    expect(sampledStarts(log).get(found)).toBe(250e3);
  });

  it('a process under a long-lived parent began after the last sample that did not see it, never after it was found', () => {
    const found = seen(300e3, 20, 10, 'find');
    const log: LabEvent[] = [run, tick(200e3), tick(250e3), tick(300e3), found];
    expect(sampledStarts(log).get(found)).toBe(250e3);
  });
});
