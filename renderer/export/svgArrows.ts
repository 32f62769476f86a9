/**
 * IPC messages in an exported picture: an arrow from the sender's lane (at
 * the send) to the receiver's (at the delivery), in the sender's colour. A
 * flood becomes a sheaf — at most one arrow per few pixels — and past a
 * hundred arrows in a channel the heads are left out.
 */
import { findSend, type IpcChannel } from '../model/ipcChannels';
import { forEachTickBucket, type PixelScale } from '../model/levelOfDetail';
import type { ProcessRecord } from '../model/processRecord';
import { visualKind } from '../model/processRecord';
import type { SvgPalette } from './svgTheme';
import { el, n } from './xml';
import { rowOfEnd } from '../timeline/laneRows';

export interface ArrowFrame {
  scale: PixelScale;
  plotX: number;
  u: number;
  palette: SvgPalette;
  /** The y of the middle of each pid's lane, and of each Worker thread's (by threadKey). */
  laneMiddle: ReadonlyMap<number, number>;
  threadMiddle?: ReadonlyMap<string, number>;
  processes: ReadonlyMap<number, ProcessRecord>;
}

const ARROW_SPACING = 6;
const MAX_HEADS = 120;

export function ipcArrows(f: ArrowFrame, channels: Iterable<IpcChannel>): string {
  const { scale, plotX, u, palette } = f;
  const spacing = ARROW_SPACING * u;
  const coarse: PixelScale = { start: scale.start, pxPerUs: scale.pxPerUs / spacing, width: Math.ceil(scale.width / spacing) };
  let out = '';
  for (const channel of channels) {
    const y0 = rowOfEnd({ rowOf: f.laneMiddle, threadRowOf: f.threadMiddle }, channel.from, channel.fromThread);
    const y1 = rowOfEnd({ rowOf: f.laneMiddle, threadRowOf: f.threadMiddle }, channel.to, channel.toThread);
    if (y0 === undefined || y1 === undefined) continue;
    const sender = f.processes.get(channel.from);
    const colour = sender ? palette.outline[visualKind(sender)] : palette.inkSoft;
    let lines = '';
    const heads: Array<[number, number]> = [];
    forEachTickBucket(channel.recvs, coarse, (bucket) => {
      const recvIndex = bucket.to - 1;
      const send = findSend(channel, (channel.recvs.aux as Float64Array)[recvIndex]);
      if (send < 0) return;
      const xs = plotX + (channel.sends.t[send] - scale.start) * scale.pxPerUs;
      const xr = plotX + (channel.recvs.t[recvIndex] - scale.start) * scale.pxPerUs;
      lines += `M${n(xs)} ${n(y0)}L${n(xr)} ${n(y1)}`;
      heads.push([xs, xr]);
    });
    if (!lines) continue;
    const many = heads.length > MAX_HEADS;
    // A sheaf of many arrows is drawn lighter: the lanes under it stay readable.
    const opacity = heads.length > 40 ? 0.5 : 1;
    out += el('path', { d: lines, fill: 'none', stroke: colour, 'stroke-width': (many ? 1 : 1.6) * u, 'stroke-opacity': opacity < 1 ? opacity : null, 'stroke-linecap': 'round' });
    if (!many) out += el('path', { d: heads.map(([xs, xr]) => head(xs, y0, xr, y1, 8 * u)).join(''), fill: colour, 'fill-opacity': opacity < 1 ? opacity : null });
  }
  return out;
}

/** An arrowhead at (x1, y1) pointing along the line from (x0, y0). */
export function head(x0: number, y0: number, x1: number, y1: number, size: number): string {
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const ax = x1 - size * Math.cos(angle - 0.42);
  const ay = y1 - size * Math.sin(angle - 0.42);
  const bx = x1 - size * Math.cos(angle + 0.42);
  const by = y1 - size * Math.sin(angle + 0.42);
  return `M${n(x1)} ${n(y1)}L${n(ax)} ${n(ay)}L${n(bx)} ${n(by)}Z`;
}
