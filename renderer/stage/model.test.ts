import { describe, expect, it } from 'vitest';
import { stageStateAt } from './model';
import { bossView, workersInOrder, workerView } from './derive';
import { BOSS, LogBuilder, ms } from '../../tests/fixtures/log-builder';

function worker(log: LogBuilder, cursorMs: number, key: string) {
  const state = stageStateAt(log.log, ms(cursorMs));
  const p = state.processes.get(key);
  if (!p) throw new Error(`no process ${key} at ${cursorMs} ms`);
  return workerView(state, p, ms(cursorMs));
}

describe('exec: a worker with a shell, and the command under the shell', () => {
  const b = new LogBuilder();
  const id = b.call(10, 'exec', 'find / -xdev');
  b.spawn(11, id, 2001).os(50, 2001, BOSS, ['/bin/sh', '-c', 'find / -xdev']).os(50, 2002, 2001, ['find', '/', '-xdev']);
  b.out(60, id, 2001, 4096).out(61, id, 2001, 4096).exit(300, id, 2001, 0).exit(301, id, 2001, 0, null, 'close');
  b.callback(302, id, 'exec', 8192);

  it('is starting before the spawn event, running after it', () => {
    expect(worker(b, 10, id).status).toBe('starting');
    expect(worker(b, 11, id)).toMatchObject({ status: 'running', pid: 2001, kind: 'exec', badge: 'exec', viaShell: true });
  });

  it('merges the sampled /bin/sh into the exec worker and shows find as an OS figure under it', () => {
    const state = stageStateAt(b.log, ms(55));
    expect(state.processes.get(id)?.osCommand).toBe('sh -c find / -xdev');
    const order = workersInOrder(state, ms(55));
    expect(order.map((w) => [w.pid, w.kind, w.parentKey, w.depth])).toEqual([
      [2001, 'exec', 'boss', 1],
      [2002, 'os', id, 2],
    ]);
    expect(order[1].command).toBe('find / -xdev');
  });

  it('fills the buffer as chunks come, and the boss receives the output only at the callback', () => {
    const before = stageStateAt(b.log, ms(299));
    expect(worker(b, 299, id).buffer).toEqual({ fill: 8192 / 1048576, bytes: 8192, delivered: false });
    expect(before.boss.receivedStdout).toBe(0);
    const after = stageStateAt(b.log, ms(302));
    expect(after.boss.receivedStdout).toBe(8192);
    expect(worker(b, 302, id).buffer?.delivered).toBe(true);
  });

  it('plants a green flag with 0 when it exits', () => {
    expect(worker(b, 300, id)).toMatchObject({ status: 'exited', flag: { code: 0, signal: null, ok: true }, sign: null, pipesOpen: true });
    expect(worker(b, 301, id).pipesOpen).toBe(false);
  });
});

describe('execFile of a file without the x bit', () => {
  const b = new LogBuilder();
  const id = b.call(5, 'execFile', './noexec.sh');
  b.error(6, id, null, 'EACCES').callback(6, id, 'execFile', 0, { code: 'EACCES' }).exit(7, id, null, -13, null, 'close');

  it('appears without a pid, raises EACCES and plants no flag (it never ran)', () => {
    expect(worker(b, 8, id)).toMatchObject({ pid: null, status: 'failed', flag: null, sign: { code: 'EACCES', short: 'EACCES' } });
  });
});

