/**
 * One worker in its cell: the figure (walking in, hammering while it works,
 * fading when it leaves), its shell helper or buffer bin, the flag it plants
 * and the stop sign it raises, and its labels. A button: click or Enter
 * selects its pid.
 */
import { memo, type JSX, type KeyboardEvent } from 'react';
import type { PlacedWorker } from './scene';
import type { WorkerView } from './derive';
import type { StageLayout } from './layout';
import { BUSY_LOAD } from './derive';
import { ENVELOPE_US } from './flights';
import { Worker } from './art/Worker';
import { OsFigure } from './art/OsFigure';
import { ThreadFigure } from './art/ThreadFigure';
import { ShellHelper, ShellName } from './art/ShellHelper';
import { BufferBin } from './art/BufferBin';
import { Flag } from './art/Flag';
import { StopSign } from './art/StopSign';
import { Badge, badgeWidth, textWidth } from './art/Badge';
import { figureColour, OKABE_ITO } from './art/palette';
import { useStagePalette } from './art/stageTheme';
import { round } from './art/Figure';
import { bytesLabel, shortText, twoLines } from './labels';
import { statusLine, workerAria } from './worker-text';
import { STAGE_TEXT } from '../i18n/stageText';
import type { Lang } from '../../shared/api';

export interface WorkerSlotProps {
  placed: PlacedWorker;
  layout: StageLayout;
  lang: Lang;
  cursor: number;
  reduced: boolean;
  selected: boolean;
  focused: boolean;
  onSelect?: (pid: number) => void;
  onFocusKey?: (key: string | null) => void;
}

const easeOut = (x: number): number => 1 - (1 - x) ** 3;

/** A Worker thread's figure, as a share of a process's. */
const THREAD_FIGURE_SHARE = 0.85;

/** A finished worker fades to this, no further: its outline still ≥ 3:1 on the ground (stageTheme.test.ts). */
export const FINISHED_OPACITY = 0.55;

/** Hammer angle: a swing whose speed follows the load, a function of the cursor. */
export function hammerAngle(load: number, cursor: number, reduced: boolean, working: boolean): number {
  if (!working) return 18;
  if (reduced) return -40;
  const periodUs = 650_000 - 350_000 * Math.min(1, load);
  return -58 + 70 * (0.5 + 0.5 * Math.sin((2 * Math.PI * cursor) / periodUs));
}

function WorkLines(p: { x: number; y: number; h: number }): JSX.Element {
  const c = useStagePalette();
  const s = p.h / 100;
  return (
    <g transform={`translate(${round(p.x)} ${round(p.y)}) scale(${round(s, 3)})`} stroke={c.ink} strokeWidth={2.2} strokeLinecap="round">
      <line x1={36} y1={-80} x2={44} y2={-88} />
      <line x1={42} y1={-70} x2={52} y2={-72} />
      <line x1={28} y1={-88} x2={30} y2={-98} />
    </g>
  );
}

interface FigureBitsProps {
  kind: WorkerView['kind'];
  pid: number | null;
  /** A Worker thread: its threadId and its process's colour. */
  thread: number | null;
  colour: string;
  x: number;
  y: number;
  h: number;
  swing: number | null;
  radioActive: boolean;
  viaShell: boolean;
  /** The shell's name over the helper (`/bin/sh`); '' for none. */
  shellName: string;
  nameFont: number;
  /** Buffer bin fill (0–1), null for no bin. */
  bin: number | null;
  binX: number;
  binTitle: string;
  working: boolean;
  walk: number;
  opacity: number;
}

/** The figure with its helper and bin; its props are rounded so an idle worker does not redraw. */
const FigureBits = memo(function FigureBits(p: FigureBitsProps): JSX.Element {
  return (
    <g transform={`translate(${p.walk} 0)`} opacity={p.opacity}>
      {p.bin !== null && <BufferBin x={p.binX} y={p.y} width={p.h * 0.3} height={p.h * 0.26} fill={p.bin} title={p.binTitle} />}
      {p.viaShell && (
        <g data-part="shell">
          <ShellHelper x={p.x + p.h * 0.4} y={p.y} height={p.h * 0.62} pid={p.pid} />
        </g>
      )}
      <g data-part="figure">
        {p.kind === 'os' ? (
          <OsFigure x={p.x} y={p.y} height={p.h} pid={p.pid} swing={p.swing} />
        ) : p.kind === 'thread' ? (
          <ThreadFigure x={p.x} y={p.y} height={p.h} colour={p.colour} pid={p.pid} thread={p.thread ?? 0} swing={p.swing} />
        ) : (
          <Worker x={p.x} y={p.y} height={p.h} kind={p.kind} pid={p.pid} swing={p.swing} radioActive={p.radioActive} />
        )}
      </g>
      {p.working && <WorkLines x={p.x} y={p.y} h={p.h} />}
      {p.viaShell && p.shellName && <ShellName x={p.x + p.h * 0.25} y={p.y} name={p.shellName} fontSize={p.nameFont} />}
    </g>
  );
});

