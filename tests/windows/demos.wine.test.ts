/**
 * The demos, recorded by `obra record` under Windows Node (Wine): what really
 * happens on Windows, as the events show it and as the narration tells it.
 */
import { describe, expect, inject, it } from 'vitest';
import { bossLine, narrationOf, ofType, toldAtEnd } from '../../assets/demos/demo-log';
import { type WineRecording, expectOsFiguresCount, figuresOf, hasProbeFigures, pidsOf, recordUnderWine, stillRunning } from './obra-under-wine';

const wine = inject('wineNode');

/**
 * Records demo `id`; it must end by itself with exit 0, on win32, every Windows step of its
 * narration told but those in `untold` (numbered as told on Windows), the steps told from OS
 * samples included: the lab reads the Windows process table (ntdll through koffi).
 */
async function lesson(id: string, untold: number[] = []): Promise<WineRecording> {
  const run = await recordUnderWine(wine, id);
  expect(run.cli.code, run.cli.stderr).toBe(0);
  expect(run.header.platform).toBe('win32');
  expect(run.end).toMatchObject({ reason: 'exit', code: 0 });
  // No lab error: OS sampling on (no ERR_OBRA_SAMPLING), every record admitted by the record gate (no ERR_OBRA_BAD_RECORD).
  expect(ofType(run.log, 'error').filter((e) => e.where === 'uncaught' || e.where === 'lab')).toEqual([]);
  const boss = ofType(run.log, 'run-start')[0].pid;
  expect(ofType(run.log, 'os-process').find((e) => e.pid === boss)).toMatchObject({ command: 'node.exe', state: 'seen' });
  // The boss reports its own CPU and RSS (the probe), and the OS samples it too: the OS's figures count.
  expect(hasProbeFigures(run.log, boss as number), 'the probe figures of the boss').toBe(true);
  expectOsFiguresCount(run.log);
  const steps = await narrationOf(id);
  const told = await toldAtEnd({ id, log: run.log, end: run.end, ms: 0 });
  for (const lang of ['es', 'en'] as const) {
    const windowsSteps = steps.filter((s) => !s.platform || (s.platform.startsWith('!') ? s.platform !== '!win32' : s.platform === 'win32'));
    expect(told[lang]).toHaveLength(windowsSteps.length);
    const missing = told[lang].filter((line) => !line.reached && !untold.includes(line.n));
    expect(missing.map((l) => `${l.n}. ${l.text}`), `${id} (${lang}): steps never reached`).toEqual([]);
    expect(told[lang].filter((l) => l.reached && l.missing).map((l) => `${l.n}. ${l.missing}`), `${id} (${lang}): placeholders left empty`).toEqual([]);
  }
  expect(await stillRunning(wine, pidsOf(run.log))).toEqual([]);
  return run;
}

