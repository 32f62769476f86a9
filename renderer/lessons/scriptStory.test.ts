/**
 * The story of a script of one's own, from a real run: a boss that forks a
 * worker, execs a command that does not exist and spawns a program, told in
 * order, with the reason for each call, the messages, the exits and the error codes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { Lab } from '../../electron/lab/index';
import { MESSAGES } from '../i18n';
import { foldStory, scriptStory } from './scriptStory';

const BOSS = `const { fork, exec, spawn } = require('node:child_process');
const w = fork(require('node:path').join(__dirname, 'worker.js'));
w.on('message', (m) => {
  w.disconnect();
  exec('nosuchcmd-obra', (err) => {
    const ls = spawn('ls', ['/']);
    ls.stdout.resume();
  });
});
`;
const WORKER = "process.send({ hello: 'boss' });";

const lab = new Lab();
afterAll(() => lab.shutdown());

async function ownRun(): Promise<LabEvent[]> {
  const { runId } = await lab.startRun({ source: { name: 'boss.js', text: BOSS }, files: [{ path: 'worker.js', text: WORKER }] });
  await lab.ended(runId);
  return [...lab.log(runId)];
}

describe('the story of a script of one’s own', () => {
  it('names its calls in order, each with why, and tells messages, exits and error codes (es and en)', async () => {
    const log = await ownRun();
    const en = scriptStory(log, Infinity, 'en', MESSAGES.en.story).map((l) => l.text);
    const calls = en.filter((l) => / calls /.test(l));
    expect(calls.map((l) => /calls (\w+)\(/.exec(l)?.[1])).toEqual(['fork', 'exec', 'spawn']);
    expect(calls[0]).toMatch(/fork\("worker\.js"\) \(boss\.js:2\)\. fork starts another Node program with an IPC channel/);
    expect(calls[1]).toMatch(/exec\("nosuchcmd-obra"\) \(boss\.js:5\)\. exec runs the command in a shell and buffers/);
    expect(calls[2]).toMatch(/spawn\("ls", \["\/"\]\) \(boss\.js:6\)\. spawn streams the output/);
    expect(en.join('\n')).toMatch(/\(worker\.js\) → the boss \(pid \d+\), a message over the channel \(\d+ bytes\): \{"hello":"boss"\}/);
    expect(en.join('\n')).toMatch(/exec's callback runs in the boss \(pid \d+\) with an error: err\.code = 127/);
    expect(en.join('\n')).toMatch(/\(ls\) writes on stdout/);
    expect(en.filter((l) => /exits with code 0/.test(l))).toHaveLength(3);
    expect(en.at(-1)).toBe('The run is over: the boss ended and no process is left.');
    expect(en.indexOf(calls[0])).toBeLessThan(en.indexOf(calls[1]));

    const es = scriptStory(log, Infinity, 'es', MESSAGES.es.story).map((l) => l.text);
    expect(es.filter((l) => / llama a /.test(l)).map((l) => /llama a (\w+)\(/.exec(l)?.[1])).toEqual(['fork', 'exec', 'spawn']);
    expect(es.join('\n')).toMatch(/err\.code = 127/);
  }, 20_000);

  it('tells only what happened by the playhead', async () => {
    const log = await ownRun();
    const fork = log.find((e) => e.type === 'call') as LabEvent;
    const atFork = scriptStory(log, fork.t, 'en', MESSAGES.en.story);
    expect(atFork.map((l) => l.text).at(-1)).toMatch(/calls fork/);
    expect(atFork.every((l) => l.reached && (l.t ?? 0) <= fork.t)).toBe(true);

    // The log is in time order within a lab batch, not between batches: an event a little later
    // (here the worker's spawn) can be logged before the call. The call is told at its time still.
    const spawn = log.find((e) => e.type === 'spawn' && e.t > fork.t) as LabEvent;
    const swapped = log.filter((e) => e !== spawn);
    swapped.splice(swapped.indexOf(fork), 0, spawn);
    const told = scriptStory(swapped, fork.t, 'en', MESSAGES.en.story).map((l) => l.text);
    expect(told.at(-1)).toMatch(/calls fork/);
    const whole = scriptStory([...swapped], Infinity, 'en', MESSAGES.en.story).map((l) => l.text);
    expect(whole.filter((l) => / calls /.test(l)).map((l) => /calls (\w+)\(/.exec(l)?.[1])).toEqual(['fork', 'exec', 'spawn']);

    // However far apart: a run's end five seconds later, logged before the call, waits for its time.
    const end = { ...(log.at(-1) as LabEvent), t: fork.t + 5_000_000 };
    const farOut = [...log.slice(0, log.indexOf(fork)), end, ...log.slice(log.indexOf(fork))];
    const atCall = scriptStory(farOut, fork.t, 'en', MESSAGES.en.story).map((l) => l.text);
    expect(atCall.at(-1)).toMatch(/calls fork/);
    expect(scriptStory(farOut, end.t, 'en', MESSAGES.en.story).at(-1)?.text).toMatch(/The run is over/);
  }, 20_000);

  it('told live, as the log grows and the playhead follows it, is the story told at once from the same log', async () => {
    const log = await ownRun();
    const growing: LabEvent[] = [];
    for (let k = 0; k < log.length; k += 1 + (k % 3)) {
      growing.push(...log.slice(growing.length, k + 1));
      const cursor = log[k].t - (k % 2) * 50;
      // Between renders the live run folds on without telling (a frame's events at a time).
      if (k % 4 === 1) foldStory(growing, cursor, 'en', MESSAGES.en.story);
      const live = scriptStory(growing, cursor, 'en', MESSAGES.en.story);
      expect(live, `after ${k + 1} events, at ${cursor} µs`).toEqual(scriptStory([...growing], cursor, 'en', MESSAGES.en.story));
    }
    // A Node process found by the OS sampler before its spawn record arrived is, once the spawn comes, no longer told as found.
    const start = log[0];
    const early: LabEvent[] = [start, { type: 'os-process', t: 10, pid: 424242, ppid: start.pid as number, command: 'node', argv: ['node', 'w.js'], state: 'seen' }];
    const before = scriptStory(early, Infinity, 'en', MESSAGES.en.story).map((l) => l.text);
    early.push({ type: 'spawn', t: 5, pid: 424242, childId: `${start.pid}:9`, ppid: start.pid as number });
    const after = scriptStory(early, Infinity, 'en', MESSAGES.en.story).map((l) => l.text);
    expect(before.some((l) => l.includes('424242'))).toBe(true);
    expect(after).toEqual(scriptStory([...early], Infinity, 'en', MESSAGES.en.story).map((l) => l.text));

    // A line told before the name of its process was known is told again with that name, as told at once.
    const named: LabEvent[] = [start, { type: 'stdout', t: 20, pid: 515151, childId: `${start.pid}:3`, bytes: 3, preview: 'hi\\n' }, { type: 'exit', t: 30, pid: start.pid as number, childId: 'boss', code: 0, signal: null }];
    const unnamed = scriptStory(named, Infinity, 'en', MESSAGES.en.story).map((l) => l.text);
    named.push({ type: 'os-process', t: 35, pid: 515151, ppid: start.pid as number, command: 'cat', argv: ['cat', '-n'], state: 'seen' });
    const nowNamed = scriptStory(named, Infinity, 'en', MESSAGES.en.story).map((l) => l.text);
    expect(unnamed.join('\n')).not.toMatch(/cat -n/);
    expect(nowNamed.some((l) => /515151.*cat -n.*writes/.test(l))).toBe(true);
    expect(nowNamed).toEqual(scriptStory([...named], Infinity, 'en', MESSAGES.en.story).map((l) => l.text));
  }, 20_000);
});
