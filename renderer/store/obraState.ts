import type { StateCreator } from 'zustand/vanilla';
import type { DemoInfo, DemoSource, Lang, OpenedLesson, RunRequest } from '../../shared/api';
import type { Lesson } from '../../shared/lesson';
import type { RunLog } from '../model/runLog';
import type { TimeWindow } from '../model/viewport';
import type { EventBatch } from '../../shared/api';
import type { LogHeader, LabEvent } from '../../shared/events';
import type { Notice } from './notices';
import type { PlaybackSlice } from '../replay/playbackState';
import type { ClassroomSlice } from '../replay/classroomState';
import type { EditsSlice } from '../editor/editsState';

/**
 * What Run runs: a demo of the catalogue, a lesson folder the reader opened
 * (its entry, where it is in Electron, else its files uploaded), the files
 * the user opened (`name`: the boss among them, the files themselves in
 * `sources`), or a file path (Electron's dialog).
 */
export type ScriptChoice =
  | { kind: 'demo'; demoId: string }
  | { kind: 'lesson'; name: string; folder: string | null; entry: string }
  | { kind: 'source'; name: string }
  | { kind: 'file'; path: string };

/** The lesson on screen: a demo of the catalogue (its id) or a folder the reader opened (demoId null). */
export type OpenLesson = Lesson & { demoId: string | null };

export interface CatalogueSlice {
  demos: DemoInfo[];
  script: ScriptChoice | null;
  /** The chosen demo's or opened folder's lesson: its narration, its panel, its scripts. */
  lesson: OpenLesson | null;
  /** The files shown in the code panel as they are on disk or were opened (the edits: EditsSlice). */
  sources: DemoSource[];
  loadCatalogue(): Promise<void>;
  /** Choose a demo (null: none). Does not run it. */
  selectDemo(id: string | null): Promise<void>;
  /** Show the user's own files (`entry`: the boss among them); Run starts them. */
  openScripts(files: DemoSource[], entry: string): void;
  /** Choose the boss among the user's own files. */
  chooseBoss(path: string): void;
  /** The shell has a native file dialog (Electron). */
  canPickScript: boolean;
  /** Ask the native dialog for a script and show it. */
  pickScript(): Promise<void>;
  /** Show a script on disk (Electron's native dialog) and the scripts beside it; Run runs it where it is (edited: from a copy of its folder). */
  openScriptFile(path: string, sources: DemoSource[]): void;
  /** The shell has a native folder dialog for lessons (Electron). */
  canPickLesson: boolean;
  /** Ask the native folder dialog for a lesson and open it. */
  pickLesson(): Promise<void>;
  /** Show a lesson folder's files (checked by shared/lesson.ts; a bad one becomes a notice naming file, step and field). Does not run it. */
  openLesson(opened: OpenedLesson): void;
}

export type RunStatus = 'idle' | 'starting' | 'running' | 'stopping' | 'ended' | 'loading';

/** How far a recording being opened was read: its events and bytes so far, of the file's size. */
export interface LoadProgress {
  events: number;
  bytes: number;
  size: number;
}

export interface RunSlice {
  /** The run on screen: its log and indexes (mutable, grown in place). */
  run: RunLog | null;
  status: RunStatus;
  /** Bumps whenever the shown log grew or was replaced. */
  version: number;
  /** performance.now() when the run started here (for the elapsed counter). */
  startedAtMs: number | null;
  /** Run the chosen script, with these command-line arguments if given (the boss's process.argv[2…]). */
  startRun(args?: readonly string[]): Promise<void>;
  stopRun(): Promise<void>;
  /** One batch from the transport (every run's batches come here). */
  ingest(batch: EventBatch): void;
  /** Show a recorded run (no process started): its header, then its events in chunks. */
  beginRecording(header: LogHeader): void;
  /** Fold a recording's events into the log; `redraw` false leaves the views to the next hand-over that redraws (or the last). */
  appendRecording(events: readonly LabEvent[], done: boolean, redraw?: boolean): void;
  /** While a recording loads: how much of its file was read (the views show the events handed over so far). */
  loadProgress: LoadProgress | null;
  /** Say how far the recording's reading got (ignored once it is no longer loading). */
  showLoadProgress(progress: LoadProgress): void;
  /** Forget the shown run. */
  clearRun(): void;
}

export interface Selection {
  pid: number | null;
  /** Index in the run's log of the selected event. */
  eventIndex: number | null;
}

export interface UiSlice {
  lang: Lang;
  /** The reader picked the language (else it follows the system). */
  langChosen: boolean;
  setLang(lang: Lang): void;
  selection: Selection;
  inspectorOpen: boolean;
  selectProcess(pid: number): void;
  /** Select an event; `pid` is the lane it is drawn on (defaults to the event's own pid). */
  selectEvent(eventIndex: number, pid?: number | null): void;
  closeInspector(): void;
  /** The playhead, µs since the run started. Live: the latest event's time. */
  cursor: number;
  /** While true the playhead and the window follow the newest events. */
  followLive: boolean;
  setCursor(t: number): void;
  setFollowLive(follow: boolean): void;
  /** The timeline's visible time window. */
  timeWindow: TimeWindow;
  setTimeWindow(window: TimeWindow): void;
  notices: Notice[];
  /** How many of the run's errors the reader dismissed from the banner. */
  runErrorsDismissed: number;
  pushNotice(notice: Notice): void;
  dismissNotice(id: number): void;
  dismissRunErrors(): void;
}

export type ObraState = CatalogueSlice & RunSlice & UiSlice & PlaybackSlice & ClassroomSlice & EditsSlice;
export type ObraSlice<T> = StateCreator<ObraState, [], [], T>;

export type { RunRequest };