describe('the demos under Windows Node', () => {
  it('exec: cmd.exe between boss and command, ping inside it (seen by the OS table), one buffered callback, then cmd.exe’s 9009', async () => {
    const { log } = await lesson('exec');
    const [ok, notFound] = ofType(log, 'call').filter((c) => c.api === 'exec');
    const shell = ofType(log, 'spawn').find((s) => s.childId === ok.childId);
    expect(shell?.file).toMatch(/(^|\\)cmd\.exe$/i);
    expect(shell?.argv?.slice(1, 4)).toEqual(['/d', '/s', '/c']);
    // What the probe cannot see (cmd.exe is not Node), the table does: cmd.exe under the boss, ping under cmd.exe.
    const seen = ofType(log, 'os-process').filter((e) => e.state === 'seen');
    expect(seen.find((e) => e.pid === shell?.pid)).toMatchObject({ command: 'cmd.exe', ppid: ofType(log, 'run-start')[0].pid });
    // The last sight: a process seen before its command line could be read is seen again with it.
    expect(seen.filter((e) => /^ping(\.exe)?$/i.test(e.command)).at(-1)).toMatchObject({ ppid: shell?.pid, argv: ['ping', '-n', '2', '127.0.0.1'] });
    // cmd.exe has figures only from the OS, and they count.
    const { probe, os, counted } = figuresOf(log, shell?.pid as number);
    expect(probe).toEqual([]);
    expect(os.some((f) => (f.rss ?? 0) > 0)).toBe(true);
    expect(counted).toEqual(os);
    const [done, failed] = ofType(log, 'callback');
    // What cmd.exe wrote, chunk by chunk (previews escape CR and LF), and what the callback got at once.
    const output = (type: 'stdout' | 'stderr') => ofType(log, type).filter((e) => e.childId === ok.childId);
    expect(output('stdout').map((e) => e.preview).join('')).toMatch(/^hola\s*\\r\\nchau\\r\\n$/);
    expect(output('stderr').map((e) => e.preview).join('')).toMatch(/^aviso\s*\\r\\n$/);
    const sum = (type: 'stdout' | 'stderr') => output(type).reduce((n, e) => n + e.bytes, 0);
    expect(done).toMatchObject({ childId: ok.childId, error: null, stdoutBytes: sum('stdout'), stderrBytes: sum('stderr') });
    expect(failed).toMatchObject({ childId: notFound.childId, error: { code: 9009, killed: false, signal: null } });
  });

  it('execfile: the file that is not a program is THROWN (EFTYPE, or UNKNOWN on Node 20 under Wine) as an error event, caught, no crash', async () => {
    const { log } = await lesson('execfile');
    const [, blueprint, missing] = ofType(log, 'call');
    const thrown = ofType(log, 'error').find((e) => e.childId === blueprint.childId);
    expect(thrown).toMatchObject({ where: 'sync', pid: null, code: expect.stringMatching(/^(EFTYPE|UNKNOWN)$/) });
    expect(thrown?.message).toBe(`spawn ${thrown?.code}`);
    bossLine(log, new RegExp(`^thrown: ${thrown?.code} · spawn ${thrown?.code} \\(the callback never runs\\)$`));
    // Thrown, not called back: nothing else happened to that child.
    expect(log.filter((e) => 'childId' in e && e.childId === blueprint.childId).map((e) => e.type)).toEqual(['call', 'error']);
    // The missing file is a run-time error: it does reach the callback.
    expect(ofType(log, 'error').find((e) => e.childId === missing.childId)).toMatchObject({ where: 'child', code: 'ENOENT', message: 'spawn ./no-existe ENOENT' });
    expect(ofType(log, 'callback').find((c) => c.childId === missing.childId)?.error).toMatchObject({ code: 'ENOENT' });
    const [listing] = ofType(log, 'callback');
    expect(listing).toMatchObject({ api: 'execFile', error: null });
    expect(listing.stdoutBytes).toBeGreaterThan(0);
  });

  it('spawn: every byte of the generator in chunks; the listing of C:\\ told as it ended: terminated by kill() (reported as SIGTERM) or whole', async () => {
    // 7 and 8: the listing ended by kill(), or by itself (a small C:\, as in a fresh Wine prefix): one of the two.
    const { log } = await lesson('spawn', [7, 8]);
    const [generator, listing] = ofType(log, 'call').filter((c) => c.api === 'spawn');
    expect(listing).toMatchObject({ command: 'cmd.exe', args: ['/d', '/c', 'dir', '/s', '/b', 'C:\\'] });
    const chunks = (childId: string) => ofType(log, 'stdout').filter((e) => e.childId === childId);
    const bytes = (childId: string) => chunks(childId).reduce((n, e) => n + e.bytes, 0);
    expect(bytes(generator.childId)).toBe(3 * 1024 * 1024);
    const [, code, signal, counted, pieces] = bossLine(log, /^close (\w+) (\w+): (\d+) bytes in (\d+) chunks$/);
    expect(bytes(listing.childId)).toBe(Number(counted));
    expect(chunks(listing.childId).reduce((n, e) => n + (e.count ?? 1), 0)).toBe(Number(pieces));
    const exit = ofType(log, 'exit').find((e) => e.childId === listing.childId);
    const killed = signal === 'SIGTERM';
    expect(exit).toMatchObject(killed ? { code: null, signal: 'SIGTERM' } : { code: 0, signal: null });
    expect([code, signal]).toEqual(killed ? ['null', 'SIGTERM'] : ['0', 'null']);
    const told = (await toldAtEnd({ id: 'spawn', log, end: ofType(log, 'run-end')[0], ms: 0 })).en;
    expect([told[6].reached, told[7].reached]).toEqual([killed, !killed]);
  });

  it('fork: exactly 5 messages each way, each send joined to its receive; disconnect → exit → close', async () => {
    const { log } = await lesson('fork');
    const boss = ofType(log, 'run-start')[0].pid;
    const worker = ofType(log, 'spawn')[0].pid;
    const messages = ofType(log, 'message');
    for (const [from, to] of [[boss, worker], [worker, boss]]) {
      const seqs = (dir: 'send' | 'recv') => messages.filter((m) => m.dir === dir && m.from === from && m.to === to).map((m) => m.seq);
      expect(seqs('send')).toEqual([1, 2, 3, 4, 5]);
      expect(seqs('recv')).toEqual([1, 2, 3, 4, 5]);
    }
    // The worker (node.exe) is sampled by the OS as well: its figures are the OS's.
    const figures = figuresOf(log, worker as number);
    expect(figures.os.some((f) => (f.rss ?? 0) > 0)).toBe(true);
    expect(figures.counted).toEqual(figures.os);
    const order = log.filter((e) => (e.type === 'disconnect' || e.type === 'exit' || e.type === 'close') && e.pid === worker).map((e) => e.type);
    expect(order).toEqual(['disconnect', 'exit', 'close']);
  });

  it('kill: timeout, AbortSignal and kill() terminate (reported as SIGTERM); taskkill /T /F is asked for the tree; exit before close', async () => {
    const { log } = await lesson('kill');
    const calls = ofType(log, 'call');
    const [timeout, abort, kill] = calls;
    expect(ofType(log, 'callback').find((c) => c.childId === timeout.childId)?.error).toMatchObject({ killed: true, signal: 'SIGTERM' });
    for (const c of [abort, kill]) expect(ofType(log, 'exit').find((e) => e.childId === c.childId)).toMatchObject({ code: null, signal: 'SIGTERM' });
    const pipe = calls.find((c) => c.api === 'exec');
    const shell = ofType(log, 'spawn').find((s) => s.childId === pipe?.childId);
    expect(calls.find((c) => c.command === 'taskkill')?.args).toEqual(['/pid', String(shell?.pid), '/T', '/F']);
    const background = calls.find((c) => c.command === 'cmd.exe');
    const ends = log.filter((e) => (e.type === 'exit' || e.type === 'close') && 'childId' in e && e.childId === background?.childId);
    expect(ends.map((e) => e.type)).toEqual(['exit', 'close']);
    expect(ends[1].t - ends[0].t).toBeGreaterThan(500_000); // ping held the output about a second more
  });
});
