import type { Lang } from '../../shared/api';
import { TASK_KINDS, type TaskKind } from '../../shared/events';
import { TASK_MESSAGES } from '../i18n/taskMessages';
import { TASK_FILL, TASK_LETTER } from './taskPalette';

/**
 * The callback track's kinds the run has (in the one order of TASK_KINDS): colour and letter
 * together, and what a timer's bracket means when a timer ran late. Shown when the run has callbacks.
 */
export function TaskLegend({ lang, kinds, late }: { lang: Lang; kinds: ReadonlySet<TaskKind>; late: boolean }) {
  const m = TASK_MESSAGES[lang];
  return (
    <ul className="timeline-legend task-legend" aria-label={m.track}>
      {TASK_KINDS.filter((kind) => kinds.has(kind)).map((kind) => (
        <li key={kind}>
          <span className="legend-mark legend-task" aria-hidden="true" style={{ background: TASK_FILL[kind] }} />
          <b className="legend-letter">{TASK_LETTER[kind]}</b>
          {m.kind[kind]}
        </li>
      ))}
      {late && (
        <li>
          <span className="legend-mark legend-late" aria-hidden="true" />
          {m.bracket}
        </li>
      )}
    </ul>
  );
}
