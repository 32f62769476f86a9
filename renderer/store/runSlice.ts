import type { DemoSource, EventBatch, ObraApi } from '../../shared/api';
import { syntaxPlaceOf } from '../../shared/syntax-error';
import { runRequestOf, withDrafts } from '../editor/editedSources';
import { currentDrafts } from '../editor/editsSlice';
import { RunLog } from '../model/runLog';
import { fitWindow } from '../model/viewport';
import { recordArrival } from '../perf/frameLog';
import type { ObraSlice, ObraState, RunSlice } from './obraState';
import { noticeOf } from './notices';
import { isBusy } from './catalogueSlice';
import { droppedNoticeBatch } from '../../shared/dropped-batches';
import { callbacksForOwnScripts } from './callbacksSetting';

/** Batches that arrive before startRun resolves (the lab may be faster than the reply); beyond this the oldest go. */
const MAX_EARLY_BATCHES = 10_000;

/** The early batches of one run, oldest first; past the limit an ERR_OBRA_DROPPED error says how many went. */
function earlyBatchesOf(early: readonly EventBatch[], dropped: ReadonlyMap<string, number>, runId: string): EventBatch[] {
  const kept = early.filter((batch) => batch.runId === runId);
  const count = dropped.get(runId) ?? 0;
  if (count === 0) return kept;
  return [droppedNoticeBatch(runId, count, kept), ...kept];
}

/** What a new run, a loaded recording or no run at all starts from: nothing selected, the playhead at 0, following. */
function freshView() {
  return {
    selection: { pid: null, eventIndex: null },
    inspectorOpen: false,
    cursor: 0,
    followLive: true,
    timeWindow: fitWindow(0),
    runErrorsDismissed: 0,
    playing: false,
  };
}

/** `fresh` files over the same paths in `shown`, the others kept (and `fresh` alone when nothing had text yet). */
function mergeSources(shown: readonly DemoSource[], fresh: readonly DemoSource[]): DemoSource[] {
  if (shown.every((s) => s.text === '')) return [...fresh];
  return shown.map((s) => fresh.find((f) => f.path === s.path) ?? s);
}

/** The playhead and window after the log grew, when following live. */
function followed(state: ObraState, run: RunLog): Partial<ObraState> {
  if (!state.followLive) return {};
  const now = run.index.lastT;
  return { cursor: now, timeWindow: fitWindow(now) };
}

/** The current run: starting and stopping it, and folding its batches into the log. */
export const runSlice =
  (api: ObraApi): ObraSlice<RunSlice> =>
  (set, get) => {
    let early: EventBatch[] | null = null;
    const earlyDropped = new Map<string, number>();

    const append = (run: RunLog, batch: EventBatch): void => {
      run.append(batch.events);
      recordArrival(run.events.length);
      const state = get();
      const ended = batch.end === true || run.index.runEnd !== null;
      set({
        version: state.version + 1,
        status: ended ? 'ended' : state.status,
        ...followed(state, run),
      });
    };

    return {
      run: null,
      status: 'idle',
      version: 0,
      startedAtMs: null,
      loadProgress: null,

      async startRun(args) {
        const { script, status } = get();
        if (!script || isBusy(status)) return;
        set({ status: 'starting' });
        early = [];
        earlyDropped.clear();
        try {
          // The files as edited: the lab runs a private copy of them (and checks they parse first).
          const drafts = currentDrafts(get());
          const request = runRequestOf(script, get().sources, drafts, args);
          // One's own script: the reader may leave the callbacks out (they cost time in callback-heavy programs).
          const own = script.kind === 'source' || script.kind === 'file';
          const info = await api.startRun(own && !callbacksForOwnScripts() ? { ...request, callbacks: false } : request);
          // A file on disk (Electron's Open script…): the boss as the lab read it as the run started.
          if (script.kind === 'file' && info.sources?.length) set({ sources: mergeSources(get().sources, info.sources) });
          set({ ran: { runId: info.runId, sources: withDrafts(get().sources, drafts) }, syntaxError: null });
          const run = new RunLog(info.runId, info.header);
          const waiting = early;
          early = null;
          set({
            run,
            status: 'running',
            version: get().version + 1,
            startedAtMs: performance.now(),
            ...freshView(),
          });
          for (const batch of earlyBatchesOf(waiting ?? [], earlyDropped, run.runId)) append(run, batch);
          earlyDropped.clear();
        } catch (error) {
          early = null;
          // A file that does not parse is marked at its line in the editor (and told in the banner).
          set({ status: get().run?.index.runEnd ? 'ended' : 'idle', syntaxError: syntaxPlaceOf(error) });
          get().pushNotice(noticeOf(error));
        }
      },

      async stopRun() {
        const { run, status } = get();
        if (!run || (status !== 'running' && status !== 'starting')) return;
        set({ status: 'stopping' });
        try {
          await api.stopRun(run.runId);
        } catch (error) {
          get().pushNotice(noticeOf(error));
        }
        // The run-end batch normally arrives first; if the stop resolved without it, the run is over anyway.
        if (get().run === run && get().status === 'stopping' && run.index.runEnd === null) {
          setTimeout(() => {
            if (get().run === run && get().status === 'stopping') set({ status: 'ended' });
          }, 2_000);
        }
      },

      ingest(batch) {
        const run = get().run;
        if (run && batch.runId === run.runId && get().status !== 'loading') {
          append(run, batch);
          return;
        }
        if (!early) return;
        early.push(batch);
        if (early.length > MAX_EARLY_BATCHES) {
          const oldest = early.shift() as EventBatch;
          earlyDropped.set(oldest.runId, (earlyDropped.get(oldest.runId) ?? 0) + 1);
        }
      },

      beginRecording(header) {
        if (isBusy(get().status)) return;
        set({
          run: new RunLog(header.runId, header),
          status: 'loading',
          version: get().version + 1,
          startedAtMs: null,
          ...freshView(),
        });
      },

      appendRecording(events, done, redraw = true) {
        const run = get().run;
        if (!run || get().status !== 'loading') return;
        run.append(events);
        if (!redraw && !done) return;
        const state = get();
        set({ version: state.version + 1, ...followed(state, run), ...(done ? { status: 'ended' as const, loadProgress: null } : {}) });
      },

      showLoadProgress(progress) {
        if (get().status === 'loading') set({ loadProgress: progress });
      },

      clearRun() {
        if (isBusy(get().status)) return;
        set({
          run: null,
          status: 'idle',
          loadProgress: null,
          version: get().version + 1,
          startedAtMs: null,
          ...freshView(),
        });
      },
    };
  };
