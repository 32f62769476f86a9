import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { openProcessTable } from './os-sampler';
import { parseSystemProcessInformation } from './os-sampler-windows';
import { snapshotOf } from './os-sampler-snapshot';
import { buildLab } from '../../tests/fixtures/lab/build-lab';
import { fixture } from '../../tests/fixtures/lab/lab-support';

/**
 * A real SystemProcessInformation buffer, taken by Windows Node (under Wine)
 * while it ran `cmd.exe /c ping -n 4 127.0.0.1 > nul`; the JSON beside it has
 * the buffer's address and the pids Node itself gave (its own, cmd.exe's).
 */
const captured = {
  buf: fs.readFileSync(fixture('windows/system-process-information.bin')),
  ...(JSON.parse(fs.readFileSync(fixture('windows/system-process-information.json'), 'utf8')) as { base: string; nodePid: number; cmdPid: number }),
};

describe('the Windows process table, read from a real SystemProcessInformation buffer', () => {
  const processes = parseSystemProcessInformation(captured.buf, BigInt(captured.base));
  const snapshot = snapshotOf(processes);

  it('finds node.exe, its cmd.exe and the ping under it, with their parents', () => {
    expect(snapshot.read(captured.nodePid)?.command).toBe('node.exe');
    expect(snapshot.read(captured.cmdPid)).toMatchObject({ command: 'cmd.exe', ppid: captured.nodePid, pgrp: -1, state: 'R' });
    expect(snapshot.childrenOf(captured.nodePid, false)).toEqual([captured.cmdPid]);
    const [ping] = snapshot.childrenOf(captured.cmdPid, false);
    expect(snapshot.read(ping)).toMatchObject({ command: 'ping.exe', ppid: captured.cmdPid });
  });

  it('reads times and memory in their units: creation in µs since 1970, CPU in 100 ns, working set in bytes', () => {
    const node = snapshot.read(captured.nodePid)!;
    const cmd = snapshot.read(captured.cmdPid)!;
    // Taken in 2026: creation times are dates of that year, the child after its parent.
    expect(new Date(node.startTicks / 1000).getUTCFullYear()).toBe(2026);
    expect(cmd.startTicks).toBeGreaterThan(node.startTicks);
    expect(node.cpuTicks).toBeGreaterThan(0);
    expect(node.rssBytes).toBeGreaterThan(20 * 1024 * 1024); // node.exe's working set
    for (const p of processes) expect(p.rssBytes).toBeGreaterThan(0);
    expect(new Set(processes.map((p) => p.pid)).size).toBe(processes.length);
  });

  it('never takes a child older than the process now holding its parent pid (Windows reuses pids and never re-parents)', () => {
    const [node, cmd] = [snapshot.read(captured.nodePid)!, snapshot.read(captured.cmdPid)!];
    const reused = snapshotOf([{ ...node, startTicks: cmd.startTicks + 1 }, cmd]);
    expect(reused.childrenOf(captured.nodePid, false)).toEqual([]);
  });
});

describe.runIf(process.platform !== 'win32')('the Windows process table where ntdll cannot be loaded', () => {
  it('is null with the reason, for the run to say (OS sampling off, the probe still reports Node processes)', () => {
    const opened = openProcessTable('win32');
    expect(opened.table).toBeNull();
    expect(opened.problem).toMatch(/^the process table could not be read \(.+\)$/);
  });
});

/**
 * Under Wine, when OBRA_WINE_NODE names Windows Node's node.exe and koffi's
 * win32-x64 binary is at hand (OBRA_WINE_KOFFI: a node_modules folder holding
 * @koromix/koffi-win32-x64, or installed in this checkout's node_modules): the
 * real table and the tree sampler over it, on a real tree of cmd.exe and ping.
 * `npm run test:windows` sets both (and WINEPREFIX) from its cache.
 */
const wineNode = process.env.OBRA_WINE_NODE;
const koffiWinIn = [process.env.OBRA_WINE_KOFFI, path.join(__dirname, '../../node_modules')].find((dir) => !!dir && fs.existsSync(path.join(dir, '@koromix/koffi-win32-x64')));

