import type { Lang } from '../../shared/api';
import type { Messages } from '../i18n/messages';
import type { ProcessLane } from '../model/processLanes';
import { shortCommand, visualKind } from '../model/processRecord';
import { lifetimeText } from './describeEvent';

interface ProcessListProps {
  lanes: ProcessLane[];
  laneHeight: number;
  selectedPid: number | null;
  onSelect: (pid: number) => void;
  m: Messages;
  lang: Lang;
}

/**
 * The lanes' labels, as a real list: what assistive technology reads as
 * "Processes" (pid, kind, command, state), and what the mouse clicks to
 * inspect a process. Each item is exactly one lane tall, beside its lane.
 */
export function ProcessList({ lanes, laneHeight, selectedPid, onSelect, m }: ProcessListProps) {
  return (
    <ul className="process-list" role="list" aria-label={m.timeline.processes}>
      {lanes.map((lane) => {
        const record = lane.record;
        const kind = visualKind(record);
        const command = shortCommand(record);
        const state = lifetimeText(record, m);
        return (
          <li key={lane.pid} className="process-item" style={{ height: laneHeight, paddingInlineStart: 4 + lane.depth * 12 }}>
            <button
              type="button"
              className="process-button"
              aria-pressed={selectedPid === lane.pid}
              title={`${record.pid} · ${m.kind[kind]} · ${command} · ${state}`}
              onClick={() => onSelect(lane.pid)}
            >
              <span className="process-pid">{record.pid}</span>{' '}
              <span className={`kind-badge kind-${kind}`}>{m.kind[kind]}</span>{' '}
              <span className="process-command">{command}</span>
              <span className="visually-hidden">, {state}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
