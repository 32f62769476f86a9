/**
 * One worker in its cell: the figure (walking in, hammering while it works,
 * fading when it leaves), its shell helper or buffer bin, the flag it plants
 * and the stop sign it raises, and its labels. A button: click or Enter
 * selects its pid.
 */
import { memo, type JSX, type KeyboardEvent } from 'react';
import type { PlacedWorker } from './scene';
import type { StageLayout } from './layout';
import { BUSY_LOAD } from './derive';
import { ENVELOPE_US } from './flights';
import { Worker } from './art/Worker';
import { OsFigure } from './art/OsFigure';
import { ShellHelper } from './art/ShellHelper';
import { BufferBin } from './art/BufferBin';
import { Flag, flagText } from './art/Flag';
import { StopSign, signHalfWidth } from './art/StopSign';
import { Badge, badgeWidth, textWidth } from './art/Badge';
import { INK, INK_SOFT, KIND_COLOUR, OKABE_ITO } from './art/palette';
import { round } from './art/Figure';
import { formatBytes, shortText, stageLabels, type StageLang } from './labels';
import { statusLine, workerAria } from './worker-text';

export interface WorkerSlotProps {
  placed: PlacedWorker;
  layout: StageLayout;
  lang: StageLang;
  cursor: number;
  reduced: boolean;
  selected: boolean;
  focused: boolean;
  onSelect?: (pid: number) => void;
  onFocusKey?: (key: string | null) => void;
}

const easeOut = (x: number): number => 1 - (1 - x) ** 3;

/** Hammer angle: a swing whose speed follows the load, a function of the cursor. */
export function hammerAngle(load: number, cursor: number, reduced: boolean, working: boolean): number {
  if (!working) return 18;
  if (reduced) return -40;
  const periodUs = 650_000 - 350_000 * Math.min(1, load);
  return -58 + 70 * (0.5 + 0.5 * Math.sin((2 * Math.PI * cursor) / periodUs));
}

function WorkLines(p: { x: number; y: number; h: number }): JSX.Element {
  const s = p.h / 100;
  return (
    <g transform={`translate(${round(p.x)} ${round(p.y)}) scale(${round(s, 3)})`} stroke={INK} strokeWidth={2.2} strokeLinecap="round">
      <line x1={36} y1={-80} x2={44} y2={-88} />
      <line x1={42} y1={-70} x2={52} y2={-72} />
      <line x1={28} y1={-88} x2={30} y2={-98} />
    </g>
  );
}

