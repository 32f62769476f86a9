/**
 * A video export under way: a progress bar with its percentage and Cancel;
 * then what came of it (saved, cancelled, failed), which fades after a while.
 */
import { useEffect } from 'react';
import type { Lang } from '../../shared/api';
import { formatNumber } from '../i18n/format';
import { EXPORT_TEXT } from './exportText';

export interface VideoJob {
  controller: AbortController;
  /** 0–1. */
  progress: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
}

const SHOW_RESULT_MS = 5_000;

export function ExportProgress({ job, lang, onCancel, onDismiss }: { job: VideoJob; lang: Lang; onCancel: () => void; onDismiss: () => void }) {
  const words = EXPORT_TEXT[lang];
  const percent = Math.round(job.progress * 100);
  useEffect(() => {
    if (job.state === 'running') return;
    const timer = setTimeout(onDismiss, SHOW_RESULT_MS);
    return () => clearTimeout(timer);
  }, [job.state, onDismiss]);
  const result = job.state === 'done' ? words.videoDone : job.state === 'cancelled' ? words.videoCancelled : job.state === 'failed' ? words.failed : null;
  return (
    <div className="export-progress" aria-live="polite">
      {job.state === 'running' ? (
        <>
          <span className="export-progress-label">{words.videoProgress}</span>
          <progress max={100} value={percent} aria-label={words.videoProgress} />
          <span className="export-percent">{formatNumber(percent, lang)} %</span>
          <button type="button" className="small-button" onClick={onCancel}>
            {words.cancel}
          </button>
        </>
      ) : (
        <span className={`export-result export-${job.state}`}>{result}</span>
      )}
    </div>
  );
}
