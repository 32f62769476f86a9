/**
 * A video export under way: a progress bar, the frames done of the frames
 * to make, and Cancel (which stops the encoder: nothing is saved); then what
 * came of it (saved, cancelled, failed), which fades after a while.
 */
import { useEffect } from 'react';
import type { Lang } from '../../shared/api';
import { formatNumber } from '../i18n/format';
import { EXPORT_TEXT } from '../i18n/exportText';

export interface VideoJob {
  controller: AbortController;
  /** Frames painted and encoded so far, of `total`. */
  done: number;
  total: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
}

const SHOW_RESULT_MS = 5_000;

export function ExportProgress({ job, lang, onCancel, onDismiss }: { job: VideoJob; lang: Lang; onCancel: () => void; onDismiss: () => void }) {
  const words = EXPORT_TEXT[lang];
  useEffect(() => {
    if (job.state === 'running') return;
    const timer = setTimeout(onDismiss, SHOW_RESULT_MS);
    return () => clearTimeout(timer);
  }, [job.state, onDismiss]);
  const result = job.state === 'done' ? words.videoDone : job.state === 'cancelled' ? words.videoCancelled : job.state === 'failed' ? words.failed : null;
  const frames = words.framesDone(formatNumber(job.done, lang), formatNumber(job.total, lang));
  return (
    <div className="export-progress" aria-live="polite">
      {job.state === 'running' ? (
        <>
          <span className="export-progress-label">{words.videoProgress}</span>
          <progress max={job.total} value={job.done} aria-label={words.videoProgress} aria-valuetext={frames} />
          <span className="export-frames" data-testid="video-frames">
            {frames}
          </span>
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
