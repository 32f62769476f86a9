/**
 * A lesson told over edited code, from a real run of the fork demo whose
 * worker was rewritten: the step about the line that is gone stays quiet,
 * the steps still bound are told and numbered in order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Lab } from '../../electron/lab/index';
import { demosDir } from '../../electron/lab/paths';
import { tell } from './lessonScripts';

const lab = new Lab();
afterAll(() => lab.shutdown());

describe('the fork lesson over an edited worker', () => {
  it('leaves out the step whose line is gone, and tells the others', async () => {
    const original = fs.readFileSync(path.join(demosDir(), 'fork', 'worker.js'), 'utf8');
    const worker = original.replace("process.send({ type: 'ready', pid: process.pid });", "const hello = { type: 'ready', pid: process.pid };\nprocess.send(hello);");
    expect(worker).not.toBe(original);
    const { runId } = await lab.startRun({ demoId: 'fork', files: [{ path: 'worker.js', text: worker }] });
    await lab.ended(runId);
    const log = [...lab.log(runId)];
    const lesson = { ...(await lab.lesson('fork')), demoId: 'fork' };
    const asLesson = tell(lesson, log, 1, Infinity, 'en') ?? [];
    const asRan = tell(lesson, log, 1, Infinity, 'en', [{ path: 'worker.js', text: worker }]) ?? [];
    expect(asLesson.some((l) => l.reached && l.text.startsWith('First message'))).toBe(true);
    expect(asRan.some((l) => l.text.startsWith('First message'))).toBe(false);
    expect(asRan).toHaveLength(asLesson.length - 1);
    expect(asRan.map((l) => l.n)).toEqual(asRan.map((_, i) => i + 1));
    expect(asRan.filter((l) => l.reached).length).toBeGreaterThanOrEqual(6);
  }, 30_000);
});
