import type { ChildApi, FailureEvent, RunEndReason } from '../../shared/events';

/**
 * The story of a script of one's own, told from its events (renderer/lessons/scriptStory.ts),
 * in each language (storyEs.ts, storyEn.ts). Numbers arrive already written in the reader's locale.
 */
export interface StoryMessages {
  /** Who did it: the boss, or another process by pid and program. */
  boss: (pid: number) => string;
  process: (pid: number, program: string) => string;
  start: (boss: string, script: string, node: string) => string;
  /** `who` calls `call` (`fork("worker.js")`), at `where` (`boss.js:12`) when known. */
  call: (who: string, call: string, where: string | null) => string;
  /** Why that call: what each API does. */
  why: Record<ChildApi, string>;
  /** How this call differs from its API's usual way. */
  throughShell: (shell: string) => string;
  detached: string;
  inherit: string;
  timeout: (ms: string) => string;
  abortable: string;
  /** The child the call started: pid and program. */
  started: (api: ChildApi, child: string, parent: string) => string;
  /** A process that is not Node, found by sampling the OS. */
  seen: (child: string, parent: string) => string;
  /** Output received, one chunk after another: how many (`n`, and written), bytes, and the last line. */
  output: (who: string, stream: 'stdout' | 'stderr', n: number, chunks: string, bytes: string, last: string) => string;
  /** The boss's own output (what it printed), one line after another. */
  printed: (boss: string, stream: 'stdout' | 'stderr', n: number, lines: string, last: string) => string;
  /** IPC messages one after another, one way between two processes (or threads): how many, bytes, the last one. */
  messages: (from: string, to: string, n: number, count: string, bytes: string, last: string) => string;
  callbackOk: (api: ChildApi, who: string, stdout: string, stderr: string) => string;
  callbackError: (api: ChildApi, who: string, code: string, message: string) => string;
  exit: (who: string, code: number | null, signal: string | null) => string;
  error: Record<FailureEvent['where'], (who: string, code: string, message: string) => string>;
  disconnect: (who: string) => string;
  threadStart: (who: string, thread: number, file: string) => string;
  threadExit: (who: string, thread: number, code: string) => string;
  thread: (thread: number) => string;
  end: Record<RunEndReason, string>;
  /** Past the story's length: how many events are not told. */
  more: (count: string) => string;
}
