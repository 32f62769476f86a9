/**
 * A Worker thread's lane in an exported picture, as on the screen's timeline:
 * a thin rounded strand in its process's colour, dashed from `new Worker`
 * until online, solid and shaded by the thread's own load until its exit; its
 * exit flag and its errors; beside it a label with its threadId and a dashed
 * "thread" pill.
 */
import type { Lang } from '../../shared/api';
import { MESSAGES } from '../i18n';
import type { ProcessLane } from '../model/processLanes';
import { visualKind } from '../model/processRecord';
import type { ThreadRecord } from '../model/threadIndex';
import { basename } from '../../shared/process-names';
import { THREAD_BAR_SHARE } from '../timeline/paintThreadLane';
import { busyShading, exitFlag, markers, type LaneFrame } from './svgLaneMarks';
import type { SvgPalette } from './svgTheme';
import { el, fitText, n, text, textWidth } from './xml';

type ThreadLane = ProcessLane & { thread: ThreadRecord };

export function threadLaneMarks(f: LaneFrame, lane: ThreadLane, y: number): string {
  const { scale, plotX, laneH, u, palette } = f;
  const thread = lane.thread;
  const kind = visualKind(lane.record);
  const barH = Math.max(4 * u, Math.round(laneH * 0.46 * THREAD_BAR_SHARE));
  const barY = y + (laneH - barH) / 2;
  const toX = (t: number): number => plotX + (t - scale.start) * scale.pxPerUs;
  const clamp = (x: number): number => Math.max(plotX - 4 * u, Math.min(plotX + scale.width + 4 * u, x));
  const x0 = clamp(toX(thread.startT));
  const x1 = clamp(Math.max(toX(thread.exitT ?? f.openEnd), toX(thread.startT) + u));
  const xOnline = thread.onlineT === null ? x1 : clamp(toX(thread.onlineT));
  const r = barH / 2;
  let out = '';
  if (xOnline > x0) {
    out += el('rect', { x: x0, y: barY, width: xOnline - x0, height: barH, rx: r, fill: 'none', stroke: palette.outline[kind], 'stroke-width': u, 'stroke-dasharray': `${n(3 * u)} ${n(2 * u)}` });
  }
  if (thread.onlineT !== null && x1 > xOnline) {
    out += el('rect', { x: xOnline, y: barY, width: x1 - xOnline, height: barH, rx: r, fill: palette.kind[kind], 'fill-opacity': palette.barOpacity });
    out += busyShading(f, thread.eluSamples, kind, xOnline, x1, barY, barH);
    out += el('rect', { x: xOnline, y: barY, width: x1 - xOnline, height: barH, rx: r, fill: 'none', stroke: palette.outline[kind], 'stroke-width': 1.2 * u });
  }
  if (thread.exitT !== null && thread.exitCode !== null) {
    const xExit = toX(thread.exitT);
    if (xExit >= plotX - u && xExit <= plotX + scale.width + u) out += exitFlag(f, xExit, barY, barH, thread.exitCode, true);
  }
  return out + markers(f, thread.markers, y + laneH / 2);
}

export interface ThreadLabelFrame {
  x: number;
  u: number;
  laneH: number;
  lang: Lang;
  palette: SvgPalette;
  /** Where the labels' column ends. */
  right: number;
  /** Indentation per level of depth, and the deepest indented. */
  indent: number;
  maxDepth: number;
}

export function threadLaneLabel(f: ThreadLabelFrame, lane: ThreadLane, y: number): string {
  const { u, laneH, palette } = f;
  const kind = visualKind(lane.record);
  const mid = y + laneH / 2;
  const x0 = f.x + 4 * u + Math.min(lane.depth, f.maxDepth) * f.indent * u;
  const elbowX = x0 - f.indent * u + 6 * u;
  let out = el('path', { d: `M${n(elbowX)} ${n(y)}V${n(mid)}H${n(x0 - 3 * u)}`, fill: 'none', stroke: palette.axisLine, 'stroke-width': 1.2 * u, 'stroke-dasharray': `${n(3 * u)} ${n(2 * u)}` });
  const size = 15 * u;
  const id = String(lane.thread.thread);
  out += text({ x: x0, y: mid + 5 * u, 'font-size': size, 'font-weight': 700, fill: palette.ink }, id);
  let x = x0 + textWidth(id, size, true) + 7 * u;
  const badge = MESSAGES[f.lang].timeline.thread;
  const badgeSize = 14 * u;
  const badgeW = textWidth(badge, badgeSize, true) + 14 * u;
  out += el('rect', { x, y: mid - 10 * u, width: badgeW, height: 20 * u, rx: 10 * u, fill: palette.kind[kind], stroke: palette.outline[kind], 'stroke-width': u, 'stroke-dasharray': `${n(3 * u)} ${n(2 * u)}` });
  out += text({ x: x + 7 * u, y: mid + 5 * u, 'font-size': badgeSize, 'font-weight': 700, fill: palette.badgeInk[kind] }, badge);
  x += badgeW + 7 * u;
  const room = f.right - 18 * u - x;
  if (room > 20 * u) out += text({ x, y: mid + 5 * u, 'font-size': size, fill: palette.inkSoft }, fitText(basename(lane.thread.file), room, size));
  return out;
}
