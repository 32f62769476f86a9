/**
 * The boss at the left: the figure with its clipboard (greyed, with a clock,
 * while its event loop is blocked), the pile where its workers' output lands,
 * its labels, and its own flag or stop sign when the run ends.
 */
import type { JSX, KeyboardEvent } from 'react';
import type { BossState } from './model-types';
import type { BossView } from './derive';
import type { StageLayout } from './layout';
import { Boss } from './art/Boss';
import { Clock } from './art/Clock';
import { Crate } from './art/Crate';
import { Flag, flagText } from './art/Flag';
import { StopSign } from './art/StopSign';
import { BOSS_COLOUR } from './art/palette';
import { useStagePalette } from './art/stageTheme';
import { bytesLabel, percentLabel, shortText } from './labels';
import { STAGE_TEXT } from '../i18n/stageText';
import type { Lang } from '../../shared/api';

export interface BossPostProps {
  view: BossView;
  boss: BossState;
  layout: StageLayout;
  lang: Lang;
  selected: boolean;
  focused: boolean;
  onSelect?: (pid: number) => void;
  onFocusKey?: (key: string | null) => void;
}

/** The pallet beside the boss: one to three crates as output piles up, a striped one for stderr. */
function Pile(p: { x: number; y: number; stdout: number; stderr: number; unit: number }): JSX.Element {
  const c = useStagePalette();
  const u = p.unit;
  const s = 16 * u;
  const n = p.stdout === 0 ? 0 : Math.min(3, 1 + Math.floor(Math.log10(p.stdout) / 2.5));
  if (n === 0 && p.stderr === 0) return <g />;
  return (
    <g aria-hidden="true">
      <rect x={p.x - 24 * u} y={p.y + s / 2} width={48 * u} height={6 * u} rx={2 * u} fill="#A1887F" stroke={c.outline} strokeWidth={1} />
      {Array.from({ length: n }, (_, i) => (
        <Crate key={i} x={p.x - 12 * u + (i % 2) * 22 * u} y={p.y - (i === 2 ? s : 0)} side={s} stream="stdout" />
      ))}
      {p.stderr > 0 && <Crate x={p.x + 12 * u} y={p.y - (n >= 2 ? s : 0)} side={s} stream="stderr" />}
    </g>
  );
}

/** The lines under the boss: received output, then CPU (or "blocked"). */
function bossLines(view: BossView, boss: BossState, lang: Lang): string[] {
  const L = STAGE_TEXT[lang];
  const received: string[] = [];
  if (boss.receivedStdout > 0) received.push(`▪ ${bytesLabel(boss.receivedStdout, lang)}`);
  if (boss.receivedStderr > 0) received.push(`▨ ${bytesLabel(boss.receivedStderr, lang)}`);
  const lines = received.length > 0 ? [received.join(' · ')] : [];
  if (view.frozen) lines.push(L.blocked);
  else if (view.alive && boss.cpu !== null) lines.push(`${L.cpu} ${percentLabel(boss.cpu, lang)}`);
  return lines;
}

export function BossPost(p: BossPostProps): JSX.Element {
  const { view, layout } = p;
  const { ink, inkSoft } = useStagePalette();
  const b = layout.boss;
  const u = layout.unit;
  const L = STAGE_TEXT[p.lang];
  const h = b.figureH;
  const cx = b.feet.x;
  const select = (): void => {
    if (view.pid !== null) p.onSelect?.(view.pid);
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select();
    }
  };
  const lines = bossLines(view, p.boss, p.lang);
  const aria = [`${L.boss} ${view.pid ?? '—'}`, view.script, ...lines].filter(Boolean).join(', ');
  const maxChars = Math.floor((b.w - 12 * u) / (layout.font.small * 0.58));
  const top = b.feet.y - h - 30 * u;
  return (
    <g role="button" tabIndex={0} aria-label={aria} aria-pressed={p.selected} data-pid={view.pid ?? undefined} data-kind="boss"
      data-frozen={view.frozen ?? undefined} onClick={select} onKeyDown={onKey}
      onFocus={() => p.onFocusKey?.('boss')} onBlur={() => p.onFocusKey?.(null)} style={{ outline: 'none', cursor: 'pointer' }}>
      <rect x={4 * u} y={top} width={b.w - 8 * u} height={layout.height - top - 4 * u} rx={12 * u}
        fill={p.selected ? BOSS_COLOUR : 'transparent'} fillOpacity={p.selected ? 0.12 : 0}
        stroke={p.selected || p.focused ? ink : 'none'} strokeWidth={2.5 * u}
        strokeDasharray={p.focused && !p.selected ? `${6 * u} ${4 * u}` : undefined} />
      <g opacity={view.started ? 1 : 0.35}>
        <Boss x={cx} y={b.feet.y} height={h} pid={view.pid} frozen={view.frozen !== null} />
      </g>
      <Pile x={b.inbox.x} y={b.inbox.y} stdout={p.boss.receivedStdout} stderr={p.boss.receivedStderr} unit={u} />
      {view.frozen && <Clock x={cx + h * 0.3} y={b.feet.y - h * 1.02} r={Math.max(15 * u, h * 0.11)} title={L.blocked} />}
      {view.flag && (
        <Flag x={cx + h * 0.3} y={b.feet.y} height={h * 0.9} ok={view.flag.ok} text={flagText(view.flag.code, view.flag.signal)}
          fontSize={layout.font.small} />
      )}
      {view.sign && (
        <StopSign x={Math.min(b.w - 40 * u, cx + h * 0.42)} y={b.feet.y - h * 0.45} r={Math.max(18 * u, h * 0.13)} code={view.sign.short}
          fontSize={layout.font.small} groundY={b.feet.y} title={`${view.sign.code}: ${view.sign.message}`} />
      )}
      <text x={cx} y={b.labelY} textAnchor="middle" fontSize={layout.font.boss} fontWeight={800} fill={ink}>
        {`${L.boss} ${view.pid ?? ''}`.trim()}
      </text>
      <text x={cx} y={b.labelY + layout.font.boss * 1.1} textAnchor="middle" fontSize={layout.font.small} fill={inkSoft}
        fontFamily="ui-monospace, monospace">
        {shortText(view.script, maxChars)}
      </text>
      {lines.map((line, i) => (
        <text key={i} x={cx} y={b.labelY + layout.font.boss * 1.1 + layout.font.small * 1.2 * (i + 1)} textAnchor="middle"
          fontSize={layout.font.small} fontWeight={line === L.blocked ? 800 : 400} fill={line === L.blocked ? ink : inkSoft}>
          {shortText(line, maxChars)}
        </text>
      ))}
    </g>
  );
}
