import { afterEach, describe, expect, it } from 'vitest';
import { Lab } from './index';
import { createPsProcessTable } from './os-sampler-ps';
import { fixture, isAlive, ofType, processesOfRun, waitFor } from '../../tests/fixtures/lab/lab-support';

// macOS's path through the lab: the `ps` table (one `ps` per poll, asynchronous),
// run here over procps `ps`.
let lab: Lab | null = null;
afterEach(async () => {
  await lab?.shutdown();
  lab = null;
});

describe.runIf(process.platform === 'linux')('a run sampled through `ps`', () => {
  it("sees exec's shell and sleep with their argv, then sees them go", async () => {
    lab = new Lab({ processTable: createPsProcessTable() });
    const { runId } = await lab.startRun({ file: fixture('exec-sleep.js') });
    const end = await lab.ended(runId);
    expect(end.reason).toBe('exit');
    const os = ofType(lab.log(runId), 'os-process');
    const sleep = os.find((e) => e.state === 'seen' && e.command === 'sleep');
    expect(sleep?.argv).toEqual(['sleep', '0.6']);
    expect(os.find((e) => e.state === 'seen' && e.pid === sleep?.ppid)?.command).toBe('sh');
    for (const e of os.filter((e) => e.state === 'seen')) expect(os.some((g) => g.state === 'gone' && g.pid === e.pid)).toBe(true);
    expect(ofType(lab.log(runId), 'sample').some((s) => s.pid === sleep?.pid && (s.rss ?? 0) > 0 && s.elu === undefined)).toBe(true);
  });

  it('stops the whole tree, the orphan a throw-away subshell left in a new session included', async () => {
    lab = new Lab({ sampleIntervalMs: 25, processTable: createPsProcessTable() });
    const { runId } = await lab.startRun({ file: fixture('tree-boss.js') });
    const pidOf = (argv: string) => ofType(lab!.log(runId), 'os-process').find((e) => e.argv.join(' ') === argv)?.pid;
    const orphan = await waitFor(() => pidOf('sleep 102'), 15000, 'the orphan in its own session, found by its environment');
    const seen = new Set(ofType(lab.log(runId), 'os-process').map((e) => e.pid as number));
    expect(processesOfRun(runId)).toContain(orphan);
    await lab.stopRun(runId);
    for (const pid of seen) expect(isAlive(pid), `pid ${pid} still alive`).toBe(false);
    expect(processesOfRun(runId)).toEqual([]);
  });
});
