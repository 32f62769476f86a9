import type { Lang } from '../../shared/api';
import { TASK_KINDS } from '../../shared/events';
import { TASK_MESSAGES } from '../i18n/taskMessages';
import { TASK_FILL, TASK_LETTER } from './taskPalette';

/** The callback track's kinds: colour and letter together, and what a timer's bracket means. Shown when the run has callbacks. */
export function TaskLegend({ lang }: { lang: Lang }) {
  const m = TASK_MESSAGES[lang];
  return (
    <ul className="timeline-legend task-legend" aria-label={m.track}>
      {TASK_KINDS.map((kind) => (
        <li key={kind}>
          <span className="legend-mark legend-task" aria-hidden="true" style={{ background: TASK_FILL[kind] }} />
          <b className="legend-letter">{TASK_LETTER[kind]}</b>
          {m.kind[kind]}
        </li>
      ))}
      <li>
        <span className="legend-mark legend-late" aria-hidden="true" />
        {m.bracket}
      </li>
    </ul>
  );
}
