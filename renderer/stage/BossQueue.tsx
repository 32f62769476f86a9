/**
 * Where the boss's queue of callbacks goes on the stage: beside the boss, in the workers' area,
 * while no worker is there (the event-loop demo's stage is the boss alone); above the boss, in
 * its column, once workers take the area.
 */
import type { JSX } from 'react';
import { stageLabels, type StageLang } from './labels';
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

export function BossQueue(p: { loop: LoopQueueIndex; scene: StageScene; cursor: number; lang: StageLang }): JSX.Element | null {
  const pid = p.scene.boss.pid;
  if (pid === null || !p.scene.boss.started) return null;
  const queue = p.loop.at(pid, p.cursor);
  if (!queue) return null;
  const { layout } = p.scene;
  const wide = p.scene.placed.length === 0 && !p.scene.moreCell;
  return (
    <LoopQueueCards queue={queue} area={bossQueueArea(p.scene)} owner={`${stageLabels(p.lang).boss} ${pid}`}
      font={wide ? layout.font.label : layout.font.small} unit={layout.unit} lang={p.lang} />
  );
}
