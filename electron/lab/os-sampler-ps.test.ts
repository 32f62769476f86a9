import { execFileSync, spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { cpuSeconds, createPsProcessTable, parsePsArgs, parsePsEnvirons, parsePsTable, psEnvironArgs } from './os-sampler-ps';
import { fixture, waitFor } from '../../tests/fixtures/lab/lab-support';
import { bootTime, procStat } from '../../tests/fixtures/proc';

describe('reading `ps` output', () => {
  it('reads CPU time in both formats: procps [DD-]HH:MM:SS and macOS MM:SS.cc', () => {
    expect(cpuSeconds('00:00:05')).toBe(5);
    expect(cpuSeconds('01:02:03')).toBe(3723);
    expect(cpuSeconds('2-01:00:00')).toBe(2 * 86400 + 3600);
    expect(cpuSeconds('0:00.25')).toBeCloseTo(0.25);
    expect(cpuSeconds('123:04.50')).toBeCloseTo(123 * 60 + 4.5);
  });

  it('keeps a command name with spaces whole, takes a path to its last part, and skips what does not parse', () => {
    const text = [
      '  812     1   812 Ss    0:01.50  10240 Mon Dec  7 00:25:38 2026 /usr/libexec/Some Helper',
      '   41     2     0 I<   00:00:00      0 Tue Jan 13 09:05:01 2026 kworker/0:1',
      'not a process line',
      '',
    ].join('\n');
    const [mac, linux, ...rest] = parsePsTable(text);
    expect(rest).toEqual([]);
    expect(mac).toEqual({ pid: 812, ppid: 1, pgrp: 812, state: 'S', command: 'Some Helper', cpuTicks: 150, rssBytes: 10240 * 1024, startTicks: Date.UTC(2026, 11, 7, 0, 25, 38) / 1000 });
    expect(linux.command).toBe('kworker/0:1');
    expect(linux.state).toBe('I');
  });

  it('splits `ps -o pid=,args=` into argv at spaces (ps joins argv with spaces)', () => {
    expect(parsePsArgs('  10 sleep 30\n  11 /bin/sh -c sleep 1; echo\n  12\n')).toEqual(
      new Map([
        [10, ['sleep', '30']],
        [11, ['/bin/sh', '-c', 'sleep', '1;', 'echo']],
        [12, []],
      ]),
    );
  });
});

describe('reading environments from `ps`', () => {
  it('asks macOS with -E and procps with its BSD modifier e', () => {
    expect(psEnvironArgs([7, 8], 'darwin')).toEqual(['-E', '-ww', '-o', 'pid=,args=', '-p', '7,8']);
    expect(psEnvironArgs([7], 'linux')).toEqual(['e', '-ww', '-o', 'pid=,args=', '-p', '7']);
  });

  it('finds the entry as a whole word after the command, not as part of another', () => {
    const text = '  7 sleep 30 HOME=/h OBRA_RUN=r1 PATH=/bin\n  8 sleep 30 OBRA_RUN=r10\n  9 node x.js OBRA_RUN=r1\n 10 ps\n';
    expect(parsePsEnvirons(text, 'OBRA_RUN=r1')).toEqual(
      new Map([
        [7, true],
        [8, false],
        [9, true],
        [10, false],
      ]),
    );
  });
});

const started: number[] = [];
afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe.runIf(process.platform === 'linux')('the `ps` table against /proc, for the same real processes', () => {
  const table = createPsProcessTable();
  const pageBytes = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }));
  const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

  /** A boss with 5 sleeping children. */
  async function startTree(): Promise<number> {
    const boss = spawn(process.execPath, [fixture('many-sleepers.js'), '5'], { detached: true, stdio: 'ignore' });
    started.push(boss.pid as number);
    await waitFor(() => (table.snapshotSync().childrenOf(boss.pid as number, true).length === 5) || undefined, 5000, '5 sleepers');
    return boss.pid as number;
  }

  /** A process that burns just over a second of CPU (procps shows whole seconds), then idles. */
  async function startBurner(): Promise<number> {
    const burner = spawn(process.execPath, ['-e', 'while (process.cpuUsage().user < 1.05e6); setInterval(() => {}, 1000);'], { detached: true, stdio: 'ignore' });
    started.push(burner.pid as number);
    await waitFor(() => {
      const stat = procStat(burner.pid as number);
      return (stat && stat.state === 'S' && stat.cpuTicks >= ticksPerSecond) || undefined;
    }, 50_000, 'the burner to burn a second');
    return burner.pid as number;
  }

  it('gives the same pids, parents, groups, states, names, start times; RSS within 5 %, CPU time to the second', async () => {
    const [boss, burner] = [await startTree(), await startBurner()];
    const snapshot = await table.snapshot();
    const sleepers = snapshot.childrenOf(boss, true);
    expect(sleepers).toHaveLength(5);
    const tz = new Date().getTimezoneOffset() * 60;
    for (const pid of [boss, burner, ...sleepers, process.pid]) {
      const ps = snapshot.read(pid);
      const proc = procStat(pid);
      expect(ps, `pid ${pid}`).not.toBeNull();
      expect(proc).not.toBeNull();
      if (!ps || !proc) continue;
      expect([ps.pid, ps.ppid, ps.pgrp, ps.command]).toEqual([pid, proc.ppid, proc.pgrp, proc.comm]);
      // This test's own process runs and allocates between the two reads: its state and RSS move.
      if (pid !== process.pid) expect(ps.state, `state of ${pid}`).toBe(proc.state);
      if (pid !== process.pid) expect(Math.abs(ps.rssBytes - proc.rssPages * pageBytes), `RSS of ${pid}`).toBeLessThanOrEqual(0.05 * proc.rssPages * pageBytes + 256 * 1024);
      // procps prints whole seconds, cut down.
      const procSeconds = proc.cpuTicks / ticksPerSecond;
      expect(ps.cpuTicks / 100).toBeLessThanOrEqual(procSeconds + 0.01);
      expect(ps.cpuTicks / 100).toBeGreaterThan(procSeconds - 1);
      // lstart is local time to the second, read as if UTC.
      expect(Math.abs(ps.startTicks + tz - (bootTime() + proc.startTicks / ticksPerSecond))).toBeLessThanOrEqual(1);
    }
    expect(snapshot.read(burner)!.cpuTicks).toBeGreaterThanOrEqual(100);
    expect(snapshot.allPids().length).toBeGreaterThan(5);
  }, 60_000); // a second of CPU can take many on a loaded 2-core machine

  it('gives argv from one `ps -p` for several pids, leaving out those that are gone', async () => {
    const boss = await startTree();
    const sleepers = (await table.snapshot()).childrenOf(boss, true);
    const argvs = await table.argvs([boss, ...sleepers, 999_999_999]);
    expect(argvs.get(boss)).toEqual([process.execPath, fixture('many-sleepers.js'), '5']);
    for (const pid of sleepers) expect(argvs.get(pid)).toEqual(['sleep', '30']);
    expect(argvs.has(999_999_999)).toBe(false);
  });

  it("tells this user's processes of a run by their environment, in one `ps` for many pids", async () => {
    const runId = `ps-environ-${process.pid}-${Date.now()}`;
    const tagged = spawn('sleep', ['30'], { detached: true, stdio: 'ignore', env: { ...process.env, OBRA_RUN: runId } });
    const other = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    started.push(tagged.pid as number, other.pid as number);
    const has = await table.environsHave!([tagged.pid as number, other.pid as number, 999_999_999], `OBRA_RUN=${runId}`);
    expect(has).toEqual(
      new Map([
        [tagged.pid as number, true],
        [other.pid as number, false],
      ]),
    );
  });

  it('reads the same table blocking (for stops) as per poll', async () => {
    const boss = await startTree();
    const [sync, async] = [table.snapshotSync(), await table.snapshot()];
    expect(sync.childrenOf(boss, false).sort()).toEqual(async.childrenOf(boss, false).sort());
    expect(sync.read(boss)).toEqual(async.read(boss));
  });
});