interface LabelBitsProps {
  x: number;
  y: number;
  width: number;
  font: number;
  small: number;
  unit: number;
  pid: string;
  badge: string;
  colour: string;
  command: string | null;
  /** The command's second line, where it takes the status line's place. */
  command2: string | null;
  status: string | null;
  failed: boolean;
}

const LabelBits = memo(function LabelBits(p: LabelBitsProps): JSX.Element {
  const { ink, inkSoft } = useStagePalette();
  const pidW = textWidth(p.pid, p.font, true);
  // The badge goes beside the pid when both fit; else on its own line, the pid moving down to the command's line.
  const beside = !p.badge || pidW + badgeWidth(p.badge, p.small) + 14 * p.unit < p.width;
  const line2 = p.y + p.font * 1.15;
  return (
    <g>
      {beside ? (
        <text x={p.x} y={p.y} fontSize={p.font} fontWeight={700} fill={ink}>
          {p.pid}
        </text>
      ) : null}
      {p.badge && (
        <Badge x={beside ? p.x + pidW + 8 * p.unit : p.x} y={p.y - p.unit} text={p.badge} fill={p.colour} fontSize={p.small}
          strongOutline={p.colour === OKABE_ITO.yellow} />
      )}
      {!beside && (
        <text x={p.x} y={line2} fontSize={p.small} fill={inkSoft} fontFamily="ui-monospace, monospace">
          <tspan fontWeight={700} fill={ink} fontFamily="system-ui, sans-serif" fontSize={p.font}>
            {p.pid}
          </tspan>
          {p.command !== null ? ` ${p.command}` : ''}
        </text>
      )}
      {beside && p.command !== null && (
        <text x={p.x} y={line2} fontSize={p.small} fill={inkSoft} fontFamily="ui-monospace, monospace">
          {p.command}
        </text>
      )}
      {p.command2 !== null && (
        <text x={p.x} y={p.y + p.font * 2.3} fontSize={p.small} fill={inkSoft} fontFamily="ui-monospace, monospace">
          {p.command2}
        </text>
      )}
      {p.command2 === null && p.status !== null && (
        <text x={p.x} y={p.y + p.font * 2.3} fontSize={p.small} fill={p.failed ? ink : inkSoft} fontWeight={p.failed ? 700 : 400}>
          {p.status}
        </text>
      )}
    </g>
  );
});

interface MarkerBitsProps {
  feetY: number;
  h: number;
  font: number;
  /** The flag's pole (null: no flag), its ✓ / ✕ and the words on its cloth. */
  pole: number | null;
  flagOk: boolean;
  flagText: string;
  flagTitle: string;
  /** The stop sign's octagon (x null: no sign), its code, and whether the code hangs on a plate. */
  signX: number | null;
  signY: number;
  signR: number;
  plate: boolean;
  sign: string;
  signTitle: string;
}

/** The flag planted at exit and the stop sign raised on an error or a signal, where markerPlan put them. */
const MarkerBits = memo(function MarkerBits(p: MarkerBitsProps): JSX.Element {
  return (
    <g>
      {p.pole !== null && (
        <g data-part="flag">
          <Flag x={p.pole} y={p.feetY} height={p.h * 0.98} ok={p.flagOk} text={p.flagText} fontSize={p.font} title={p.flagTitle} />
        </g>
      )}
      {p.signX !== null && (
        <g data-part="sign" data-sign={p.sign}>
          <StopSign x={p.signX} y={p.signY} r={p.signR} code={p.sign} fontSize={p.font} groundY={p.feetY} title={p.signTitle} plate={p.plate} />
        </g>
      )}
    </g>
  );
});

