import type { Lang } from '../../shared/api';
import type { ProcessLane } from '../model/processLanes';
import { TASK_MESSAGES } from '../i18n/taskMessages';

/**
 * The label of a callback track: "callbacks" under its process (or thread), indented one step
 * further, with the pid or threadId it belongs to for assistive technology. Clicking it
 * inspects the process.
 */
export function TaskTrackItem(p: { lane: ProcessLane; laneHeight: number; onSelect: (pid: number) => void; lang: Lang }) {
  const m = TASK_MESSAGES[p.lang];
  const owner = p.lane.tasks?.thread ? `${p.lane.pid} · t${p.lane.tasks.thread}` : String(p.lane.pid);
  return (
    <li className="process-item task-track-item" data-tasks={owner} style={{ height: p.laneHeight, paddingInlineStart: 4 + (p.lane.depth + 1) * 12 }}>
      <button type="button" className="process-button" title={`${m.track} · ${owner}`} onClick={() => p.onSelect(p.lane.pid)}>
        <span className="task-track-badge" aria-hidden="true">↻</span> <span className="process-command">{m.track}</span>
        <span className="visually-hidden">, {owner}</span>
      </button>
    </li>
  );
}
