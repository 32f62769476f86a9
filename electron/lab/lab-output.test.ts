import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Lab } from './index';
import { probeEntry } from './paths';
import { BatchRecorder, fixture, ofType } from '../../tests/fixtures/lab/lab-support';

let lab: Lab | null = null;
afterEach(async () => {
  await lab?.shutdown();
  lab = null;
});

describe("the boss's own output and exit", () => {
  it('delivers every byte the boss wrote, stdout and stderr, from uneven writes of an odd total', async () => {
    lab = new Lab();
    const totals = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'obra-test-')), 'totals.json');
    const { runId } = await lab.startRun({ file: fixture('uneven-output.js'), args: [totals] });
    const end = await lab.ended(runId);
    const written = JSON.parse(fs.readFileSync(totals, 'utf8'));
    fs.rmSync(path.dirname(totals), { recursive: true });
    expect(written.out % 2).toBe(1);
    const log = lab.log(runId);
    const sum = (type: 'stdout' | 'stderr') => ofType(log, type).filter((e) => e.childId === 'boss').reduce((n, e) => n + e.bytes, 0);
    expect(sum('stdout')).toBe(written.out);
    expect(sum('stderr')).toBe(written.err);
    expect(end).toMatchObject({ reason: 'exit', code: 0, signal: null });
    expect(ofType(log, 'stderr')[0].preview.startsWith('warning 7\\n')).toBe(true);
    expect(ofType(log, 'stdout').every((e) => e.preview.length <= 121)).toBe(true);
  });

  it('a script that does not parse ends the run: exit code 1, the SyntaxError on stderr', async () => {
    lab = new Lab();
    // Written at test time: a fixture that does not parse would break the linter.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-test-'));
    const script = path.join(dir, 'syntax-error.js');
    fs.writeFileSync(script, 'const answer = ;\nconsole.log(answer);\n');
    const { runId } = await lab.startRun({ file: script });
    const end = await lab.ended(runId);
    fs.rmSync(dir, { recursive: true });
    expect(end).toMatchObject({ reason: 'exit', code: 1, signal: null });
    const log = lab.log(runId);
    const stderr = ofType(log, 'stderr').map((e) => e.preview).join('');
    expect(stderr).toContain('SyntaxError');
    expect(ofType(log, 'exit').find((e) => e.childId === 'boss')).toMatchObject({ code: 1 });
    if (fs.existsSync(probeEntry())) {
      expect(ofType(log, 'error').find((e) => e.where === 'uncaught')).toMatchObject({ name: 'SyntaxError' });
    }
  });
});

describe('the report channel', () => {
  it('is drained before run-end: every record the boss wrote as it exited is in the log, before its exit', async () => {
    lab = new Lab();
    const { runId } = await lab.startRun({ file: fixture('report-writer.js'), args: ['stdout-flood', '5000'] });
    const end = await lab.ended(runId);
    const log = lab.log(runId);
    const records = ofType(log, 'stdout').filter((e) => e.childId === `${end.pid}:1`);
    expect(records.reduce((n, e) => n + (e.count ?? 1), 0)).toBe(5000);
    const exitAt = log.findIndex((e) => e.type === 'exit' && e.childId === 'boss');
    expect(log.lastIndexOf(records[records.length - 1])).toBeLessThan(exitAt);
  });
});

describe('batches', () => {
  it('arrive while the run goes, in time order, the last one with end: true, and add up to the log', async () => {
    lab = new Lab({ batchIntervalMs: 16 });
    const recorder = new BatchRecorder();
    const unsubscribe = lab.subscribe(recorder.receive);
    const { runId } = await lab.startRun({ file: fixture('exec-sleep.js') });
    await lab.ended(runId);
    unsubscribe();
    const batches = recorder.batches.filter((b) => b.runId === runId);
    expect(batches.length).toBeGreaterThan(3);
    expect(batches.filter((b) => b.end)).toHaveLength(1);
    expect(batches[batches.length - 1].end).toBe(true);
    expect(batches[batches.length - 1].events.at(-1)?.type).toBe('run-end');
    for (const b of batches) for (let i = 1; i < b.events.length; i++) expect(b.events[i].t).toBeGreaterThanOrEqual(b.events[i - 1].t);
    expect(recorder.eventsOf(runId)).toEqual(lab.log(runId));
  });

  it('hand an event after a quiet spell on at once, not at the next tick of the interval', async () => {
    // Ticks 20 s apart: the run (under 3 s) would otherwise be one batch at its end.
    lab = new Lab({ batchIntervalMs: 20_000 });
    const recorder = new BatchRecorder();
    const unsubscribe = lab.subscribe(recorder.receive);
    const boss = "console.log('first'); setTimeout(() => console.log('second'), 600); setTimeout(() => {}, 1500);";
    const { runId } = await lab.startRun({ source: { name: 'boss.js', text: boss } });
    await lab.ended(runId);
    unsubscribe();
    const batches = recorder.batches.filter((b) => b.runId === runId);
    const holding = (text: string) => batches.findIndex((b) => b.events.some((e) => e.type === 'stdout' && e.preview.includes(text)));
    expect(holding('first')).toBeGreaterThanOrEqual(0);
    expect(holding('first')).toBeLessThan(holding('second'));
    expect(holding('second')).toBeLessThan(batches.length - 1);
    expect(recorder.eventsOf(runId)).toEqual(lab.log(runId));
  });
});

describe('OS sampling', () => {
  it("sees exec's /bin/sh and the sleep under it, with CPU and RSS samples", async () => {
    lab = new Lab({ sampleIntervalMs: 20 });
    const { runId } = await lab.startRun({ file: fixture('exec-sleep.js') });
    const end = await lab.ended(runId);
    expect(end.reason).toBe('exit');
    const log = lab.log(runId);
    // A process caught between fork and exec is seen again after its exec: keep the last sighting.
    const lastSeen = new Map(ofType(log, 'os-process').filter((e) => e.state === 'seen').map((e) => [e.pid, e]));
    const seen = [...lastSeen.values()];
    const boss = seen.find((e) => e.pid === end.pid);
    const sh = seen.find((e) => e.argv[0] === '/bin/sh');
    expect(boss?.command).toBe('node');
    expect(sh).toMatchObject({ ppid: end.pid, command: 'sh', argv: ['/bin/sh', '-c', 'sleep 0.6; echo done'] });
    const sleep = seen.find((e) => e.command === 'sleep');
    expect(sleep).toMatchObject({ ppid: sh?.pid, argv: ['sleep', '0.6'] });
    const gone = ofType(log, 'os-process').filter((e) => e.state === 'gone').map((e) => e.pid);
    expect(gone).toEqual(expect.arrayContaining([boss?.pid, sh?.pid, sleep?.pid]));
    const bossSamples = ofType(log, 'sample').filter((e) => e.pid === end.pid);
    expect(bossSamples[0].rss).toBeGreaterThan(10 * 1024 * 1024);
    expect(bossSamples.some((e) => typeof e.cpu === 'number' && e.cpu >= 0)).toBe(true);
  });
});