function WorkerSlotImpl(p: WorkerSlotProps): JSX.Element {
  const { view: w, cell, anchors, markers } = p.placed;
  const { ink } = useStagePalette();
  const { font, unit: u, detail } = p.layout;
  const L = STAGE_TEXT[p.lang];
  // A thread is a lighter figure than a process: a little smaller.
  const h = w.kind === 'thread' ? cell.figureH * THREAD_FIGURE_SHARE : cell.figureH;
  const colour = figureColour(w.kind, w.ownerKind);
  const working = w.status === 'running' && w.load >= BUSY_LOAD;
  const swing = w.kind === 'os' && !working ? null : hammerAngle(w.load, p.cursor, p.reduced, working);
  const walk = p.reduced ? 0 : -(1 - easeOut(w.arrival)) * Math.min(150 * u, Math.max(0, cell.x - p.layout.boss.w));
  const opacity = (p.reduced ? w.arrival : Math.min(1, w.arrival * 3)) * (1 - (1 - FINISHED_OPACITY) * w.leaving);
  const lastMessage = w.process.messages[w.process.messages.length - 1];
  const radioActive = lastMessage !== undefined && lastMessage.from === w.key && p.cursor - lastMessage.t < ENVELOPE_US;
  const charW = font.small * 0.61;
  const maxChars = Math.max(6, Math.floor((cell.w - 14 * u) / charW));
  const thread = w.process.thread;
  const pidLabel = thread !== null ? L.threadLabel(thread) : w.pid === null ? '—' : String(w.pid);
  const fitsBeside = !w.badge || detail === 'tiny' || textWidth(pidLabel, font.label, true) + badgeWidth(w.badge, font.small) + 14 * u < cell.w;
  // Beside the pid (a bold figure in the larger label font): what is left of the line, in the command's characters.
  const commandChars = fitsBeside ? maxChars : Math.max(3, Math.floor((cell.w - 14 * u - textWidth(pidLabel, font.label, true)) / charW) - 1);
  // A command too long for its line (client.js inline 40123) is read whole on two: in a full cell in the status
  // line's place, in a small one below it where its row has no belt (the belt's room is free).
  const wraps = fitsBeside && (detail === 'full' || (detail === 'small' && anchors.beltY === null && !p.placed.counters));
  // A small cell has no status line: while a flood runs, its counters take the command's place.
  // An orphan says so on the line every cell has (the status line is only in full detail).
  // A sign's code or a flag's words that found no room beside the figure lead that line, before
  // the command — which gives way to them when the line cannot hold all, and then the orphan's word.
  const orphan = w.orphanOf !== null && detail !== 'full' ? `${L.orphanWord}: ` : '';
  const displaced = markers.displaced.join(' · ');
  const said = orphan + [...markers.displaced, w.command].join(' · ');
  const shorter = [orphan + displaced, displaced].find((text) => text.length <= commandChars) ?? displaced;
  const line2 = detail === 'small' && p.placed.counters ? p.placed.counters : displaced && !wraps && said.length > commandChars ? shorter : said;
  const wrapped = wraps ? twoLines(line2, commandChars) : null;
  const select = (): void => {
    if (w.pid !== null) p.onSelect?.(w.pid);
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select();
    }
  };
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={workerAria(w, p.lang)}
      aria-pressed={p.selected}
      data-pid={w.pid ?? undefined}
      data-kind={w.kind}
      data-status={w.status}
      data-busy={working || undefined}
      onClick={select}
      onKeyDown={onKey}
      onFocus={() => p.onFocusKey?.(w.key)}
      onBlur={() => p.onFocusKey?.(null)}
      style={{ outline: 'none', cursor: w.pid === null ? 'default' : 'pointer' }}
    >
      <rect
        x={round(cell.x + 3 * u)} y={round(cell.y + 3 * u)} width={round(cell.w - 6 * u)} height={round(cell.h - 6 * u)} rx={10 * u}
        fill={p.selected ? colour : 'transparent'} fillOpacity={p.selected ? 0.16 : 0}
        stroke={p.selected || p.focused ? ink : 'none'} strokeWidth={p.selected ? 2.5 * u : 2 * u}
        strokeDasharray={p.focused && !p.selected ? `${6 * u} ${4 * u}` : undefined}
      />
      <FigureBits kind={w.kind} pid={w.pid} thread={thread} colour={colour} x={round(cell.feet.x)} y={round(cell.feet.y)} h={round(h)}
        swing={swing === null ? null : Math.round(swing)} radioActive={radioActive} viaShell={w.viaShell}
        shellName={w.viaShell ? (w.process.shell ?? L.shell) : ''} nameFont={round(font.small)}
        bin={w.buffer && detail !== 'tiny' ? (w.buffer.delivered ? 0 : round(w.buffer.fill, 2)) : null}
        binX={round(anchors.bin.x)} binTitle={w.buffer ? `${L.buffer}: ${bytesLabel(w.buffer.bytes, p.lang)}` : ''}
        working={working} walk={Math.round(walk)} opacity={round(opacity, 2)} />
      <MarkerBits feetY={round(cell.feet.y)} h={round(h)} font={font.small}
        pole={markers.flag ? round(markers.flag.pole) : null} flagOk={w.flag?.ok ?? false} flagText={markers.flag?.text ?? ''}
        flagTitle={w.flag ? (w.flag.signal ? `${L.signal} ${w.flag.signal}` : `${L.exitCode} ${w.flag.code}`) : ''}
        signX={markers.sign ? round(markers.sign.x) : null} signY={round(markers.sign?.y ?? 0)} signR={round(markers.sign?.r ?? 0, 1)}
        plate={markers.sign?.plate ?? false} sign={w.sign?.short ?? ''} signTitle={w.sign ? `${w.sign.code}: ${w.sign.message}` : ''} />
      <LabelBits x={round(cell.x + 8 * u)} y={round(cell.labelY)} width={round(cell.w)} font={font.label} small={font.small} unit={u}
        pid={pidLabel} badge={w.badge} colour={colour}
        command={detail === 'tiny' ? null : (wrapped?.[0] ?? shortText(line2, commandChars))} command2={wrapped?.[1] ?? null}
        status={detail === 'full' ? shortText(statusLine(w, p.lang), maxChars + 4) : null} failed={w.status === 'failed'} />
    </g>
  );
}

export const WorkerSlot = memo(WorkerSlotImpl);
