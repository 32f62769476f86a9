/**
 * The site's conveyor belts: one along the bottom of each row of workers,
 * and the collector that brings them all to the boss's pile. A belt runs
 * (its chevrons move) while it carries something; under a spawn worker it
 * has a green stripe — spawn streams its output to the boss as it comes.
 */
import type { JSX } from 'react';
import type { StageLayout } from './layout';
import type { PlacedWorker } from './scene';
import { Conveyor } from './art/Conveyor';
import { KIND_COLOUR } from './art/palette';
import { round } from './art/Figure';

export interface BeltsProps {
  layout: StageLayout;
  placed: readonly PlacedWorker[];
  /** Rows whose belt carries something now. */
  activeRows: ReadonlySet<number>;
  /** 0–1, from the cursor; 0 with reduced motion. */
  phase: number;
}

export function Belts(p: BeltsProps): JSX.Element | null {
  const { layout } = p;
  const u = layout.unit;
  const t = 11 * u;
  const rows = new Map<number, { y: number; right: number }>();
  for (const w of p.placed) {
    if (w.anchors.beltY === null) continue;
    const r = rows.get(w.cell.row);
    const right = w.anchors.out.x + 6 * u;
    if (!r || right > r.right) rows.set(w.cell.row, { y: w.anchors.beltY, right });
  }
  if (rows.size === 0) return null;
  const ys = [...rows.values()].map((r) => r.y);
  const inbox = layout.boss.inbox;
  const top = Math.min(inbox.y, ...ys);
  const bottom = Math.max(inbox.y, ...ys);
  const anyActive = p.activeRows.size > 0;
  return (
    <g aria-hidden="true">
      {top < bottom && (
        <Conveyor from={{ x: layout.collectorX, y: top }} to={{ x: layout.collectorX, y: bottom }} thickness={t}
          phase={anyActive ? p.phase : undefined} />
      )}
      <Conveyor from={{ x: layout.collectorX, y: inbox.y }} to={{ x: inbox.x + 20 * u, y: inbox.y }} thickness={t}
        phase={anyActive ? p.phase : undefined} />
      {[...rows.entries()].map(([row, r]) => (
        <Conveyor key={row} from={{ x: r.right, y: r.y }} to={{ x: layout.collectorX, y: r.y }} thickness={t}
          phase={p.activeRows.has(row) ? p.phase : undefined} />
      ))}
      {p.placed
        .filter((w) => w.view.kind === 'spawn' && w.anchors.beltY !== null)
        .map((w) => (
          <rect key={w.view.key} x={round(w.anchors.out.x - w.cell.figureH * 0.5)} y={round((w.anchors.beltY ?? 0) + t * 0.18)}
            width={round(w.cell.figureH * 0.5)} height={round(t * 0.32)} rx={round(t * 0.16)} fill={KIND_COLOUR.spawn} />
        ))}
    </g>
  );
}
