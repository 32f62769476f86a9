import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { PROBE, callsFrom, fixture, jsonLines, observe, ofChild, ofType } from './observe.test-helper';

const types = (records: LabEvent[]) => records.map((r) => r.type);

describe('exec and execFile', () => {
  it('exec shows its shell, its output, its callback, and a missing command as 127', async () => {
    const run = await observe(fixture('exec-boss.js'));
    const [hello, missing] = jsonLines(run.stdout) as Record<string, unknown>[];
    const [helloCall, missingCall] = callsFrom(run.records, 'exec-boss.js');
    expect(helloCall).toMatchObject({ api: 'exec', command: 'echo hello; echo warn 1>&2', args: [], pid: run.pid });
    expect(helloCall.source).toMatchObject({ line: 5, column: 15 });

    const helloLife = ofChild(run.records, helloCall.childId);
    const helloTypes = types(helloLife);
    expect(helloTypes.slice(0, 2)).toEqual(['call', 'spawn']);
    expect(helloTypes.slice(2, 5).sort()).toEqual(['exit', 'stderr', 'stdout']); // two pipes and SIGCHLD race
    expect(helloTypes.slice(5)).toEqual(['close', 'callback']);
    // The spawned pid is the shell's: the program saw the same pid and spawnfile /bin/sh,
    // and the spawn record says what Node started.
    expect(helloLife[1]).toMatchObject({ pid: hello.pid, ppid: run.pid, file: '/bin/sh', argv: ['/bin/sh', '-c', 'echo hello; echo warn 1>&2'] });
    expect(hello.spawnfile).toBe('/bin/sh');
    expect(ofType(helloLife, 'callback')[0]).toMatchObject({ error: null, stdoutBytes: 6, stderrBytes: 5 });

    const missingLife = ofChild(run.records, missingCall.childId);
    expect(ofType(missingLife, 'exit')[0]).toMatchObject({ code: 127, signal: null, pid: missing.pid });
    expect(ofType(missingLife, 'callback')[0].error).toEqual({
      code: 127,
      signal: null,
      killed: false,
      message: missing.message,
    });
    expect(missing.message).toBe('Command failed: nosuchcmd --flag\n/bin/sh: 1: nosuchcmd: not found\n');
  });

  it('execFile of a file without the exec bit, and of a missing file: error → callback → close(-errno), no spawn', async () => {
    const run = await observe(fixture('execfile-boss.js'));
    const seen = jsonLines(run.stdout) as { file: string; seen: string[]; pid: null }[];
    const calls = callsFrom(run.records, 'execfile-boss.js');
    expect(calls).toHaveLength(2);
    const expected = [
      { file: './noexec.sh', code: 'EACCES', errno: -13 },
      { file: './does_not_exist', code: 'ENOENT', errno: -2 },
    ];
    expected.forEach(({ file, code, errno }, i) => {
      const life = ofChild(run.records, calls[i].childId);
      expect(types(life)).toEqual(['call', 'error', 'callback', 'close']);
      expect(life[1]).toEqual({
        type: 'error',
        t: life[1].t,
        pid: null,
        where: 'child',
        childId: calls[i].childId,
        name: 'Error',
        code,
        errno,
        syscall: `spawn ${file}`,
        path: file,
        message: `spawn ${file} ${code}`,
      });
      expect(life[2]).toMatchObject({ api: 'execFile', error: { code, message: `spawn ${file} ${code}` } });
      expect(life[3]).toMatchObject({ code: errno, signal: null, pid: null });
      expect(seen[i].seen).toContain(`close ${errno}`);
    });
  });

  it('maxBuffer: ERR_CHILD_PROCESS_STDIO_MAXBUFFER, the child ends by SIGTERM, the callback gets exactly 1 MiB', async () => {
    const run = await observe(fixture('maxbuffer-boss.js'));
    const [exit, result] = jsonLines(run.stdout) as Record<string, unknown>[];
    expect(exit).toEqual({ exit: null, signal: 'SIGTERM' });
    const [call] = callsFrom(run.records, 'maxbuffer-boss.js');
    const life = ofChild(run.records, call.childId);
    const order = types(life).filter((t, i, all) => t !== 'stdout' || all[i - 1] !== 'stdout');
    expect(order).toEqual(['call', 'spawn', 'stdout', 'exit', 'close', 'callback']);
    expect(ofType(life, 'exit')[0]).toMatchObject({ code: null, signal: 'SIGTERM', pid: result.pid });
    expect(ofType(life, 'callback')[0]).toMatchObject({
      error: { code: 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', message: 'stdout maxBuffer length exceeded' },
      stdoutBytes: 1_048_576,
    });
    // The parent received more than it kept: the overflowing chunk arrived whole.
    const received = ofType(life, 'stdout').reduce((n, r) => n + r.bytes, 0);
    expect(received).toBeGreaterThan(1_048_576);
  });
});

describe("Node's documented order of events", () => {
  it('spawn: call → spawn → stdout… → exit → close, as the program itself saw them', async () => {
    const run = await observe(fixture('order-boss.js'));
    const programSaw = run.stdout.toString().trim().split('\n');
    expect(programSaw).toEqual(['called', 'spawn', 'data "one\\n"', 'data "two\\n"', 'end', 'exit 0 null', 'close 0 null']);
    const [call] = callsFrom(run.records, 'order-boss.js');
    const life = ofChild(run.records, call.childId);
    expect(types(life)).toEqual(['call', 'spawn', 'stdout', 'stdout', 'exit', 'close']);
    const times = life.map((r) => r.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});

describe('the synchronous APIs', () => {
  it('report spawn (sync), the output received, exit, and the error they threw or returned', async () => {
    const run = await observe(fixture('sync-boss.js'));
    const out = jsonLines(run.stdout) as Record<string, unknown>[];
    const [execSync, spawnSync, execFileSync, exit3] = callsFrom(run.records, 'sync-boss.js');

    const ok = ofChild(run.records, execSync.childId);
    expect(types(ok)).toEqual(['call', 'spawn', 'stdout', 'stderr', 'exit']);
    expect(ok[1]).toMatchObject({ sync: true, ppid: run.pid });
    expect(ok[1].pid).toBeGreaterThan(0);
    expect(ok[2]).toMatchObject({ bytes: 5, preview: 'sync\\n' });
    expect(ok[3]).toMatchObject({ bytes: 4, preview: 'err\\n' });
    expect(ok[4]).toMatchObject({ code: 0, signal: null });

    const enobufs = ofChild(run.records, spawnSync.childId);
    expect(types(enobufs)).toEqual(['call', 'spawn', 'stdout', 'exit', 'error']);
    expect(enobufs[1].pid).toBe(out[1].pid);
    expect(enobufs[3]).toMatchObject({ code: null, signal: 'SIGTERM' });
    expect(enobufs[4]).toMatchObject({ where: 'sync', code: 'ENOBUFS', syscall: 'spawnSync sh', message: 'spawnSync sh ENOBUFS' });

    const enoent = ofChild(run.records, execFileSync.childId);
    expect(types(enoent)).toEqual(['call', 'error']);
    expect(enoent[1]).toMatchObject({ where: 'sync', code: 'ENOENT', errno: -2, pid: null });

    const failed = ofChild(run.records, exit3.childId);
    expect(types(failed)).toEqual(['call', 'spawn', 'exit', 'error']);
    expect(failed[1].pid).toBe(out[3].pid);
    expect(failed[2]).toMatchObject({ code: 3 });
    expect(failed[3]).toMatchObject({ where: 'sync', code: null, message: 'Command failed: exit 3' });
  });

  it('under --pending-deprecation the probe leaves process.binding alone: no warning, only execSync pids unknown', async () => {
    const run = await observe(fixture('sync-boss.js'), { nodeOptions: `--require ${PROBE} --pending-deprecation` });
    expect(run.stderr).not.toContain('DeprecationWarning');
    const [execSync, spawnSync, , exit3] = callsFrom(run.records, 'sync-boss.js');
    expect(types(ofChild(run.records, execSync.childId))).toEqual(['call', 'spawn', 'stdout', 'exit']);
    expect(ofType(ofChild(run.records, execSync.childId), 'spawn')[0]).toMatchObject({ pid: null, sync: true });
    expect(ofType(ofChild(run.records, spawnSync.childId), 'spawn')[0].pid).toBeGreaterThan(0);
    expect(ofType(ofChild(run.records, exit3.childId), 'exit')[0]).toMatchObject({ code: 3 });
  });
});
