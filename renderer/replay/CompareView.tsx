import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ObraApi } from '../../shared/api';
import { fitWindow } from '../model/viewport';
import { pickFile, RECORDING_ACCEPT } from '../recording/pickFile';
import { openRecordingInto } from '../recording/recordingActions';
import { isBusy } from '../store/catalogueSlice';
import { noticeOf } from '../store/notices';
import { createObraStore, type ObraStore } from '../store/obraStore';
import { ObraStoreContext, useObra, useObraStore } from '../store/useObra';
import { Timeline } from '../timeline/Timeline';
import { CompareTable } from './CompareTable';
import { runOneVsAll } from './compareRuns';
import { useClassroomText } from './useClassroomText';
import './compare.css';

/** The compare store only ever shows recordings (a file, or a copy of a run that ended): it can start nothing. */
const READ_ONLY_API: ObraApi = {
  listDemos: () => Promise.resolve([]),
  readDemo: () => Promise.reject(new Error('read-only')),
  startRun: () => Promise.reject(new Error('read-only')),
  stopRun: () => Promise.resolve(),
  subscribe: () => () => undefined,
};

/** Keep two stores on one time axis (same window, same playhead) whichever of them moves. */
function alignStores(a: ObraStore, b: ObraStore): () => void {
  const mirror = (from: ObraStore, to: ObraStore) =>
    from.subscribe((state) => {
      const other = to.getState();
      if (other.timeWindow === state.timeWindow && other.cursor === state.cursor) return;
      to.setState({ timeWindow: state.timeWindow, cursor: state.cursor, followLive: false });
    });
  const offA = mirror(a, b);
  const offB = mirror(b, a);
  return () => {
    offA();
    offB();
  };
}

/**
 * Both runs whole, from t = 0, the playhead at the end of the longer one, so
 * both are shown complete (stage, code, narration); Home and Space replay them
 * together. The mirror carries window and playhead to the other store.
 */
function fitBoth(main: ObraStore, second: ObraStore): void {
  const longest = Math.max(main.getState().run?.index.lastT ?? 0, second.getState().run?.index.lastT ?? 0);
  main.setState({ timeWindow: fitWindow(longest), cursor: longest, followLive: false });
}

function runTitle(store: ObraStore): string | null {
  const header = store.getState().run?.header;
  if (!header) return null;
  const what = [header.demoId ?? header.script.split(/[\\/]/).pop() ?? header.runId, ...header.argv].join(' ');
  return `${what} · ${header.startedAt.replace('T', ' ').replace(/\..*$/, '')}`;
}

/** One run of the comparison: its title and its timeline, with the window it shows (for tests and readers of the DOM). */
function CompareRun({ letter, store, empty }: { letter: 'A' | 'B'; store: ObraStore; empty: string }) {
  useStore(store, (s) => s.run);
  const window = useStore(store, (s) => s.timeWindow);
  const title = runTitle(store);
  return (
    <section className="compare-run" aria-label={`${letter}: ${title ?? '—'}`} data-window-start={window.start} data-window-end={Math.round(window.end)}>
      <h3 className="compare-title">
        {letter} · {title ?? empty}
      </h3>
      <ObraStoreContext.Provider value={store}>
        <Timeline />
      </ObraStoreContext.Provider>
    </section>
  );
}

/**
 * Compare: two runs one above the other on one time axis (the same origin and
 * µs per pixel: the same window, the same width), the playhead shared, and a
 * table of their figures. A is the shown run and B a recording opened from a
 * file, or — "all-cores: 1 worker vs N" — A is the demo run with 1 worker and
 * B the same demo run with every core, both really run here.
 */
export function CompareView() {
  const t = useClassroomText();
  const main = useObraStore();
  const lang = useObra((s) => s.lang);
  const status = useObra((s) => s.status);
  const projector = useObra((s) => s.projector);
  const theme = useObra((s) => s.theme);
  const [second] = useState(() => createObraStore(READ_ONLY_API).store);
  /** Which store is drawn on top as A: the shown run, or (1 vs N) the copy of the 1-worker run. */
  const [top, setTop] = useState<'main' | 'second'>('main');
  const [step, setStep] = useState<1 | 2 | null>(null);
  const stopped = useRef(false);
  const running = useRef(false);

  // The compare store draws like the main one: same language, projector sizes and theme.
  useEffect(() => second.setState({ lang, projector, theme }), [second, lang, projector, theme]);
  useEffect(() => alignStores(main, second), [main, second]);
  // Closing the view while comparing stops the run going on: no process outlives the comparison.
  useEffect(
    () => () => {
      if (!running.current) return;
      stopped.current = true;
      void main.getState().stopRun();
    },
    [main],
  );

  const open = async (file: File): Promise<void> => {
    try {
      await openRecordingInto(second, file, main.getState().lang);
      setTop('main');
      fitBoth(main, second);
    } catch (error) {
      main.getState().pushNotice(noticeOf(error));
    }
  };

  const oneVsAll = async (): Promise<void> => {
    stopped.current = false;
    running.current = true;
    const onStep = (n: 1 | 2): void => {
      setStep(n);
      setTop(n === 1 ? 'main' : 'second');
    };
    try {
      await runOneVsAll(main, second, { onStep, stopped: () => stopped.current });
    } catch (error) {
      main.getState().pushNotice(noticeOf(error));
    } finally {
      running.current = false;
      setStep(null);
      if (second.getState().run) fitBoth(main, second);
    }
  };

  const stop = (): void => {
    stopped.current = true;
    void main.getState().stopRun();
  };

  const [a, b] = top === 'main' ? [main, second] : [second, main];
  return (
    <div className="compare-view" aria-label={t.compareTitle} role="region">
      <div className="compare-bar">
        <h2 className="panel-title">{t.compareTitle}</h2>
        <button type="button" className="toolbar-button" disabled={step !== null || isBusy(status)} onClick={() => void oneVsAll()}>
          {t.compareOneVsAll}
        </button>
        <button
          type="button"
          className="toolbar-button"
          disabled={step !== null}
          onClick={() => void pickFile(RECORDING_ACCEPT).then((file) => file && open(file))}
        >
          {t.compareOpen}
        </button>
        {step !== null && (
          <>
            <span className="compare-progress" role="status">
              {t.compareRunning(step)}
            </span>
            <button type="button" className="toolbar-button stop-button" onClick={stop}>
              {t.compareStop}
            </button>
          </>
        )}
        <button type="button" className="toolbar-button compare-close" onClick={() => main.getState().setCompareOpen(false)}>
          {t.closeCompare}
        </button>
      </div>
      <CompareTable a={a} b={b} lang={lang} t={t} />
      <CompareRun key={a === main ? 'main' : 'second'} letter="A" store={a} empty="—" />
      <CompareRun key={b === main ? 'main' : 'second'} letter="B" store={b} empty={t.compareEmpty} />
    </div>
  );
}
