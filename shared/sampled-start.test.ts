import { describe, expect, it } from 'vitest';
import type { LabEvent } from './events';
import { sampledStarts } from './sampled-start';

const run: LabEvent = { type: 'run-start', t: 0, pid: 10, runId: 'r', script: 'b.js', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 };
const tick = (t: number, pid = 10): LabEvent => ({ type: 'sample', t, pid, cpu: 1, rss: 1 });
const call = (t: number): LabEvent => ({ type: 'call', t, pid: 10, api: 'exec', childId: '10:1', command: 'echo hola; sleep 1', args: [], options: {}, source: null });
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

  it("a probe's sample between two OS polls is no poll: it carries cpu too, but says nothing of which processes exist", () => {
    const sleep = seen(153.2e3, 12, 11, 'sleep');
    const probe: LabEvent = { type: 'sample', t: 151.4e3, pid: 10, elu: 0.035, interval: 50e3, cpu: 13.6, rss: 1 };
    const log: LabEvent[] = [run, tick(103.8e3), { type: 'spawn', t: 108.3e3, pid: 11, childId: '10:1', ppid: 10 },
      { type: 'stdout', t: 111e3, pid: 11, childId: '10:1', bytes: 5, preview: 'hola\\n' }, probe, tick(153.2e3), seen(153.2e3, 11, 10, 'sh'), sleep];
    expect(sampledStarts(log).get(sleep)).toBe(108.3e3);
  });

  it("a process seen again under a new name (it exec'd) is told from when the process began, not from when its new name was caught", () => {
    // Node's fork of the boss, seen as node before it became /bin/sh.
    const fork = seen(525e3, 11, 10, 'node');
    const shell = seen(585e3, 11, 10, 'sh');
    const log: LabEvent[] = [run, tick(469e3), call(483e3), tick(525e3), fork, { type: 'spawn', t: 535e3, pid: 11, childId: '10:1', ppid: 10 },
      { type: 'stdout', t: 577e3, pid: 11, childId: '10:1', bytes: 5, preview: 'hola\\n' }, tick(585e3), shell];
    expect(sampledStarts(log).get(shell)).toBe(525e3);
    // The shell's fork, seen as sh before the boss read 'hola', seen as the sleep it became only after.
    const subshell = seen(591e3, 12, 11, 'sh');
    const sleep = seen(694e3, 12, 11, 'sleep');
    const later: LabEvent[] = [run, tick(533e3), call(560e3), tick(591e3), subshell, { type: 'spawn', t: 605e3, pid: 11, childId: '10:1', ppid: 10 },
      { type: 'stdout', t: 617e3, pid: 11, childId: '10:1', bytes: 5, preview: 'hola\\n' }, tick(643e3), tick(694e3), sleep];
    expect(sampledStarts(later).get(sleep)).toBe(591e3);
  });

  it('a spawned process seen before its spawn call returned had begun by then, though never before its call', () => {
    const shell = seen(591e3, 11, 10, 'sh');
    const sleep = seen(591e3, 12, 11, 'sh');
    const log: LabEvent[] = [run, tick(533e3), call(560e3), tick(591e3), shell, sleep, { type: 'spawn', t: 605e3, pid: 11, childId: '10:1', ppid: 10 }];
    expect(sampledStarts(log).get(shell)).toBe(591e3);
    expect(sampledStarts(log).get(sleep)).toBe(591e3);
    // A poll's time is taken as it begins: a sighting that seems to come before the call is told just after it.
    const early = seen(587e3, 11, 10, 'sh');
    expect(sampledStarts([run, tick(587e3), early, call(599e3), { type: 'spawn', t: 635e3, pid: 11, childId: '10:1', ppid: 10 }]).get(early)).toBe(599e3 + 1);
  });

  it('a process under a long-lived parent began after the last sample that did not see it, never after it was found', () => {
    const found = seen(300e3, 20, 10, 'find');
    const log: LabEvent[] = [run, tick(200e3), tick(250e3), tick(300e3), found];
    expect(sampledStarts(log).get(found)).toBe(250e3);
  });
});