function WorkerSlotImpl(p: WorkerSlotProps): JSX.Element {
  const { view: w, cell, anchors } = p.placed;
  const { font, unit: u, detail } = p.layout;
  const L = stageLabels(p.lang);
  const h = cell.figureH;
  const colour = KIND_COLOUR[w.kind];
  const working = w.status === 'running' && w.load >= BUSY_LOAD;
  const swing = w.kind === 'os' && !working ? null : hammerAngle(w.load, p.cursor, p.reduced, working);
  const walk = p.reduced ? 0 : -(1 - easeOut(w.arrival)) * Math.min(150 * u, Math.max(0, cell.x - p.layout.boss.w));
  const opacity = (p.reduced ? w.arrival : Math.min(1, w.arrival * 3)) * (1 - 0.7 * w.leaving);
  const lastMessage = w.process.messages[w.process.messages.length - 1];
  const radioActive = lastMessage !== undefined && lastMessage.from === w.key && p.cursor - lastMessage.t < ENVELOPE_US;
  const x0 = cell.x + 8 * u;
  const maxChars = Math.max(6, Math.floor((cell.w - 14 * u) / (font.small * 0.61)));
  const pidText = w.pid === null ? '—' : String(w.pid);
  const select = (): void => {
    if (w.pid !== null) p.onSelect?.(w.pid);
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select();
    }
  };
  const signR = Math.max(14 * u, Math.min(h * 0.19, 28 * u));
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={workerAria(w, p.lang)}
      aria-pressed={p.selected}
      data-pid={w.pid ?? undefined}
      data-kind={w.kind}
      data-status={w.status}
      onClick={select}
      onKeyDown={onKey}
      onFocus={() => p.onFocusKey?.(w.key)}
      onBlur={() => p.onFocusKey?.(null)}
      style={{ outline: 'none', cursor: w.pid === null ? 'default' : 'pointer' }}
    >
      <rect
        x={cell.x + 3 * u} y={cell.y + 3 * u} width={cell.w - 6 * u} height={cell.h - 6 * u} rx={10 * u}
        fill={p.selected ? colour : 'transparent'} fillOpacity={p.selected ? 0.16 : 0}
        stroke={p.selected || p.focused ? INK : 'none'} strokeWidth={p.selected ? 2.5 * u : 2 * u}
        strokeDasharray={p.focused && !p.selected ? `${6 * u} ${4 * u}` : undefined}
      />
      <g transform={`translate(${round(walk)} 0)`} opacity={round(opacity, 2)}>
        {w.buffer && detail !== 'tiny' && (
          <BufferBin x={anchors.bin.x} y={cell.feet.y} width={h * 0.3} height={h * 0.26} fill={w.buffer.delivered ? 0 : w.buffer.fill}
            title={`${L.buffer}: ${formatBytes(w.buffer.bytes, p.lang)}`} />
        )}
        {w.viaShell && <ShellHelper x={cell.feet.x + h * 0.4} y={cell.feet.y} height={h * 0.62} pid={w.pid} />}
        {w.kind === 'os' ? (
          <OsFigure x={cell.feet.x} y={cell.feet.y} height={h} pid={w.pid} swing={swing} />
        ) : (
          <Worker x={cell.feet.x} y={cell.feet.y} height={h} kind={w.kind} pid={w.pid} swing={swing} radioActive={radioActive} />
        )}
        {working && <WorkLines x={cell.feet.x} y={cell.feet.y} h={h} />}
      </g>
      {w.flag && (
        <Flag x={cell.feet.x - h * 0.14} y={cell.feet.y} height={h * 0.98} ok={w.flag.ok} text={flagText(w.flag.code, w.flag.signal)}
          fontSize={font.small} title={w.flag.signal ? `${L.signal} ${w.flag.signal}` : `${L.exitCode} ${w.flag.code}`} />
      )}
      {w.sign && (
        <StopSign x={Math.min(cell.x + cell.w - signHalfWidth(w.sign.short, signR, font.small) - 4 * u, cell.feet.x + h * 0.5)}
          y={cell.feet.y - h * 0.52} r={signR} code={w.sign.short} fontSize={font.small} groundY={cell.feet.y}
          title={`${w.sign.code}: ${w.sign.message}`} />
      )}
      <text x={x0} y={cell.labelY} fontSize={font.label} fontWeight={700} fill={INK}>
        {pidText}
      </text>
      {w.badge && detail !== 'tiny' && textWidth(pidText, font.label, true) + badgeWidth(w.badge, font.small) + 14 * u < cell.w && (
        <Badge x={x0 + textWidth(pidText, font.label, true) + 8 * u} y={cell.labelY - 1 * u} text={w.badge} fill={colour}
          fontSize={font.small} strongOutline={colour === OKABE_ITO.yellow} />
      )}
      {detail !== 'tiny' && (
        <text x={x0} y={cell.labelY + font.label * 1.15} fontSize={font.small} fill={INK_SOFT} fontFamily="ui-monospace, monospace">
          {shortText(w.command, maxChars)}
        </text>
      )}
      {detail === 'full' && (
        <text x={x0} y={cell.labelY + font.label * 2.3} fontSize={font.small} fill={w.status === 'failed' ? INK : INK_SOFT}
          fontWeight={w.status === 'failed' ? 700 : 400}>
          {shortText(statusLine(w, p.lang), maxChars + 4)}
        </text>
      )}
    </g>
  );
}

export const WorkerSlot = memo(WorkerSlotImpl);
