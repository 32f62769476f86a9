import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Lab, type LabOptions } from './index';
import { createPsProcessTable } from './os-sampler-ps';
import { ownCgroupDirs } from './run-cgroup';
import type { ContainmentKind } from './run-hold';
import { fixture, isAlive, ofType, waitFor } from '../../tests/fixtures/lab/lab-support';

let lab: Lab | null = null;
const strays: number[] = [];
afterEach(async () => {
  await lab?.shutdown();
  lab = null;
  // What a failing test leaves behind is the test's own: ended by pid.
  for (const pid of strays.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
});

/** Live `sleep <mark>…` processes, read from /proc (independently of the lab). */
function sleepers(mark: string): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const [program, arg] = fs.readFileSync(`/proc/${name}/cmdline`, 'latin1').split('\0');
      if (program === 'sleep' && arg?.startsWith(mark) && isAlive(Number(name))) out.push(Number(name));
    } catch {
      // Gone.
    }
  }
  return out;
}

async function runEscapes(containment: readonly ContainmentKind[] | undefined, more: LabOptions = {}) {
  lab = new Lab({ sampleIntervalMs: 25, ...(containment ? { containment } : {}), ...more });
  const mark = `300.${Date.now() % 1e6}${process.pid}`;
  const { runId } = await lab.startRun({ file: fixture('escaping-boss.js'), args: [mark] });
  const escaped = await waitFor(() => {
    const found = sleepers(mark);
    return found.length === 2 ? found : null;
  }, 5000, 'both escaped sleeps');
  strays.push(...escaped);
  // Their parents are gone: new sessions, empty environments, adopted by init unless something holds the run.
  for (const pid of escaped) expect(fs.readFileSync(`/proc/${pid}/environ`).length).toBe(0);
  await new Promise((r) => setTimeout(r, 300));
  await lab.stopRun(runId);
  const log = lab.log(runId);
  return { mark, escaped, log, start: ofType(log, 'run-start')[0], errors: ofType(log, 'error') };
}

const root = process.getuid?.() === 0;
const kinds: [ContainmentKind, boolean][] = [
  ['cgroup2', root && ownCgroupDirs().has('cgroup2')],
  ['cgroup1-freezer', root && ownCgroupDirs().has('cgroup1-freezer')],
  ['cgroup1-pids', root && ownCgroupDirs().has('cgroup1-pids')],
  ['subreaper', process.platform === 'linux'],
];

describe('processes that escape the tree (new session, wiped environment, parent gone) do not survive a stop', () => {
  for (const [kind, available] of kinds) {
    it.skipIf(!available)(`held by ${kind}: none survives, and run-start says what held the run`, async () => {
      const { mark, escaped, start, errors } = await runEscapes([kind]);
      expect(start.containment).toBe(kind);
      expect(sleepers(mark)).toEqual([]);
      for (const pid of escaped) expect(isAlive(pid)).toBe(false);
      expect(errors.map((e) => e.code)).toEqual([]);
    });
  }

  it.skipIf(!root)('by default the strongest hold this machine permits is used', async () => {
    const { mark, start } = await runEscapes(undefined);
    expect(start.containment).toBe(ownCgroupDirs().has('cgroup2') ? 'cgroup2' : 'cgroup1-freezer');
    expect(sleepers(mark)).toEqual([]);
  });

  it.each([
    ['/proc', {}],
    ["`ps` (macOS's table)", { processTable: createPsProcessTable() }],
  ] as const)('with nothing to hold the run (ancestry only, %s), the survivors are named in ERR_OBRA_SURVIVORS, never silenced', async (_table, more) => {
    const { mark, start, errors } = await runEscapes([], more);
    expect(start.containment).toBe('ancestry');
    // One whose parent a sample happened to see is ended by ancestry; the others are left
    // running (nothing ties them to the run) and named: pid and program.
    const left = sleepers(mark);
    expect(left.length).toBeGreaterThan(0);
    const survivors = errors.find((e) => e.code === 'ERR_OBRA_SURVIVORS');
    expect(survivors?.where).toBe('lab');
    for (const pid of left) expect(survivors?.message).toContain(`${pid} (sleep)`);
    expect(survivors?.message).toContain('neither a cgroup nor a child subreaper');
  });
});

describe("a boss that kills its parent (process.kill(process.ppid, 'SIGKILL'))", () => {
  for (const containment of [undefined, []] as const) {
    it(`kills the site keeper, not the lab: the run is stopped, its tree and folder gone (${containment ? 'ancestry only' : 'default hold'})`, async () => {
      lab = new Lab({ sampleIntervalMs: 25, ...(containment ? { containment } : {}) });
      const { runId } = await lab.startRun({ file: fixture('parent-killer-boss.js') });
      const end = await lab.ended(runId);
      const log = lab.log(runId);
      const said = JSON.parse(ofType(log, 'stdout')[0].preview.replace(/\\n$/, '')) as { folder: string; child: number; parent: number };
      strays.push(said.child, end.pid as number);
      expect(said.parent).not.toBe(process.pid);
      expect(end).toMatchObject({ reason: 'error', errorCode: 'ERR_OBRA_KEEPER_LOST', code: null, signal: null });
      expect(end.message).toContain(`site keeper (pid ${said.parent})`);
      expect(end.message).toContain('SIGKILL');
      expect(ofType(log, 'error').filter((e) => e.code === 'ERR_OBRA_KEEPER_LOST')).toHaveLength(1);
      expect(isAlive(end.pid as number)).toBe(false);
      expect(isAlive(said.child)).toBe(false);
      expect(fs.existsSync(said.folder)).toBe(false);
      // The lab lives on and starts the next run.
      const next = await lab.startRun({ file: fixture('idle-boss.js'), maxDurationMs: 200 });
      expect((await lab.ended(next.runId)).reason).toBe('timeout');
    });
  }
});
