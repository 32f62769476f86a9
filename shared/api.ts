/**
 * The API the renderer calls. One contract, two transports: Electron IPC
 * (preload bridge) and a WebSocket (`obra serve`). Every method is async and
 * every argument is plain JSON, so both transports carry it unchanged.
 */
import type { LabEvent, LogHeader } from './events';

export type Lang = 'es' | 'en';
export type Localized = Record<Lang, string>;

/** One entry of the demo catalogue (`assets/demos/catalogue.json`). */
export interface DemoInfo {
  id: string;
  title: Localized;
  summary: Localized;
  /** Files of the demo relative to its folder, the boss (entry) first. */
  files: string[];
  /** The boss script, relative to the demo's folder. */
  entry: string;
}

export interface DemoSource {
  /** Path relative to the demo's folder. */
  path: string;
  text: string;
}

/** Start a run: exactly one of demoId, file (a path the lab can read) or source (uploaded text). */
export interface RunRequest {
  demoId?: string;
  file?: string;
  source?: { name: string; text: string };
  args?: string[];
  maxDurationMs?: number;
}

export interface RunInfo {
  runId: string;
  header: LogHeader;
  /**
   * The boss script as the lab read it when the run started, for the code
   * panel and saved recordings: given for a `file` run (a demo's files come
   * from readDemo, an uploaded source is the page's own text).
   */
  sources?: DemoSource[];
}

/** Events of one run, about one batch per animation frame. `end` on the last one. */
export interface EventBatch {
  runId: string;
  events: LabEvent[];
  end?: boolean;
}

/** The shape of every failure crossing a transport: Node's own code, or ERR_OBRA_*. */
export interface ObraErrorShape {
  code: string;
  message: string;
}

export interface ObraApi {
  listDemos(): Promise<DemoInfo[]>;
  readDemo(id: string): Promise<DemoSource[]>;
  startRun(req: RunRequest): Promise<RunInfo>;
  stopRun(runId: string): Promise<void>;
  /** Receive batches of every run. Returns an unsubscribe function. */
  subscribe(listener: (batch: EventBatch) => void): () => void;
  /**
   * Electron only: "Open script…" through the native dialog. Resolves with the
   * chosen file's absolute path (for RunRequest.file), or null if cancelled.
   * Absent in the browser transport: there the renderer reads the file itself
   * and sends RunRequest.source.
   */
  pickScript?(): Promise<string | null>;
}

/** Request/response methods, as carried over IPC channels or WebSocket frames. */
export const API_METHODS = ['listDemos', 'readDemo', 'startRun', 'stopRun'] as const;
export type ApiMethod = (typeof API_METHODS)[number];

/** Size limits a transport enforces on what the renderer sends. */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
