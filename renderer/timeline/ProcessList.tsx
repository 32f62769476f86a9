import type { Lang } from '../../shared/api';
import type { Messages } from '../i18n/messages';
import type { ProcessLane } from '../model/processLanes';
import { shortCommand, visualKind } from '../model/processRecord';
import { lifetimeText } from './describeEvent';
import type { ProcessRecord } from '../model/processRecord';
import { lifetimeOf } from '../model/processRecord';
import { ORPHAN_AFTER_US } from '../stage/derive';
import type { ThreadRecord } from '../model/threadIndex';
import { basename } from '../../shared/process-names';
import { TaskTrackItem } from './TaskTrackItem';

/**
 * The parent pid of a process that outlived its parent (not the boss): re-parented by the OS; else null.
 * Sampling sees a death up to a sample late, so a process gone within ORPHAN_AFTER_US of its
 * parent (a whole group killed at once) is not called an orphan.
 */
export function lostParent(record: ProcessRecord, byPid: ReadonlyMap<number, ProcessRecord>): number | null {
  const parent = record.ppid === null ? undefined : byPid.get(record.ppid);
  if (!parent || parent.kind === 'boss') return null;
  const parentEnd = lifetimeOf(parent).exit;
  const end = lifetimeOf(record).exit;
  return parentEnd !== null && (end === null || end > parentEnd + ORPHAN_AFTER_US) ? parent.pid : null;
}

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
export function ProcessList({ lanes, laneHeight, selectedPid, onSelect, m, lang }: ProcessListProps) {
  const byPid = new Map(lanes.map((lane) => [lane.pid, lane.record]));
  return (
    <ul className="process-list" role="list" aria-label={m.timeline.processes}>
      {lanes.map((lane) => {
        if (lane.tasks) return <TaskTrackItem key={`${lane.pid}:${lane.tasks.thread}:tasks`} lane={lane} laneHeight={laneHeight} onSelect={onSelect} lang={lang} />;
        if (lane.thread) return <ThreadItem key={`${lane.pid}:${lane.thread.thread}`} lane={lane} thread={lane.thread} laneHeight={laneHeight} onSelect={onSelect} m={m} />;
        const record = lane.record;
        const kind = visualKind(record);
        const command = shortCommand(record);
        const state = lifetimeText(record, m);
        const lost = lostParent(record, byPid);
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
              {lost !== null && (
                <span className="process-orphan" title={m.timeline.orphanOf(lost)}>
                  {m.timeline.orphan}
                </span>
              )}
              <span className="process-command">{command}</span>
              <span className="visually-hidden">, {state}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A Worker thread's label: its threadId, a badge in its process's colour but
 * shaped apart (a dashed pill), its script. Clicking it inspects its process.
 */
function ThreadItem(p: { lane: ProcessLane; thread: ThreadRecord; laneHeight: number; onSelect: (pid: number) => void; m: Messages }) {
  const { lane, thread, m } = p;
  const kind = visualKind(lane.record);
  const name = m.timeline.threadOf(thread.thread, lane.pid);
  const state = thread.exitT !== null && thread.exitCode !== null ? m.lifetime.exitedCode(thread.exitCode) : m.lifetime.running;
  return (
    <li className="process-item" data-thread={thread.thread} style={{ height: p.laneHeight, paddingInlineStart: 4 + lane.depth * 12 }}>
      <button type="button" className="process-button" title={`${name} · ${basename(thread.file)} · ${state}`} onClick={() => p.onSelect(lane.pid)}>
        <span className="process-pid">{thread.thread}</span>{' '}
        <span className={`kind-badge kind-${kind} kind-thread`}>{m.timeline.thread}</span>{' '}
        <span className="process-command">{basename(thread.file)}</span>
        <span className="visually-hidden">, {name}, {state}</span>
      </button>
    </li>
  );
}
