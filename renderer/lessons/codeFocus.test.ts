import { describe, expect, it } from 'vitest';
import type { DemoSource } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import type { NarrationLine } from '../../shared/narration';
import { anchorLine, codeFocus, tabOf } from './codeFocus';
import { runOverAt, visibleSteps } from './visibleSteps';

const sources: DemoSource[] = [
  { path: 'index.js', text: "const { fork } = require('node:child_process');\nconst w = fork('worker.js');\nw.send({ job: 1 });\n" },
  { path: 'worker.js', text: "process.on('message', (m) => {\n  process.send(m);\n});\n" },
];
const at = (file: string, line: number) => ({ file, line, column: 1 });
const log: LabEvent[] = [
  { type: 'run-start', t: 0, pid: 1, runId: 'r', script: '/demos/fork/index.js', argv: [], cwd: '/demos/fork', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'call', t: 100, pid: 1, api: 'fork', childId: '1:1', command: '/demos/fork/worker.js', args: [], options: {}, source: at('/demos/fork/index.js', 2) },
  { type: 'spawn', t: 200, pid: 2, childId: '1:1', ppid: 1 },
  { type: 'call', t: 300, pid: 2, api: 'spawn', childId: '2:1', command: 'ls', args: [], options: {}, source: at('/demos/fork/worker.js', 2) },
  { type: 'exit', t: 900, pid: 2, childId: '1:1', code: 0, signal: null },
];
const step = (n: number, t: number | null, code?: { file: string; text: string }): NarrationLine => ({ n, text: `step ${n}`, t, reached: t !== null, ...(code ? { code } : {}) });

describe('codeFocus', () => {
  it('points at the call behind the latest event at or before the cursor, in its own tab', () => {
    expect(codeFocus(log, 50, sources, null)).toBeNull();
    expect(codeFocus(log, 250, sources, null)).toEqual({ path: 'index.js', line: 2, t: 200 });
    expect(codeFocus(log, 300, sources, null)).toEqual({ path: 'worker.js', line: 2, t: 300 });
    // The worker's exit goes back to the fork() that started it.
    expect(codeFocus(log, 1000, sources, null)).toEqual({ path: 'index.js', line: 2, t: 900 });
  });

  it('live, as the log grows (records out of time order among them) and the cursor follows it, points where a look at the whole log does', () => {
    const records: LabEvent[] = [
      ...log.slice(0, 3),
      // The worker's call was written after a later exit of another child (two writers), and a second call at the same time as the first.
      { type: 'exit', t: 950, pid: 3, childId: '1:2', code: 0, signal: null },
      log[3],
      { type: 'call', t: 300, pid: 1, api: 'fork', childId: '1:2', command: '/demos/fork/worker.js', args: [], options: {}, source: at('/demos/fork/index.js', 3) },
      log[4],
    ];
    const growing: LabEvent[] = [];
    for (const [k, cursor] of [[1, 0], [2, 120], [3, 250], [4, 260], [5, 300], [6, 320], [7, 960], [7, 2000]] as const) {
      growing.push(...records.slice(growing.length, k));
      expect(codeFocus(growing, cursor, sources, null), `${k} records at ${cursor}`).toEqual(codeFocus([...growing], cursor, sources, null));
    }
    expect(codeFocus(growing, 960, sources, null)).toEqual({ path: 'index.js', line: 3, t: 950 });
    // Back again: as from the start.
    expect(codeFocus(growing, 310, sources, null)).toEqual({ path: 'index.js', line: 3, t: 300 });
  });

  it("points a Worker thread's start, online and exit at its new Worker line", () => {
    const threads: LabEvent[] = [
      log[0],
      { type: 'thread', t: 100, pid: 1, state: 'start', thread: 1, file: '/demos/fork/worker.js', source: at('/demos/fork/index.js', 3) },
      { type: 'call', t: 150, pid: 1, api: 'fork', childId: '1:1', command: '/demos/fork/worker.js', args: [], options: {}, source: at('/demos/fork/index.js', 2) },
      { type: 'thread', t: 200, pid: 1, state: 'online', thread: 1 },
      { type: 'thread', t: 300, pid: 1, state: 'exit', thread: 1, code: 0 },
    ];
    expect(codeFocus(threads, 120, sources, null)).toEqual({ path: 'index.js', line: 3, t: 100 });
    expect(codeFocus(threads, 250, sources, null)).toEqual({ path: 'index.js', line: 3, t: 200 });
    expect(codeFocus(threads, 300, sources, null)).toEqual({ path: 'index.js', line: 3, t: 300 });
  });

  it("points a timer's callback, as it runs, into the function the setTimeout that set it was given", () => {
    const timerSources: DemoSource[] = [{ path: 'index.js', text: "setTimeout(() => {\n  console.log('late');\n}, 100);\nlet sum = 0;\n" }];
    const timed: LabEvent[] = [
      log[0],
      { type: 'task', t: 50, pid: 1, kind: 'other', dur: 900, label: 'main' },
      { type: 'task', t: 1_000, pid: 1, kind: 'timer', dur: 20, due: 100, label: 'setTimeout 100 ms', source: at('/demos/fork/index.js', 1) },
    ];
    expect(codeFocus(timed, 500, timerSources, null)).toBeNull();
    expect(codeFocus(timed, 1_000, timerSources, null)).toEqual({ path: 'index.js', line: 2, t: 1_000 });
  });

  it("prefers the current narration step's line when that step is newer", () => {
    const told = [step(1, 100), step(2, 950, { file: 'index.js', text: 'w.send(' }), step(3, null)];
    expect(codeFocus(log, 1000, sources, told)).toEqual({ path: 'index.js', line: 3, t: 950 });
    expect(codeFocus(log, 1000, sources, [step(1, 800, { file: 'worker.js', text: 'process.on' })])).toEqual({ path: 'index.js', line: 2, t: 900 });
  });

  it('maps probe paths to tabs, by suffix then by name', () => {
    expect(tabOf('/a/b/demos/fork/worker.js', sources)).toBe('worker.js');
    expect(tabOf('C:\\demos\\fork\\index.js', sources)).toBe('index.js');
    expect(tabOf('/tmp/other.js', sources)).toBeNull();
    expect(anchorLine('a\nb\nc', 'c')).toBe(3);
    expect(anchorLine('a', 'zz')).toBeNull();
  });
});

