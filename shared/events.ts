/**
 * The event log: Obra's spine. Every view (stage, timeline, replay, export, CLI)
 * is a function of an append-only array of these events plus a time cursor.
 *
 * Names here are a contract with every recording ever saved: add, never rename.
 * `t` is microseconds since the run started, read from the one monotonic clock
 * all processes share (`process.hrtime.bigint()`); `pid` is the process the
 * event happened in or to, `null` when there is none (a child that never started).
 */

export const LOG_VERSION = 1 as const;

/** What was run, where: said by a recording's header and by the run's run-start event alike. */
export interface RunDescription {
  runId: string;
  /** Absolute path of the boss script. */
  script: string;
  demoId?: string;
  argv: string[];
  cwd: string;
  node: string;
  platform: string;
  cpus: number;
}

/** First line of an NDJSON recording. */
export interface LogHeader extends RunDescription {
  obra: typeof LOG_VERSION;
  /** ISO wall-clock time of the run's start (display only; `t` is what orders events). */
  startedAt: string;
}

export type ChildApi = 'exec' | 'execFile' | 'spawn' | 'fork' | 'execSync' | 'execFileSync' | 'spawnSync';

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** What the program passed as options, summarised (never the env contents). */
export interface CallOptions {
  shell?: string | boolean;
  cwd?: string;
  timeout?: number;
  maxBuffer?: number;
  detached?: boolean;
  stdio?: string | (string | number | null)[];
  /** An AbortSignal was given. */
  signal?: boolean;
  killSignal?: string | number;
  /** A custom env object was given (its contents are not recorded). */
  env?: boolean;
  execArgv?: string[];
  encoding?: string;
}

interface Base {
  /** Microseconds since the run started. */
  t: number;
  pid: number | null;
  /** The Worker thread (node:worker_threads) the event happened in, ≥ 1; absent on the main thread (0). */
  threadId?: number;
}

export interface RunStartEvent extends Base, RunDescription {
  type: 'run-start';
  /** How often OS data is sampled: the UI says these are samples. */
  sampleIntervalMs: number;
  /** What held the run's processes together (absent in older recordings): see Containment. */
  containment?: Containment;
}

/**
 * How the lab keeps every process of a run within reach, strongest first: a
 * cgroup per run (v2, or v1's freezer or pids controller), a child subreaper
 * (orphans are given to the run's site keeper), or only ancestry in the OS
 * samples (process groups, parents seen, the run's id in environments).
 */
export type Containment = 'cgroup2' | 'cgroup1-freezer' | 'cgroup1-pids' | 'subreaper' | 'ancestry';

export type RunEndReason = 'exit' | 'stopped' | 'timeout' | 'error';

export interface RunEndEvent extends Base {
  type: 'run-end';
  reason: RunEndReason;
  /** The boss's exit code / signal when it ended. */
  code: number | null;
  signal: string | null;
  /** For reason 'error': what went wrong (Node's code or ours, ERR_OBRA_*). */
  errorCode?: string;
  message?: string;
}

export interface CallEvent extends Base {
  type: 'call';
  api: ChildApi;
  /** Unique in the run: `${parentPid}:${n}`. Joins call → spawn → exit/close/callback. */
  childId: string;
  command: string;
  args: string[];
  options: CallOptions;
  source: SourceLocation | null;
}

/** `pid` is the child's pid, `ppid` the parent that spawned it. */
export interface SpawnEvent extends Base {
  type: 'spawn';
  childId: string;
  ppid: number;
  /**
   * What Node really started (the child's spawnfile and spawnargs): for exec the shell
   * (`/bin/sh`, `cmd.exe`) and its arguments, for fork Node itself. Asynchronous APIs only.
   */
  file?: string;
  argv?: string[];
  /** For sync APIs the spawn is only known after the fact. */
  sync?: boolean;
}

export interface ExitEvent extends Base {
  type: 'exit' | 'close';
  /** 'boss' for the boss (observed by the lab), else the call's childId. */
  childId: string;
  code: number | null;
  signal: string | null;
}

export interface DisconnectEvent extends Base {
  type: 'disconnect';
  childId: string;
}

/**
 * Output received by the parent. `pid` is the writer. One event may stand for
 * `count` chunks (coalesced under load): `bytes` is then their exact sum.
 */
export interface OutputEvent extends Base {
  type: 'stdout' | 'stderr';
  childId: string;
  bytes: number;
  /** Short, safe text: control characters escaped, bounded length. */
  preview: string;
  count?: number;
}

/**
 * An IPC message. `send` is reported by the sender, `recv` by the receiver when
 * it is delivered to the program. `bytes` is what the channel carried for it:
 * its JSON text and newline, or (serialization 'advanced') a 4-byte length and
 * V8's serialization. Messages are numbered per channel and
 * direction (from → to), so send #n joins recv #n. A run of messages may be one
 * event with `count`, `firstSeq`..`lastSeq` (then `seq` = `lastSeq`).
 */
export interface IpcMessageEvent extends Base {
  type: 'message';
  dir: 'send' | 'recv';
  from: number;
  to: number;
  seq: number;
  bytes: number;
  preview: string;
  count?: number;
  firstSeq?: number;
  lastSeq?: number;
  /**
   * Between two threads of one process (`postMessage` of node:worker_threads; `from` and
   * `to` are then both its pid): the sending and receiving threadIds, 0 for the main thread.
   * Numbered per pair of threads and direction, as between processes.
   */
  fromThread?: number;
  toThread?: number;
}

