import { useEffect, useState } from 'react';
import { pickFile, RECORDING_ACCEPT } from '../recording/pickFile';
import type { ObraApi } from '../../shared/api';
import { fitWindow } from '../model/viewport';
import { readRecordingFile, showRecording } from '../recording/recordingActions';
import { createObraStore, type ObraStore } from '../store/obraStore';
import { noticeOf } from '../store/notices';
import { ObraStoreContext, useObra, useObraStore } from '../store/useObra';
import { Timeline } from '../timeline/Timeline';
import { useClassroomText } from './useClassroomText';

/** The second run is only ever a recording: its store can start nothing. */
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

function runTitle(store: ObraStore): string {
  const header = store.getState().run?.header;
  if (!header) return '—';
  const what = header.demoId ?? header.script.split(/[\\/]/).pop() ?? header.runId;
  return `${what} · ${header.startedAt.replace('T', ' ').replace(/\..*$/, '')}`;
}

/**
 * Compare: the shown run over a second recording, read-only, both timelines
 * on the same origin and µs per pixel (the same window, the same width), the
 * playhead shared. E.g. all-cores with 1 worker against N workers.
 */
export function CompareView() {
  const t = useClassroomText();
  const main = useObraStore();
  const lang = useObra((s) => s.lang);
  const mainRun = useObra((s) => s.run);
  const [second] = useState(() => createObraStore(READ_ONLY_API).store);
  const secondRun = useStoreRun(second);

  useEffect(() => second.setState({ lang }), [second, lang]);
  useEffect(() => alignStores(main, second), [main, second]);

  const open = async (file: File): Promise<void> => {
    try {
      const recording = await readRecordingFile(file);
      await showRecording(second, recording);
      const longest = Math.max(main.getState().run?.index.lastT ?? 0, second.getState().run?.index.lastT ?? 0);
      main.setState({ timeWindow: fitWindow(longest), cursor: 0, followLive: false });
    } catch (error) {
      main.getState().pushNotice(noticeOf(error));
    }
  };

  return (
    <div className="compare-view" aria-label={t.compareTitle} role="region">
      <div className="compare-bar">
        <h2 className="panel-title">{t.compareTitle}</h2>
        <button type="button" className="toolbar-button" onClick={() => void pickFile(RECORDING_ACCEPT).then((file) => file && open(file))}>
          {t.compareOpen}
        </button>
        <button type="button" className="toolbar-button" onClick={() => main.getState().setCompareOpen(false)}>
          {t.closeCompare}
        </button>
      </div>
      <section className="compare-run" aria-label={`A: ${mainRun ? runTitle(main) : '—'}`}>
        <h3 className="compare-title">A · {mainRun ? runTitle(main) : '—'}</h3>
        <Timeline />
      </section>
      <section className="compare-run" aria-label={`B: ${secondRun ? runTitle(second) : '—'}`}>
        <h3 className="compare-title">B · {secondRun ? runTitle(second) : t.compareEmpty}</h3>
        <ObraStoreContext.Provider value={second}>
          <Timeline />
        </ObraStoreContext.Provider>
      </section>
    </div>
  );
}

function useStoreRun(store: ObraStore) {
  const [run, setRun] = useState(store.getState().run);
  useEffect(() => store.subscribe((s) => setRun(s.run)), [store]);
  return run;
}
