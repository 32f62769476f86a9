/**
 * What the stage knows at a moment of the run: the boss, one StageProcess per
 * child or OS-sampled process, and a short memory of recent gestures (crates,
 * envelopes) so animations can be drawn as a function of the cursor.
 */
import type { ChildApi, RunEndReason } from '../../shared/events';

/** How a worker looks: which API hired it, 'os' for a process only OS sampling saw, 'thread' for a Worker thread of a process. */
export type WorkerKind = 'exec' | 'execFile' | 'spawn' | 'fork' | 'os' | 'thread';

export const BOSS_KEY = 'boss';

/** Gestures remembered per process; older ones can no longer be in flight. */
export const RECENT_GESTURES = 16;

export interface OutputGesture {
  t: number;
  stream: 'stdout' | 'stderr';
  bytes: number;
  /** Chunks this gesture stands for (coalesced output). */
  count: number;
}

export interface MessageGesture {
  t: number;
  /** Process keys of sender and receiver. */
  from: string;
  to: string;
  bytes: number;
  count: number;
}

/** Totals of one IPC direction: what the sender sent and what the receiver got. */
export interface ChannelTally {
  sent: number;
  received: number;
}

export interface StageError {
  t: number;
  code: string;
  message: string;
  /** Raised by the process's own program (uncaught), not by its caller about it. */
  own?: boolean;
}

export interface StageProcess {
  /** childId for API children, `os:<pid>` for OS-only processes, `thread:<pid>:<threadId>` for Worker threads, 'boss'. */
  key: string;
  /** A Worker thread: its threadId (its pid is its process's). Null for a process. */
  thread: number | null;
  /** A Worker thread created by another thread (not its process's main one): that thread's key. */
  ownerKey: string | null;
  pid: number | null;
  parentPid: number | null;
  kind: WorkerKind;
  api: ChildApi | null;
  /** The command as called (exec: the shell line; fork: the module path). */
  command: string;
  args: string[];
  /** Ran through a shell: exec, execSync, or the `shell` option. */
  viaShell: boolean;
  /** The shell's program as the OS shows it (`/bin/sh`), or the `shell` option's, once known. */
  shell: string | null;
  /** exec/execFile buffer their output and hand it over in the callback. */
  buffered: boolean;
  maxBuffer: number;
  /** When the stage first knew it (call, or first OS sample); slots follow this order. */
  bornAt: number;
  spawnedAt: number | null;
  exitedAt: number | null;
  closedAt: number | null;
  /** OS sampling no longer sees it. */
  goneAt: number | null;
  exitCode: number | null;
  exitSignal: string | null;
  error: StageError | null;
  /** The latest signal the program sent it with process.kill (to it, or to its group). */
  signalled: { t: number; signal: string; from: number | null } | null;
  /** Started `detached`: it leads a process group of its own. */
  detached: boolean;
  callbackAt: number | null;
  /** What OS sampling says this process runs (e.g. the `/bin/sh -c …` of exec). */
  osCommand: string | null;
  stdout: { bytes: number; chunks: number };
  stderr: { bytes: number; chunks: number };
  /** Messages to and from its parent (fork's channel). */
  toParent: ChannelTally;
  fromParent: ChannelTally;
  cpu: number | null;
  cpuAt: number | null;
  elu: number | null;
  eluAt: number | null;
  rss: number | null;
  output: OutputGesture[];
  messages: MessageGesture[];
  /** The buffered output handed over at the callback (exec/execFile). */
  delivery: { t: number; bytes: number } | null;
}

export interface BossState {
  pid: number | null;
  script: string;
  startedAt: number | null;
  exitedAt: number | null;
  exitCode: number | null;
  exitSignal: string | null;
  ended: { t: number; reason: RunEndReason; errorCode?: string } | null;
  error: StageError | null;
  cpu: number | null;
  cpuAt: number | null;
  elu: number | null;
  eluAt: number | null;
  rss: number | null;
  /** Output the boss itself wrote (to the terminal), if the lab reports it. */
  stdoutBytes: number;
  stderrBytes: number;
  /** Totals received from its children. */
  receivedStdout: number;
  receivedStderr: number;
}

export interface StageState {
  boss: BossState;
  /** Every process but the boss, by key. */
  processes: Map<string, StageProcess>;
  /** Latest process with each pid (pids are not reused within a run, almost). */
  byPid: Map<number, string>;
  /**
   * Processes met only as the other end of an IPC message, before their spawn
   * was reported (a boss that sends right after fork()): not drawn; merged
   * into the process that gets the pid.
   */
  unplaced: Map<number, StageProcess>;
  /** Pids the OS sampled: their probe samples' CPU and RSS do not count (shared/sample-figures.ts). */
  osSampled: Set<number>;
  /** Largest `t` applied. */
  lastT: number;
}
