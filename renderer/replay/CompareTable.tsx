import { useEffect, useState } from 'react';
import type { Lang } from '../../shared/api';
import { formatBytes, formatDuration, formatNumber } from '../i18n/format';
import { liveTickerOf } from '../store/liveTicker';
import type { ObraStore } from '../store/obraStore';
import { runFigures, speedUp, type RunFigures } from './compareFigures';
import type { ClassroomText } from '../i18n/classroomText';

interface Figures {
  figures: RunFigures | null;
  /** The run has ended (its figures are final). */
  ended: boolean;
}

/** A store's run in figures, recomputed at most twice a second while its log grows. */
function useRunFigures(store: ObraStore): Figures {
  const [figures, setFigures] = useState<Figures>({ figures: null, ended: false });
  useEffect(() => {
    let seen = '';
    const update = (): void => {
      const { run, version, status } = store.getState();
      if (`${version} ${status}` === seen) return;
      seen = `${version} ${status}`;
      setFigures({ figures: run ? runFigures(run.events) : null, ended: status === 'ended' });
    };
    update();
    return liveTickerOf(store).add(500, update);
  }, [store]);
  return figures;
}

type Row = [key: keyof ClassroomText['compareFigures'], show: (f: RunFigures) => string];

function rows(lang: Lang, t: ClassroomText): Row[] {
  return [
    ['wall', (f) => formatDuration(f.wallUs, lang)],
    ['processes', (f) => formatNumber(f.processes, lang)],
    ['workers', (f) => formatNumber(f.workers, lang)],
    ['cpu', (f) => (f.cpuUs === null ? t.compareNoSamples : formatDuration(f.cpuUs, lang))],
    ['messages', (f) => formatNumber(f.messages, lang)],
    ['output', (f) => formatBytes(f.outputBytes, lang)],
  ];
}

interface CompareTableProps {
  /** The stores drawn as A (top) and B (bottom). */
  a: ObraStore;
  b: ObraStore;
  lang: Lang;
  t: ClassroomText;
}

/** Run A and run B side by side in figures from their logs, and how much faster B was. */
export function CompareTable({ a, b, lang, t }: CompareTableProps) {
  const { figures: figuresA, ended: endedA } = useRunFigures(a);
  const { figures: figuresB, ended: endedB } = useRunFigures(b);
  // How much faster only between two whole runs: a run still going has no wall time yet.
  const x = figuresA && figuresB && endedA && endedB ? speedUp(figuresA, figuresB) : null;
  return (
    <div className="compare-figures">
      <table className="compare-table" aria-label={t.compareFiguresLabel}>
        <thead>
          <tr>
            <th scope="col">{t.compareFigure}</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
          </tr>
        </thead>
        <tbody>
          {rows(lang, t).map(([key, show]) => (
            <tr key={key} data-figure={key}>
              <th scope="row">{t.compareFigures[key]}</th>
              <td data-run="A">{figuresA ? show(figuresA) : '—'}</td>
              <td data-run="B">{figuresB ? show(figuresB) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {x !== null && (
        <p className="compare-speed" data-speedup={x.toFixed(3)}>
          {x >= 1 ? t.compareFaster(formatNumber(x, lang, 2)) : t.compareSlower(formatNumber(1 / x, lang, 2))}
        </p>
      )}
    </div>
  );
}
