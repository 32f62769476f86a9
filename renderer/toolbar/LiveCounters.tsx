import { useEffect, useState } from 'react';
import { formatBytesShort, formatBytes, formatDuration, formatNumber } from '../i18n/format';
import { useMessages } from '../i18n/useMessages';
import { useLiveView, useObra } from '../store/useObra';
import { runIndexAt } from '../model/runIndexAt';

/** Processes, bytes, messages and errors of the run on screen by the playhead, and its elapsed time, a few times a second. */
export function LiveCounters() {
  const { m, lang } = useMessages();
  const { cursor } = useLiveView(240);
  const run = useObra((s) => s.run);
  const status = useObra((s) => s.status);
  const startedAtMs = useObra((s) => s.startedAtMs);
  const elapsed = useElapsed(status === 'running' || status === 'stopping' ? startedAtMs : null);
  const index = run?.index;
  const c = (run ? runIndexAt(run, cursor) : null)?.counters ?? { processes: 0, bytes: 0, messages: 0, errors: 0 };
  const duration = index ? Math.max(index.runEnd?.t ?? 0, index.lastT, elapsed ?? 0) : 0;
  const items: Array<[string, string, string, string?]> = [
    ['processes', formatNumber(c.processes, lang), m.counters.processes],
    ['bytes', formatBytesShort(c.bytes, lang), m.counters.bytes, formatBytes(c.bytes, lang)],
    ['messages', formatNumber(c.messages, lang), m.counters.messages],
    ['errors', formatNumber(c.errors, lang), m.counters.errors],
    ['elapsed', formatDuration(Math.round(duration), lang), m.counters.elapsed],
  ];
  return (
    // A dl is a list of terms: the group and its name go on a box around it.
    <div className="live-counters-box" role="group" aria-label={m.counters.label}>
      <dl className="live-counters">
      {items.map(([key, value, label, title]) => (
        <div key={key} className={`counter counter-${key}${key === 'errors' && c.errors > 0 ? ' counter-alert' : ''}`} title={title}>
          <dt>{label}</dt>
          <dd data-counter={key}>{value}</dd>
        </div>
      ))}
      </dl>
    </div>
  );
}

/** µs since the run started here, ticking while it runs. */
function useElapsed(startedAtMs: number | null): number | null {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (startedAtMs === null) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [startedAtMs]);
  return startedAtMs === null ? null : Math.max(0, (now - startedAtMs) * 1000);
}
