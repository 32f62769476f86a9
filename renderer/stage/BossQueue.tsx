/**
 * Where the queues of callbacks go on the stage. The boss's: beside the boss, in the workers'
 * area, while no worker is there (the event-loop demo's stage is the boss alone); above the
 * boss, in its column, once workers take the area. A Node worker's (or a Worker thread's):
 * at the top of its cell, as much of it as fits (in a small cell, the running card alone).
 */
import type { JSX } from 'react';
import type { Lang } from '../../shared/api';
import { STAGE_TEXT } from '../i18n/stageText';
import { LoopQueueCards, type QueueArea } from './LoopQueueCards';
import type { LoopQueueIndex } from './loopQueue';
import type { StageScene } from './scene';

export function bossQueueArea(scene: StageScene): QueueArea {
  const { layout } = scene;
  const u = layout.unit;
  const b = layout.boss;
  if (scene.placed.length === 0 && !scene.moreCell) {
    const x = b.w + 40 * u;
    return { x, y: 16 * u, w: Math.min(440 * u, layout.width - x - 16 * u), h: layout.height - 32 * u };
  }
  return { x: 10 * u, y: 8 * u, w: b.w - 20 * u, h: Math.max(0, b.feet.y - b.figureH - 40 * u) };
}

export function BossQueue(p: { loop: LoopQueueIndex; scene: StageScene; cursor: number; lang: Lang }): JSX.Element | null {
  const pid = p.scene.boss.pid;
  if (pid === null || !p.scene.boss.started) return null;
  const queue = p.loop.at(pid, p.cursor);
  if (!queue) return null;
  const { layout } = p.scene;
  const wide = p.scene.placed.length === 0 && !p.scene.moreCell;
  return (
    <LoopQueueCards queue={queue} area={bossQueueArea(p.scene)} owner={`${STAGE_TEXT[p.lang].boss} ${pid}`}
      font={wide ? layout.font.label : layout.font.small} unit={layout.unit} lang={p.lang} />
  );
}

/** The queues of the workers on stage whose loops' callbacks were recorded. */
export function WorkerQueues(p: { loop: LoopQueueIndex; scene: StageScene; cursor: number; lang: Lang }): JSX.Element {
  const { layout } = p.scene;
  const u = layout.unit;
  const word = STAGE_TEXT[p.lang].worker;
  return (
    <g>
      {p.scene.placed.map(({ view, cell }) => {
        if (view.pid === null || view.status === 'starting') return null;
        const thread = view.key.startsWith('thread:') ? Number(view.key.split(':').pop()) : 0;
        const queue = p.loop.at(view.pid, p.cursor, Number.isInteger(thread) ? thread : 0);
        if (!queue || (!queue.running && queue.waiting.length === 0)) return null;
        const area = { x: cell.x + 4 * u, y: cell.y + 2 * u, w: cell.w - 8 * u, h: Math.max(0, cell.feet.y - cell.figureH - cell.y - 4 * u) };
        return <LoopQueueCards key={view.key} queue={queue} area={area} owner={`${word} ${view.pid}`} font={layout.font.small} unit={u} lang={p.lang} titled={false} />;
      })}
    </g>
  );
}