export interface CallbackError {
  code: number | string | null;
  signal: string | null;
  killed: boolean | null;
  message: string;
}

/** The buffered delivery of exec/execFile: the callback ran. */
export interface CallbackEvent extends Base {
  type: 'callback';
  childId: string;
  api: ChildApi;
  error: CallbackError | null;
  stdoutBytes: number;
  stderrBytes: number;
}

/**
 * An error, verbatim from Node: `code` (e.g. 'ENOENT',
 * 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER'), `message`, `syscall`.
 * `where`: a child's 'error' event, a Sync call that threw, an uncaught
 * exception in an observed process, the probe in process `pid` about its own
 * reporting (codes ERR_OBRA_*), or the lab itself (codes ERR_OBRA_*, pid null;
 * never from the report channel).
 */
export interface FailureEvent extends Base {
  type: 'error';
  where: 'child' | 'sync' | 'uncaught' | 'probe' | 'lab';
  childId?: string;
  name: string;
  code: string | null;
  errno?: number;
  syscall?: string;
  path?: string;
  message: string;
  source?: SourceLocation | null;
}

/**
 * A signal the program sent with `process.kill(target, signal)`, reported by
 * the sender (`pid`). `target` as the program gave it: a pid, `-pgid` for a
 * whole process group, 0 for the sender's own group, -1 for every process it
 * may signal. `signal` by name (`SIGTERM`), or `'0'`: the signal that only asks
 * whether the target exists. `code` is null when the call returned true, else
 * the code of what it threw (`ESRCH`, `EPERM`, `ERR_UNKNOWN_SIGNAL`…).
 * (`child.kill()` is not one: its signal shows as the child's exit signal.)
 */
export interface KillEvent extends Base {
  type: 'kill';
  target: number;
  signal: string;
  code: string | null;
  source: SourceLocation | null;
}

/** A process of the tree seen by OS sampling (the `/bin/sh` of exec, `find`…). */
export interface OsProcessEvent extends Base {
  type: 'os-process';
  ppid: number;
  command: string;
  argv: string[];
  /** 'seen' the first time a sample finds it, 'gone' when a sample no longer does. */
  state: 'seen' | 'gone';
}

/**
 * A sample. OS samples carry `cpu` (% of one core since the last poll) and
 * `rss` (bytes). A probe sample, from inside a Node process, carries `elu`
 * (event-loop utilisation 0–1 over `interval` µs) — which is how it is told
 * from an OS sample — with that process's own `cpu` over the same `interval`
 * and, when it moved, `rss`. Where both sample a process, the OS's figures
 * count (shared/sample-figures.ts).
 */
export interface SampleEvent extends Base {
  type: 'sample';
  cpu?: number;
  rss?: number;
  elu?: number;
  /** Microseconds this sample covers (a long gap = a blocked event loop). */
  interval?: number;
}

/**
 * A Worker thread's life (node:worker_threads), reported by the thread that created it
 * (so `threadId` is the parent thread's; `pid` the process both live in): 'start' when
 * `new Worker` returned, 'online' when the thread began running JavaScript, 'exit' when
 * the parent got the Worker's 'exit', with the thread's exit code.
 */
export interface ThreadEvent extends Base {
  type: 'thread';
  state: 'start' | 'online' | 'exit';
  /** The Worker's threadId (≥ 1, unique in its process). */
  thread: number;
  /** start: the script as given (a path or file: URL), or '[worker eval]' for code. */
  file?: string;
  /** start: where the program called `new Worker`. */
  source?: SourceLocation | null;
  /** exit: the thread's exit code. */
  code?: number;
}

/** What a callback of the event loop was for (TASK_KINDS). */
export type TaskKind = 'timer' | 'immediate' | 'fs' | 'net' | 'http' | 'child' | 'ipc' | 'other';

export const TASK_KINDS: readonly TaskKind[] = ['timer', 'immediate', 'fs', 'net', 'http', 'child', 'ipc', 'other'];

/**
 * A callback the event loop of process `pid` (of thread `threadId`) ran: it began at `t` and
 * ran `dur` µs, with the promise jobs and nextTicks it queued. `kind` says what it was for
 * (a timer, an immediate, a file system call, a socket, an HTTP request or response, a child's
 * exit or output, an IPC or thread message, anything else — `other`, `label` `main` for the
 * main script's first run). A timer's `due` is its `setTimeout` call plus its delay (µs on the
 * run's clock): `t - due` is how late it ran. `source` is the line that set the timer, where
 * known. Under load one event stands for `count` callbacks of one kind: `dur` is then their
 * total time and `span` µs from the first one's start to the last one's end.
 */
export interface TaskEvent extends Base {
  type: 'task';
  kind: TaskKind;
  dur: number;
  due?: number;
  label?: string;
  source?: SourceLocation | null;
  count?: number;
  span?: number;
}

export type LabEvent =
  | RunStartEvent
  | RunEndEvent
  | CallEvent
  | SpawnEvent
  | ExitEvent
  | DisconnectEvent
  | OutputEvent
  | IpcMessageEvent
  | CallbackEvent
  | FailureEvent
  | KillEvent
  | OsProcessEvent
  | SampleEvent
  | ThreadEvent
  | TaskEvent;

export type LabEventType = LabEvent['type'];

export const BOSS_CHILD_ID = 'boss';
