/**
 * The API the renderer calls. One contract, two transports: Electron IPC
 * (preload bridge) and a WebSocket (`obra serve`). Every method is async and
 * every argument is plain JSON, so both transports carry it unchanged.
 */
import type { LabEvent, LogHeader } from './events';

export type Lang = 'es' | 'en';
export type Localized = Record<Lang, string>;

export function isLang(value: unknown): value is Lang {
  return value === 'es' || value === 'en';
}

/** The language for a system locale (`es-ES`, `es_AR.UTF-8`, `en-US`…): Spanish if it is Spanish, else English. */
export function langOfLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The extra panels a lesson may ask for beside its narration (renderer/lessons/lessonPanels.tsx draws them). */
export const LESSON_PANELS = ['latency'] as const;
export type LessonPanel = (typeof LESSON_PANELS)[number];

/** A lesson: an entry of the demo catalogue (`assets/demos/catalogue.json`), or a teacher's `lesson.json` (docs/LESSONS.md). */
export interface DemoInfo {
  id: string;
  title: Localized;
  summary: Localized;
  /** Files of the demo relative to its folder, the boss (entry) first. */
  files: string[];
  /** The boss script, relative to the demo's folder. */
  entry: string;
  /** An extra panel the lesson shows beside its narration (the blocking demo's latency chart). */
  panel?: LessonPanel;
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
  /** Uploaded text; `name` is a path relative to the run's folder (`boss.js`, `src/boss.js`). */
  source?: { name: string; text: string };
  /**
   * Files the run starts with, edited or uploaded, by path relative to the
   * run's folder (`/`-separated, never leaving it): with demoId, files of the
   * demo as edited; with source, the files uploaded with it (beside or below
   * the boss's `name`); with file, top-level files of the script's folder as
   * edited. The run then starts from a private copy (a folder of its own)
   * holding them, so a boss forks its edited worker.
   */
  files?: DemoSource[];
  args?: string[];
  maxDurationMs?: number;
  /**
   * Record every callback the observed event loops run (`task` events; default true). Costs
   * time in callback-heavy programs (README, Performance): a switch for one's own script.
   */
  callbacks?: boolean;
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
  /** A demo's files: its scripts in catalogue order, then its narration.json when it has one (shared/lesson.ts assembles them). */
  readDemo(id: string): Promise<DemoSource[]>;
  startRun(req: RunRequest): Promise<RunInfo>;
  stopRun(runId: string): Promise<void>;
  /** Receive batches of every run. Returns an unsubscribe function. */
  subscribe(listener: (batch: EventBatch) => void): () => void;
  /**
   * Electron only: "Open script…" through the native dialog. Resolves with the
   * chosen file's absolute path (for RunRequest.file) and the scripts shown
   * for it (it and the scripts beside it), or null if cancelled. Absent in the
   * browser transport: there the renderer reads the files itself and sends
   * RunRequest.source and files.
   */
  pickScript?(options?: DialogOptions): Promise<PickedScript | null>;
  /**
   * Electron only: save a file through the native "Save as" dialog, which
   * offers `suggestedName` and the kind's file type. Resolves with the path
   * written, or null if the reader cancelled (nothing is written). The path
   * comes only from the dialog, never from the page. Failures reject with
   * Node's code (EACCES, ENOSPC…), ERR_OBRA_TOO_LARGE beyond
   * MAX_NATIVE_FILE_BYTES, or ERR_OBRA_BAD_REQUEST. Absent in the browser
   * transport: there the page downloads a Blob.
   */
  saveFile?(file: SaveFileRequest): Promise<string | null>;
  /**
   * Electron only: "Open recording" through the native dialog (.obra.json,
   * .json, .ndjson). Resolves with the file's name and bytes (the page parses
   * them as it parses a picked or dropped file), or null if cancelled. Bytes,
   * not text: a big NDJSON recording is then read as a stream, and no huge
   * string is made in main. Absent in the browser transport (file picker).
   */
  openRecording?(options?: DialogOptions): Promise<OpenedFile | null>;
  /**
   * Electron only: "Open lesson…" through the native folder dialog. Resolves
   * with the folder's lesson files as read (shared/lesson.ts checks them in
   * the page), or null if cancelled. Absent in the browser transport: there
   * the page reads picked files or a zip. A later save of kind 'narration'
   * opens its dialog in that folder.
   */
  openLesson?(options?: DialogOptions): Promise<OpenedLesson | null>;
}

/** How a native dialog should speak: the page's language (else main's guess from the system locale). */
export interface DialogOptions {
  lang?: Lang;
}

/** The files Obra runs as a boss script (Node's CommonJS and ES module extensions). */
export const SCRIPT_EXTENSIONS = ['js', 'mjs', 'cjs'] as const;

/** What a saved file holds, which picks the native dialog's file type. */
export const SAVE_KINDS = ['recording', 'png', 'svg', 'trace', 'webm', 'mp4', 'gif', 'narration'] as const;
export type SaveKind = (typeof SAVE_KINDS)[number];

export interface SaveFileRequest {
  /** A plain file name (no folder) the dialog offers, e.g. `fork-2026-11-26-15-00-00.obra.json`. */
  suggestedName: string;
  kind: SaveKind;
  /** Text is written as UTF-8. */
  data: string | Uint8Array;
  /** The dialog's language: the page's (else main's guess from the system locale). */
  lang?: Lang;
}

/** A lesson folder as read for the page: its name, where it is (Electron; null in a browser), its files by relative path. */
export interface OpenedLesson {
  name: string;
  folder: string | null;
  files: DemoSource[];
}

export interface PickedScript {
  /** Absolute path of the chosen script. */
  path: string;
  /** The chosen script first, then the scripts beside it, by name. */
  sources: DemoSource[];
}

export interface OpenedFile {
  /** The file's name, without its folder. */
  name: string;
  data: Uint8Array;
}

/**
 * The largest file the native dialogs carry (save or open): 256 MiB. One IPC
 * message carries the whole file, and Electron's IPC serializer crashes the
 * process beyond 512 MiB (electron/electron#53961); a string may take two
 * bytes a character there. Bigger saves take the browser's download path, and
 * bigger recordings open by drag and drop (read as a stream in the page).
 */
export const MAX_NATIVE_FILE_BYTES = 256 * 1024 * 1024;

/** Request/response methods, as carried over IPC channels or WebSocket frames. */
export const API_METHODS = ['listDemos', 'readDemo', 'startRun', 'stopRun'] as const;
export type ApiMethod = (typeof API_METHODS)[number];

/** Size limits a transport enforces on what the renderer sends. */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
