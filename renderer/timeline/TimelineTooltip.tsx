import { useStore } from 'zustand';
import { useMessages } from '../i18n/useMessages';
import { formatBytes, formatNumber } from '../i18n/format';
import { shortCommand } from '../model/processRecord';
import { runIndexAt } from '../model/runIndexAt';
import { useObra } from '../store/useObra';
import { describeEvent, lifetimeText, timeText } from './describeEvent';
import type { HoverStore } from './hoverStore';

/** What the pointer is over: the event (or the bucket of events sharing its pixels), when, and in which process. */
export function TimelineTooltip({ hover }: { hover: HoverStore }) {
  const state = useStore(hover, (s) => s.hover);
  const run = useObra((s) => s.run);
  const cursor = useObra((s) => s.cursor);
  const { m, lang } = useMessages();
  if (!state || !run) return null;
  const { hit } = state;
  // The process as it stood at the playhead (not yet gone at 3.5 s if it leaves at 3.6 s); a later one as the run knows it.
  const record = runIndexAt(run, cursor).processes.get(hit.pid) ?? run.index.processes.get(hit.pid);
  const event = hit.eventIndex === null ? null : run.events[hit.eventIndex];
  const lines: string[] = [];
  if (event) {
    lines.push(describeEvent(event, m, lang));
    if (hit.count > 1 && hit.kind !== 'task') lines.push(`${m.events.bucket(formatNumber(hit.count, lang))} · ${formatBytes(hit.bytes, lang)}`);
    if ('preview' in event && event.preview && hit.count <= 1) lines.push(`“${event.preview}”`);
    lines.push(timeText(event.t, lang));
  } else {
    lines.push(timeText(state.t, lang));
  }
  if (record) lines.push(`${record.pid} · ${shortCommand(record)} · ${lifetimeText(record, m)}`);
  return (
    <div className="timeline-tooltip" role="tooltip" style={state.flip ? { right: `calc(100% - ${state.x - 14}px)`, top: state.y + 14 } : { left: state.x + 14, top: state.y + 14 }}>
      {lines.map((line, i) => (
        <div key={i} className={i === 0 ? 'tooltip-head' : undefined}>
          {line}
        </div>
      ))}
    </div>
  );
}