describe('visibleSteps', () => {
  it('shows reached steps and the next one, not those skipped on the way', () => {
    const lines = [step(1, 10), step(2, null), step(3, 30), step(4, null), step(5, null)];
    expect(visibleSteps(lines).map((l) => l.n)).toEqual([1, 3, 4]);
    expect(visibleSteps([step(1, null), step(2, null)]).map((l) => l.n)).toEqual([1]);
  });

  it('shows nothing coming once the run is over at the playhead', () => {
    const lines = [step(1, 10), step(2, null), step(3, 30), step(4, null)];
    expect(visibleSteps(lines, true).map((l) => l.n)).toEqual([1, 3]);
    const log = [{ type: 'run-start', t: 0 }, { type: 'run-end', t: 900 }] as unknown as LabEvent[];
    expect([runOverAt(log, 899), runOverAt(log, 900), runOverAt(log.slice(0, 1), 5_000)]).toEqual([false, true, false]);
  });
});

describe('the code mark on a callback', () => {
  const boss = {
    path: 'index.js',
    text: "const { exec } = require('node:child_process');\nexec('echo hola', (err, stdout) => {\n  // It arrives once, at the end.\n  console.log(`callback: err = ${err}`);\n});\n",
  };
  const callLog: LabEvent[] = [
    { type: 'run-start', t: 0, pid: 1, runId: 'r', script: '/d/index.js', argv: [], cwd: '/d', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
    { type: 'call', t: 100, pid: 1, api: 'exec', childId: '1:1', command: 'echo hola', args: [], options: {}, source: { file: '/d/index.js', line: 2, column: 1 } },
    { type: 'spawn', t: 200, pid: 2, childId: '1:1', ppid: 1 },
    { type: 'callback', t: 900, pid: 1, childId: '1:1', api: 'exec', error: null, stdoutBytes: 5, stderrBytes: 0 },
  ];

  it('stays on the call while the worker runs, and moves into the callback when it runs', () => {
    expect(codeFocus(callLog, 500, [boss], null)?.line).toBe(2);
    expect(codeFocus(callLog, 900, [boss], null)?.line).toBe(4);
  });
});