describe('maxBuffer exceeded', () => {
  const b = new LogBuilder();
  const id = b.call(1, 'exec', 'find / -xdev');
  b.spawn(2, id, 3001).out(100, id, 3001, 1_048_577).exit(268, id, 3001, null, 'SIGTERM');
  b.callback(269, id, 'exec', 1_048_576, { code: 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' });

  it('shows MAXBUFFER on the sign and SIGTERM on the flag', () => {
    expect(worker(b, 270, id)).toMatchObject({
      sign: { code: 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', short: 'MAXBUFFER' },
      flag: { code: null, signal: 'SIGTERM', ok: false },
      buffer: { fill: 1 },
    });
  });

  it("stands over an EPIPE the writer's own program raised after its pipe was cut", () => {
    const e = new LogBuilder();
    const eid = e.call(1, 'execFile', 'node generator.js');
    e.spawn(2, eid, 3002).out(100, eid, 3002, 1_048_577);
    e.log.push({ type: 'error', t: ms(150), pid: 3002, where: 'uncaught', name: 'Error', code: 'EPIPE', message: 'write EPIPE' });
    e.exit(268, eid, 3002, 1, null).callback(269, eid, 'execFile', 1_048_576, { code: 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' });
    expect(worker(e, 200, eid).sign?.short).toBe('EPIPE');
    expect(worker(e, 270, eid).sign?.code).toBe('ERR_CHILD_PROCESS_STDIO_MAXBUFFER');
  });

  it('a timeout kill (killed, SIGTERM, no code) raises SIGTERM on the sign', () => {
    const t = new LogBuilder();
    const tid = t.call(1, 'exec', 'sleep 10', [], { timeout: 500 });
    t.spawn(2, tid, 3101).exit(501, tid, 3101, null, 'SIGTERM').callback(502, tid, 'exec', 0, { code: null, signal: 'SIGTERM', killed: true });
    expect(worker(t, 503, tid).sign?.short).toBe('SIGTERM');
  });
});

describe('spawn streaming in chunks', () => {
  const b = new LogBuilder();
  const id = b.call(1, 'spawn', '/usr/bin/find', ['/usr']);
  b.spawn(2, id, 4001).out(10, id, 4001, 65536).out(11, id, 4001, 200_000, 'stdout', 40).out(12, id, 4001, 30, 'stderr');

  it('counts every byte and every coalesced chunk, and the boss receives them as they come', () => {
    const s = stageStateAt(b.log, ms(12));
    const p = s.processes.get(id);
    expect(p?.stdout).toEqual({ bytes: 265_536, chunks: 41 });
    expect(p?.stderr).toEqual({ bytes: 30, chunks: 1 });
    expect(s.boss.receivedStdout).toBe(265_536);
    expect(s.boss.receivedStderr).toBe(30);
    expect(worker(b, 12, id).command).toBe('find /usr');
  });
});

describe('fork and its IPC channel', () => {
  const b = new LogBuilder();
  const id = b.call(1, 'fork', '/demos/worker.js');
  b.spawn(2, id, 5001).message(60, 'send', BOSS, 5001, 1).message(60, 'recv', BOSS, 5001, 1);
  b.message(70, 'send', 5001, BOSS, 50_001, 50_001).message(75, 'recv', 5001, BOSS, 1180, 1180);
  b.exit(80, id, 5001, 5).exit(81, id, 5001, 5, null, 'close');

  it('tallies each direction on the child: what was sent and what arrived', () => {
    const p = stageStateAt(b.log, ms(90)).processes.get(id);
    expect(p?.fromParent).toEqual({ sent: 1, received: 1 });
    expect(p?.toParent).toEqual({ sent: 50_001, received: 1180 });
    expect(p?.messages.map((m) => [m.from, m.to, m.count])).toEqual([
      ['boss', id, 1],
      [id, 'boss', 50_001],
    ]);
  });

  it('plants a vermillion flag with the exit code', () => {
    expect(worker(b, 90, id).flag).toEqual({ code: 5, signal: null, ok: false });
  });
});

describe('the boss', () => {
  const b = new LogBuilder();
  b.sample(50, BOSS, { elu: 0.01 }).sample(100, BOSS, { elu: 0.02 }).sample(2150, BOSS, { elu: 0.975 }).sample(2200, BOSS, { elu: 0.01 });

  it('freezes when no event-loop sample came for more than 200 ms', () => {
    expect(bossView(stageStateAt(b.log, ms(250)), ms(250)).frozen).toBeNull();
    expect(bossView(stageStateAt(b.log, ms(400)), ms(400)).frozen).toBe('silent');
    expect(bossView(stageStateAt(b.log, ms(2150)), ms(2150)).frozen).toBe('elu');
    expect(bossView(stageStateAt(b.log, ms(2200)), ms(2200)).frozen).toBeNull();
  });

  it('does not freeze once it has exited', () => {
    b.bossExit(2300, 0);
    expect(bossView(stageStateAt(b.log, ms(5000)), ms(5000))).toMatchObject({ frozen: null, alive: false, flag: { ok: true } });
  });
});

describe('a Sync child seen by OS sampling before its spawn is reported', () => {
  const b = new LogBuilder();
  const id = b.call(1, 'execSync', 'sleep 1');
  b.os(50, 6001, BOSS, ['/bin/sh', '-c', 'sleep 1']).sample(100, 6001, { cpu: 0 });
  b.log.push({ type: 'spawn', t: ms(1001), pid: 6001, childId: id, ppid: BOSS, sync: true });

  it('becomes one worker, not two', () => {
    expect(workersInOrder(stageStateAt(b.log, ms(500)), ms(500)).map((w) => w.kind)).toEqual(['exec', 'os']);
    const after = stageStateAt(b.log, ms(1001));
    expect([...after.processes.keys()]).toEqual([id]);
    expect(after.processes.get(id)?.osCommand).toBe('sh -c sleep 1');
  });
});

describe('time order, not arrival order', () => {
  it('applies an early-stamped event that arrived after a later one as soon as the cursor passes its time', () => {
    const b = new LogBuilder();
    const id = b.call(10, 'spawn', 'sleep', ['1']);
    b.spawn(12, id, 7001).sample(60, 7001, { cpu: 1 });
    b.out(40, id, 7001, 10);
    expect(stageStateAt(b.log, ms(39)).processes.get(id)?.stdout.bytes).toBe(0);
    expect(stageStateAt(b.log, ms(40)).processes.get(id)?.stdout.bytes).toBe(10);
  });
});

describe('messages sent before the spawn is reported', () => {
  it('are counted for the child once its pid is known (fork() then send() at once)', () => {
    const b = new LogBuilder();
    const id = b.call(1, 'fork', 'primes.js');
    b.message(2, 'send', BOSS, 8001, 1).message(2.5, 'send', BOSS, 8001, 20_000, 19_999);
    expect(stageStateAt(b.log, ms(3)).processes.size).toBe(1);
    b.spawn(4, id, 8001).message(5, 'recv', BOSS, 8001, 20_000, 20_000);
    const p = stageStateAt(b.log, ms(5)).processes.get(id);
    expect(p?.fromParent).toEqual({ sent: 20_000, received: 20_000 });
    expect(p?.messages.map((m) => [m.from, m.to])).toEqual([
      ['boss', id],
      ['boss', id],
    ]);
  });
});

describe('signals the program sends with process.kill', () => {
  // exec('sleep 30 | cat'): its shell is killed, sleep and cat outlive it; the boss then signals each by pid.
  const b = new LogBuilder();
  const pipe = b.call(10, 'exec', 'sleep 30 | cat');
  b.spawn(11, pipe, 3001).os(50, 3002, 3001, ['sleep', '30']).os(50, 3003, 3001, ['cat']);
  b.exit(300, pipe, 3001, null, 'SIGTERM');
  b.kill(900, 3002).kill(901, 3003).kill(902, 3003, '0', 'ESRCH').os(950, 3002, 3001, ['sleep', '30'], 'gone').os(950, 3003, 3001, ['cat'], 'gone');
  // spawn('sleep 30 | cat', { shell: true, detached: true }): one signal to its group.
  const group = b.call(1000, 'spawn', 'sleep 30 | cat', [], { shell: true, detached: true });
  b.spawn(1001, group, 4001).os(1050, 4002, 4001, ['sleep', '30']).os(1050, 4003, 4001, ['cat']);
  b.kill(1300, -4001).exit(1301, group, 4001, null, 'SIGTERM');

  it('raises the signal on the process it was sent to, from that moment on', () => {
    expect(worker(b, 899, 'os:3002').sign).toBeNull();
    expect(worker(b, 900, 'os:3002').sign).toMatchObject({ code: 'SIGTERM' });
    expect(worker(b, 900, 'os:3003').sign).toBeNull();
    expect(worker(b, 901, 'os:3003').sign).toMatchObject({ code: 'SIGTERM' });
  });

  it('a signal to a group reaches its leader and every member alive; signal 0 and a failed call reach nobody', () => {
    for (const key of [group, 'os:4002', 'os:4003']) expect(worker(b, 1300, key).process.signalled).toEqual({ t: ms(1300), signal: 'SIGTERM', from: BOSS });
    expect(worker(b, 1300, 'os:3003').process.signalled?.t).toBe(ms(901));
  });
});

describe("CPU and memory: the OS's where it sampled the process, else the probe's", () => {
  const probe = { elu: 0.5, interval: 50_000 };
  it("shows a worker's own figures (from its probe) where the OS table has none", () => {
    const b = new LogBuilder();
    const id = b.call(1, 'fork', 'primes.js');
    b.spawn(2, id, 8001).sample(60, 8001, { ...probe, cpu: 97.5, rss: 40e6 });
    expect(stageStateAt(b.log, ms(60)).processes.get(id)).toMatchObject({ cpu: 97.5, rss: 40e6 });
  });

  it('takes the OS figures once it sampled the process, whatever order the samples are applied in', () => {
    const b = new LogBuilder();
    const id = b.call(1, 'fork', 'primes.js');
    b.spawn(2, id, 8001).sample(100, 8001, { ...probe, cpu: 97.5, rss: 40e6 }).sample(60, 8001, { rss: 41e6 }).sample(110, 8001, { cpu: 99, rss: 42e6 }).sample(150, 8001, { ...probe, cpu: 12, rss: 50e6 });
    const late = stageStateAt(b.log, ms(150)).processes.get(id);
    expect(late).toMatchObject({ cpu: 99, rss: 42e6 });
    // The OS's first sighting (RSS only, before the probe's sample) already wins over the probe's later figures.
    expect(stageStateAt(b.log, ms(100)).processes.get(id)).toMatchObject({ cpu: null, rss: 41e6 });
  });
});
