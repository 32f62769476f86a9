import type { Messages } from '../i18n/messages';

/** What the marks mean: shape and colour together, never colour alone. A run with Worker threads also says what a thread's strand is. */
export function TimelineLegend({ m, threads = false }: { m: Messages; threads?: boolean }) {
  const l = m.timeline.legend;
  return (
    <ul className="timeline-legend" aria-label={l.label}>
      <li>
        <span className="legend-mark legend-busy" aria-hidden="true" />
        {l.busy}
      </li>
      <li>
        <span className="legend-mark legend-hatch" aria-hidden="true" />
        {l.exitClose}
      </li>
      <li>
        <span className="legend-mark legend-stdout" aria-hidden="true" />
        {l.stdout}
      </li>
      <li>
        <span className="legend-mark legend-stderr" aria-hidden="true" />
        {l.stderr}
      </li>
      <li>
        <span className="legend-mark legend-arrow" aria-hidden="true">
          →
        </span>
        {l.message}
      </li>
      <li>
        <span className="legend-mark legend-octagon" aria-hidden="true" />
        {l.error}
      </li>
      {threads && (
        <li>
          <span className="legend-mark legend-thread" aria-hidden="true" />
          {l.thread}
        </li>
      )}
    </ul>
  );
}
