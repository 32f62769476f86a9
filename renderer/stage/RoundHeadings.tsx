/**
 * The headings of the rounds the boss hired its workers in ("Tanda 1 · 1
 * obrero", "Tanda 2 · 2 obreros"): each over the row its round starts, with a
 * line across its cells, so one worker and N workers read as two groups.
 */
import type { JSX } from 'react';
import type { StageLayout } from './layout';
import type { Wave } from './waves';
import { useStagePalette } from './art/stageTheme';
import { round } from './art/Figure';
import { textWidth } from './art/Badge';
import { STAGE_TEXT, type StageText } from '../i18n/stageText';
import type { Lang } from '../../shared/api';

/** "Round 2 · 4 workers", or "4 workers" where a round's band is too narrow for it. */
function heading(L: StageText, n: number, wave: Wave, room: number, font: number): string {
  const full = L.round(n, wave.workers, wave.threads);
  return textWidth(full, font, true) <= room ? full : L.round(null, wave.workers, wave.threads);
}

export function RoundHeadings(p: { layout: StageLayout; rounds: readonly Wave[]; lang: Lang }): JSX.Element | null {
  const c = useStagePalette();
  const { layout } = p;
  if (layout.rounds.length === 0 || layout.rounds.length !== p.rounds.length) return null;
  const u = layout.unit;
  const L = STAGE_TEXT[p.lang];
  return (
    <g data-rounds={p.rounds.length}>
      {layout.rounds.map((band, i) => (
        <g key={i} data-round={i + 1}>
          <line x1={round(band.x + 6 * u)} x2={round(band.x + band.w - 6 * u)} y1={round(band.y + 5 * u)} y2={round(band.y + 5 * u)}
            stroke={c.inkSoft} strokeWidth={round(1.5 * u, 2)} strokeDasharray={`${round(6 * u)} ${round(4 * u)}`} />
          <text x={round(band.x + 8 * u)} y={round(band.y)} fontSize={round(layout.font.small)} fontWeight={700} fill={c.ink}>
            {heading(L, i + 1, p.rounds[i], band.w - 14 * u, layout.font.small)}
          </text>
        </g>
      ))}
    </g>
  );
}
