import type { RunEndReason } from '../../shared/events';
import type { VisualKind } from '../model/processRecord';
import type { LessonText } from './lessonText';
import type { EditorMessages } from './editorMessages';
import type { StoryMessages } from './storyMessages';

/** Every UI string, written by hand in each language (es.ts, en.ts). */
export interface Messages {
  appTitle: string;
  toolbar: string;
  demo: string;
  chooseDemo: string;
  openScript: string;
  openScriptHint: string;
  run: string;
  stop: string;
  language: string;
  languageNames: { es: string; en: string };
  counters: {
    label: string;
    processes: string;
    bytes: string;
    messages: string;
    errors: string;
    elapsed: string;
  };
  status: {
    idle: string;
    starting: string;
    running: string;
    stopping: string;
    ended: Record<RunEndReason, string>;
    /** A recording being opened: the events read so far, and the share of its file. */
    loading: (events: string, share: string) => string;
  };
  emptyStage: string;
  /** The side column's name: with the narration, and in projector mode (code and console only). */
  side: { lesson: string; projector: string };
  dropHere: string;
  dropWhileRunning: string;
  notAScript: (name: string) => string;
  /** A recording past Obra's limit (shared/recording-limit.ts): its name and size, the limit. */
  recordingTooManyEvents: (name: string, size: string, limit: string) => string;
  recordingTooLargeJson: (name: string, size: string, limit: string, eventLimit: string) => string;
  timeline: {
    label: string;
    processes: string;
    keysHelp: string;
    followLive: string;
    /** A lane whose parent (not the boss) ended while it lived on: the OS re-parented it. */
    orphan: string;
    orphanOf: (pid: number) => string;
    /** A Worker thread's lane: its badge, and its name with its threadId. */
    thread: string;
    threadOf: (thread: number, pid: number) => string;
    fit: string;
    sampledNote: (ms: string) => string;
    legend: { label: string; stdout: string; stderr: string; message: string; error: string; exitClose: string; busy: string; thread: string };
  };
  kind: Record<VisualKind, string>;
  lifetime: {
    running: string;
    exitedCode: (code: number) => string;
    killedBy: (signal: string) => string;
    gone: string;
    notStarted: string;
  };
  inspector: {
    title: string;
    close: string;
    process: string;
    event: string;
    pid: string;
    ppid: string;
    kind: string;
    command: string;
    args: string;
    options: string;
    source: string;
    exit: string;
    stdout: string;
    stderr: string;
    messages: (sent: string, received: string) => string;
    cpu: string;
    rss: string;
    elu: string;
    spawnedAt: string;
    exitedAt: string;
    closedAt: string;
    exitCloseGap: string;
    time: string;
    type: string;
    preview: string;
    /** The command line as the OS shows it (what sampling read from /proc). */
    osCommand: string;
    run: string;
    bytes: string;
    syscall: string;
    none: string;
    /** `n` chunks, written as `count` (the number in the reader's locale). */
    chunks: (n: number, count: string) => string;
  };
  events: {
    output: (stream: string, bytes: string, chunks: string) => string;
    message: (n: number, count: string, from: number, to: number, bytes: string) => string;
    error: (code: string) => string;
    exit: (what: string) => string;
    callback: (api: string, result: string) => string;
    /** A signal sent with process.kill(target, signal) by `from`; `code` when the call threw. */
    kill: (signal: string, target: number, from: number | null, code: string | null) => string;
    /** A Worker thread's start, online or exit (with its exit code). */
    thread: (state: 'start' | 'online' | 'exit', thread: number, code: number | undefined) => string;
    ok: string;
    bucket: (count: string) => string;
  };
  /** Lessons: narration, questions, Open lesson…, author mode (renderer/i18n/lessonText.ts). */
  lesson: LessonText;
  /** Panel names, for a panel that failed. */
  panels: { stage: string; code: string; narration: string; console: string; retry: string };
  errors: {
    label: string;
    dismiss: string;
    more: (count: string) => string;
    apiFailed: string;
    inRun: string;
    /** `count` event batches dropped before the page was ready (ERR_OBRA_DROPPED). */
    dropped: (count: string) => string;
  };
  /** The code panel's editor and one's own scripts (editorEs.ts, editorEn.ts). */
  editor: EditorMessages;
  /** The narration of a script of one's own, told from its events (storyEs.ts, storyEn.ts). */
  story: StoryMessages;
}
