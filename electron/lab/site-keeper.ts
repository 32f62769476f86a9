/**
 * Starting the boss through the site keeper (electron/keeper/site-keeper.cjs):
 * the keeper is the boss's parent, so the lab is not, and it outlives the lab.
 * Seen from the run, `BossProcess` is the boss: its pid, its stdout and stderr
 * (which reach the lab directly), `exit` and `close` as a ChildProcess has them
 * — plus `keeper-lost` when the keeper ended before the boss did (a script
 * killed its parent): then the boss's own exit cannot be known, and `close`
 * (code and signal null) says only that its pipes are closed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { ObraError } from './obra-error';
import type { KeeperCgroup } from './run-cgroup';

export interface KeeperLaunch {
  /** A keeper not yet given a launch (KeeperSupply.take()). */
  keeper: ChildProcess;
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

/**
 * Keepers for a lab's runs. A keeper is a Node start (tens of ms): with
 * `spare`, one is started ahead — when the lab is made and after each run —
 * and waits, costing nothing to the lab's exit (unref'd) until a run takes it.
 */
export class KeeperSupply {
  private spareKeeper: ChildProcess | null = null;
  private closed = false;

  constructor(
    /** The Node that runs the keeper (the boss's own). */
    private readonly node: string,
    private readonly script: string,
    /** The keeper's environment: never the probe's NODE_OPTIONS, never a run's id. */
    private readonly env: NodeJS.ProcessEnv,
    private readonly spare: boolean,
  ) {
    this.prepare();
  }

  /** A keeper for a run starting now: the spare if it is still there, else a new one. */
  take(): ChildProcess {
    const spare = this.spareKeeper;
    this.spareKeeper = null;
    if (spare && spare.pid !== undefined && spare.exitCode === null && spare.signalCode === null) return holdOpen(spare, true);
    return this.spawn();
  }

  /** A spare for the next run (none while one waits, or without `spare`). */
  prepare(): void {
    if (!this.spare || this.closed || this.spareKeeper) return;
    const keeper = holdOpen(this.spawn(), false);
    keeper.once('exit', () => {
      if (this.spareKeeper === keeper) this.spareKeeper = null;
    });
    this.spareKeeper = keeper;
  }

  /** No more spares; the one waiting goes (its input closes, it exits). */
  close(): void {
    this.closed = true;
    this.spareKeeper?.stdin?.end();
    this.spareKeeper = null;
  }

  private spawn(): ChildProcess {
    const keeper = spawn(this.node, [this.script], {
      env: this.env,
      // POSIX: its own session, so the terminal's Ctrl-C and the boss's group signals never reach it.
      // Windows: in the lab's job object, so it ends with the lab and takes the boss with it.
      detached: process.platform !== 'win32',
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    keeper.on('error', () => {}); // said by startThroughKeeper, for the run that takes it
    keeper.stdin?.on('error', () => {});
    return keeper;
  }
}

/** Whether a keeper (and its pipes) keep the lab's process alive: not while it waits as a spare. */
function holdOpen(keeper: ChildProcess, hold: boolean): ChildProcess {
  if (hold) keeper.ref();
  else keeper.unref();
  for (const stream of keeper.stdio) {
    const socket = stream as Socket | null;
    if (hold) socket?.ref?.();
    else socket?.unref?.();
  }
  return keeper;
}

/** Resolves once the boss runs; rejects with Node's code when it (or the keeper) cannot start. */
export function startThroughKeeper(l: KeeperLaunch): Promise<BossProcess> {
  const keeper = l.keeper;
  const stdin = keeper.stdin as NonNullable<typeof keeper.stdin>;
  const status = keeper.stdio[3] as Readable;
  const { keeper: _k, subreaperWith, ...rest } = l;
  stdin.write(JSON.stringify({ ...rest, detached: process.platform !== 'win32', subreaper: subreaperWith !== null, koffi: subreaperWith }) + '\n');

  return new Promise((resolve, reject) => {
    const boss = new EventEmitter() as BossProcess & { pid: number; subreaper: true | string | null };
    let exit: Status['exit'] | null = null;
    let started = false;
    let released = false;
    let streamsOpen = 2;
    let lost = false;
    // The boss's events reach the run only after it holds the boss: its start and its exit can come in one
    // read of the status pipe (a busy lab), and an 'exit' emitted before the run listens would be lost.
    const tell = (event: 'exit' | 'close' | 'keeper-lost' | 'error', ...args: unknown[]) => setImmediate(() => boss.emit(event, ...args));
    // 'close' once the boss's stdio pipes are closed by every writer and its exit is known (or lost with the keeper).
    const closeIfDone = () => {
      if ((exit || lost) && streamsOpen === 0) tell('close', exit?.code ?? null, exit?.signal ?? null);
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
          tell('exit', exit.code, exit.signal);
          closeIfDone();
        }
      }
    });
    keeper.once('error', (err) => {
      if (!started) reject(ObraError.from(err));
      else tell('error', err);
    });
    // The keeper's last status lines are read before its end is judged (fd 3 is its alone: it closes with it).
    const statusClosed = new Promise<void>((resolveClosed) => status.once('close', resolveClosed));
    keeper.once('exit', (code, signal) => void statusClosed.then(() => keeperEnded(code, signal)));
    const keeperEnded = (code: number | null, signal: NodeJS.Signals | null) => {
      if (!started) return reject(new ObraError('ERR_OBRA_KEEPER_LOST', `Obra's site keeper ended before the boss started (${signal ?? `exit code ${code}`}).`));
      if (exit || released) return;
      lost = true;
      tell('keeper-lost', code, signal);
      closeIfDone();
    };
  });
}
