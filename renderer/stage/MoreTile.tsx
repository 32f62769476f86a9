/** The last cell when not every worker fits: "+N more", and how many of them run. */
import type { JSX } from 'react';
import type { Cell, StageLayout } from './layout';
import type { WorkerView } from './derive';
import { useStagePalette } from './art/stageTheme';
import { STAGE_TEXT } from '../i18n/stageText';
import type { Lang } from '../../shared/api';

export function MoreTile(p: { cell: Cell; hidden: readonly WorkerView[]; layout: StageLayout; lang: Lang }): JSX.Element {
  const { cell, layout } = p;
  const c = useStagePalette();
  const L = STAGE_TEXT[p.lang];
  const u = layout.unit;
  const running = p.hidden.filter((w) => w.status === 'running').length;
  const cx = cell.x + cell.w / 2;
  const cy = cell.y + cell.h / 2;
  return (
    <g role="img" aria-label={`${L.more(p.hidden.length)}, ${L.alive(running)}`} data-more={p.hidden.length}>
      <rect x={cell.x + 4 * u} y={cell.y + 4 * u} width={cell.w - 8 * u} height={cell.h - 8 * u} rx={10 * u} fill={c.tile}
        stroke={c.inkSoft} strokeWidth={1.5 * u} strokeDasharray={`${5 * u} ${4 * u}`} />
      <text x={cx} y={cy} textAnchor="middle" fontSize={layout.font.label * 1.1} fontWeight={800} fill={c.ink}>
        {L.more(p.hidden.length)}
      </text>
      <text x={cx} y={cy + layout.font.label * 1.2} textAnchor="middle" fontSize={layout.font.small} fill={c.inkSoft}>
        {L.alive(running)}
      </text>
    </g>
  );
}