describe.runIf(process.platform === 'linux' && !!wineNode)('the Windows process table under Wine', () => {
  it('sees cmd.exe and ping with their parents and argv, a ping whose parent died, CPU and memory, then all gone', () => {
    // Asked for (OBRA_WINE_NODE is set): what is missing fails the test, never skips it.
    expect(fs.existsSync(wineNode!), `OBRA_WINE_NODE=${wineNode}: no such file`).toBe(true);
    expect(koffiWinIn, 'koffi\'s win32-x64 binary: set OBRA_WINE_KOFFI to a node_modules folder holding @koromix/koffi-win32-x64').toBeDefined();
    expect(spawnSync('wine', ['--version']).status, 'wine --version').toBe(0);
    const { root } = buildLab();
    fs.symlinkSync(path.join(__dirname, '../../node_modules'), path.join(root, 'node_modules'));
    const out = path.join(root, 'out.json');
    const winPath = (p: string) => 'Z:' + p.replaceAll('/', '\\');
    // Windows Node under Wine needs a file for stdout, never a pipe.
    const fd = fs.openSync(out, 'w');
    // koffi's loader finds its Windows binary by require(), so by NODE_PATH too.
    const env: NodeJS.ProcessEnv = { ...process.env, WINEDEBUG: '-all', NODE_PATH: winPath(koffiWinIn!) };
    delete env.NODE_OPTIONS;
    const r = spawnSync('wine', [wineNode!, winPath(fixture('windows-table-check.cjs')), winPath(path.join(root, 'electron/lab'))], { stdio: ['ignore', fd, 'ignore'], timeout: 60_000, env });
    fs.closeSync(fd);
    const text = fs.readFileSync(out, 'utf8');
    fs.rmSync(root, { recursive: true, force: true });
    expect(r.status, text).toBe(0);
    const o = JSON.parse(text.trim().split('\n').pop() as string) as { pid: number; piped: number; left: number; survivors: number[]; events: LabEvent[] };
    const seen = o.events.filter((e) => e.type === 'os-process' && e.state === 'seen') as Extract<LabEvent, { type: 'os-process' }>[];
    const gone = new Set(o.events.filter((e) => e.type === 'os-process' && e.state === 'gone').map((e) => e.pid));
    const byPid = new Map(seen.map((e) => [e.pid, e]));
    expect(byPid.get(o.piped)).toMatchObject({ command: 'cmd.exe', ppid: o.pid, argv: ['cmd.exe', '/c', 'ping -n 3 127.0.0.1 > nul'] });
    expect(seen.find((e) => e.ppid === o.piped)).toMatchObject({ command: 'ping.exe', argv: ['ping', '-n', '3', '127.0.0.1'] });
    // A Node process starts a ping detached and exits: the ping is found while its parent lives, or after by its parent's pid, which the sampler knew.
    const orphan = seen.find((e) => e.command === 'ping.exe' && e.argv.includes('4'));
    expect(orphan, `the orphaned ping, among: ${o.events.filter((e) => e.type === 'os-process').map((e) => `${e.t} ${e.state} ${e.pid}<${e.ppid} ${e.command} ${e.argv.join(' ')}`).join(' · ')}`).toBeDefined();
    expect(orphan!.ppid, 'the orphaned ping\'s parent is the Node process that left it').toBe(o.left);
    expect(gone.has(o.left), 'that Node process gone').toBe(true);
    expect(o.events.filter((e) => e.type === 'sample' && e.pid === o.pid && (e.rss ?? 0) > 0).length).toBeGreaterThan(10);
    expect(o.events.some((e) => e.type === 'sample' && e.pid === o.pid && (e.cpu ?? 0) > 0)).toBe(true);
    for (const e of seen) if (e.pid !== o.pid) expect(gone.has(e.pid), `${e.command} ${e.pid} gone`).toBe(true);
    expect(o.survivors).toEqual([o.pid]);
  }, 90_000);
});
