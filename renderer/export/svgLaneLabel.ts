/**
 * A lane's label in an exported picture: indented under its parent with a
 * tree elbow, the pid in bold, the kind on a badge in the kind's colour (the
 * word says it too, never colour alone), and the short command.
 */
import type { Lang } from '../../shared/api';
import { MESSAGES } from '../i18n';
import { EXPORT_TEXT } from '../i18n/exportText';
import type { ProcessLane } from '../model/processLanes';
import { shortCommand, visualKind } from '../model/processRecord';
import type { SvgPalette } from './svgTheme';
import { el, fitText, n, text, textWidth } from './xml';
import { threadLaneLabel } from './svgThreadLane';
import { taskLaneLabel } from './svgTaskLane';

/** Width of the labels' column at 1280 px. */
export const LABEL_COLUMN = 340;
const INDENT = 18;
const MAX_DEPTH = 6;

export interface LabelFrame {
  x: number;
  u: number;
  laneH: number;
  lang: Lang;
  palette: SvgPalette;
  lanes: readonly ProcessLane[];
}

export function laneLabel(f: LabelFrame, lane: ProcessLane, row: number, y: number): string {
  const { u, laneH, palette } = f;
  if (lane.tasks) return taskLaneLabel({ ...f, indent: INDENT, maxDepth: MAX_DEPTH }, { ...lane, tasks: lane.tasks }, y);
  if (lane.thread) return threadLaneLabel({ ...f, right: f.x + LABEL_COLUMN * u, indent: INDENT, maxDepth: MAX_DEPTH }, { ...lane, thread: lane.thread }, y);
  const record = lane.record;
  const kind = visualKind(record);
  const depth = Math.min(lane.depth, MAX_DEPTH);
  const mid = y + laneH / 2;
  const x0 = f.x + 4 * u + depth * INDENT * u;
  let out = '';
  if (depth > 0) {
    const parentRow = f.lanes.findIndex((other) => other.pid === record.ppid && !other.thread && !other.tasks);
    const top = parentRow >= 0 && parentRow < row ? y - (row - parentRow) * laneH + laneH / 2 + 9 * u : y;
    const elbowX = x0 - INDENT * u + 6 * u;
    out += el('path', { d: `M${n(elbowX)} ${n(top)}V${n(mid)}H${n(x0 - 3 * u)}`, fill: 'none', stroke: palette.axisLine, 'stroke-width': 1.2 * u });
  }
  const pidText = String(record.pid);
  const size = 15 * u;
  out += text({ x: x0, y: mid + 5 * u, 'font-size': size, 'font-weight': 700, fill: palette.ink }, pidText);
  let x = x0 + textWidth(pidText, size, true) + 7 * u;

  const badge = kind === 'os' ? EXPORT_TEXT[f.lang].osBadge : MESSAGES[f.lang].kind[kind];
  const badgeSize = 14 * u;
  const badgeW = textWidth(badge, badgeSize, true) + 12 * u;
  out += el('rect', { x, y: mid - 10 * u, width: badgeW, height: 20 * u, rx: 4 * u, fill: palette.kind[kind], stroke: palette.outline[kind], 'stroke-width': u });
  out += text({ x: x + 6 * u, y: mid + 5 * u, 'font-size': badgeSize, 'font-weight': 700, fill: palette.badgeInk[kind] }, badge);
  x += badgeW + 7 * u;

  const room = f.x + LABEL_COLUMN * u - 18 * u - x;
  if (room > 20 * u) out += text({ x, y: mid + 5 * u, 'font-size': size, fill: palette.inkSoft }, fitText(shortCommand(record, 80), room, size));
  return out;
}
