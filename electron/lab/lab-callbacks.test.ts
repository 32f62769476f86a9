import { afterEach, describe, expect, it } from 'vitest';
import { Lab } from './index';
import { ofType } from '../../tests/fixtures/lab/lab-support';
import { fixture } from '../probe/observe.test-helper';

let lab: Lab | null = null;
afterEach(async () => {
  await lab?.shutdown();
  lab = null;
});

describe("the event loops' callbacks, a per-run option", () => {
  it("recorded by default in every process of the tree; callbacks: false leaves them out of the boss's and its children's", async () => {
    lab = new Lab();
    const withThem = await lab.startRun({ file: fixture('ipc-task-boss.js') });
    await lab.ended(withThem.runId);
    const tasks = ofType(lab.log(withThem.runId), 'task');
    expect(new Set(tasks.map((t) => t.pid)).size).toBe(2);
    expect(tasks.some((t) => t.kind === 'ipc')).toBe(true);

    const without = await lab.startRun({ file: fixture('ipc-task-boss.js'), callbacks: false });
    const end = await lab.ended(without.runId);
    expect(end).toMatchObject({ reason: 'exit', code: 0 });
    const log = lab.log(without.runId);
    expect(ofType(log, 'task')).toEqual([]);
    // Everything else is still there: the child, its message, both processes' samples.
    expect(ofType(log, 'message').filter((m) => m.dir === 'recv')).toHaveLength(2);
  });

  it('refuses a callbacks option that is not true or false', async () => {
    lab = new Lab();
    await expect(lab.startRun({ file: fixture('ipc-task-boss.js'), callbacks: 'no' as unknown as boolean })).rejects.toMatchObject({ code: 'ERR_OBRA_BAD_REQUEST' });
  });
});
