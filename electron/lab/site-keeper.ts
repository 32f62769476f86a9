/**
 * Starting the boss through the site keeper (electron/keeper/site-keeper.cjs):
 * the keeper is the boss's parent, so the lab is not, and it outlives the lab.
 * Seen from the run, `BossProcess` is the boss: its pid, its stdout and stderr
 * (which reach the lab directly), `exit` and `close` as a ChildProcess has them
 * — plus `keeper-lost` when the keeper ended before the boss did (a script
 * killed its parent): then the boss's own exit cannot be known, and `close`
 * (code and signal null) says only that its pipes are closed.
 */
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import { ObraError } from './obra-error';
import type { KeeperCgroup } from './run-cgroup';

export interface KeeperLaunch {
  /** The Node that runs the keeper (the boss's own). */
  keeperNode: string;
  /** The keeper's environment: never the probe's NODE_OPTIONS, never the run's id. */
  keeperEnv: NodeJS.ProcessEnv;
  keeperScript: string;
  node: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The run's folder: the keeper removes it if the lab is gone. */
  dir: string;
  cgroups: KeeperCgroup[];
  /** koffi's entry, for a keeper that becomes a child subreaper; null: it does not try. */
  subreaperWith: string | null;
}

export interface BossProcess extends EventEmitter {
  readonly pid: number;
  readonly keeperPid: number;
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** Whether the keeper became a child subreaper, or why not (null: not asked). */
  readonly subreaper: true | string | null;
  /** The run is over: the keeper may go. */
  release(): void;
  on(event: 'exit' | 'close', listener: (code: number | null, signal: NodeJS.Signals | null) => void): this;
  on(event: 'keeper-lost', listener: (code: number | null, signal: NodeJS.Signals | null) => void): this;
  on(event: 'error', listener: (err: Error) => void): this;
}

/** ERR_OBRA_KEEPER_LOST's words. */
export function keeperLostMessage(keeperPid: number, code: number | null, signal: NodeJS.Signals | null): string {
  return (
    `Obra's site keeper (pid ${keeperPid}), the boss's parent, was ended by ${signal ?? `exit code ${code}`} before the boss: ` +
    `a process of the run killed it (process.kill(process.ppid)?). Obra stopped the run and everything it had started; the boss's own exit status is not known.`
  );
}

interface Status {
  boss?: number;
  subreaper?: boolean;
  subreaperProblem?: string;
  error?: { code: string; message: string };
  exit?: { code: number | null; signal: NodeJS.Signals | null };
}

/** Resolves once the boss runs; rejects with Node's code when it (or the keeper) cannot start. */
export function startThroughKeeper(l: KeeperLaunch): Promise<BossProcess> {
  const keeper = spawn(l.keeperNode, [l.keeperScript], {
    env: l.keeperEnv,
    // POSIX: its own session, so the terminal's Ctrl-C and the boss's group signals never reach it.
    // Windows: in the lab's job object, so it ends with the lab and takes the boss with it.
    detached: process.platform !== 'win32',
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const stdin = keeper.stdin as NonNullable<typeof keeper.stdin>;
  const status = keeper.stdio[3] as Readable;
  stdin.on('error', () => {});
  const { keeperNode: _n, keeperEnv: _e, keeperScript: _s, subreaperWith, ...rest } = l;
  stdin.write(JSON.stringify({ ...rest, detached: process.platform !== 'win32', subreaper: subreaperWith !== null, koffi: subreaperWith }) + '\n');

  return new Promise((resolve, reject) => {
    const boss = new EventEmitter() as BossProcess & { pid: number; subreaper: true | string | null };
    let exit: Status['exit'] | null = null;
    let started = false;
    let released = false;
    let streamsOpen = 2;
    let lost = false;
    // 'close' once the boss's stdio pipes are closed by every writer and its exit is known (or lost with the keeper).
    const closeIfDone = () => {
      if ((exit || lost) && streamsOpen === 0) boss.emit('close', exit?.code ?? null, exit?.signal ?? null);
    };
    Object.assign(boss, {
      keeperPid: keeper.pid,
      stdout: keeper.stdout,
      stderr: keeper.stderr,
      release() {
        if (released) return;
        released = true;
        stdin.end('done\n');
      },
    });
    for (const stream of [keeper.stdout, keeper.stderr]) {
      stream?.once('close', () => {
        streamsOpen--;
        closeIfDone();
      });
    }
    let buffered = '';
    status.setEncoding('utf8');
    status.on('error', () => {});
    status.on('data', (chunk: string) => {
      buffered += chunk;
      for (let nl = buffered.indexOf('\n'); nl !== -1; nl = buffered.indexOf('\n')) {
        const s = JSON.parse(buffered.slice(0, nl)) as Status;
        buffered = buffered.slice(nl + 1);
        if (s.error) {
          boss.release();
          reject(new ObraError(s.error.code, s.error.message));
        } else if (s.boss !== undefined) {
          started = true;
          boss.pid = s.boss;
          boss.subreaper = subreaperWith === null ? null : s.subreaper ? true : (s.subreaperProblem ?? 'refused');
          resolve(boss);
        } else if (s.exit) {
          exit = s.exit;
          boss.emit('exit', exit.code, exit.signal);
          closeIfDone();
        }
      }
    });
    keeper.once('error', (err) => {
      if (!started) reject(ObraError.from(err));
      else boss.emit('error', err);
    });
    // The keeper's last status lines are read before its end is judged (fd 3 is its alone: it closes with it).
    const statusClosed = new Promise<void>((resolveClosed) => status.once('close', resolveClosed));
    keeper.once('exit', (code, signal) => void statusClosed.then(() => keeperEnded(code, signal)));
    const keeperEnded = (code: number | null, signal: NodeJS.Signals | null) => {
      if (!started) return reject(new ObraError('ERR_OBRA_KEEPER_LOST', `Obra's site keeper ended before the boss started (${signal ?? `exit code ${code}`}).`));
      if (exit || released) return;
      lost = true;
      boss.emit('keeper-lost', code, signal);
      closeIfDone();
    };
  });
}
