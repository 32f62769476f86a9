import type { LabEvent } from '../../shared/events';
import { findSend, type IpcChannel } from '../model/ipcChannels';
import { forEachTickBucket, type PixelScale } from '../model/levelOfDetail';
import type { ProcessRecord } from '../model/processRecord';
import { visualKind } from '../model/processRecord';
import type { TimelinePalette } from './palette';
import { rowOfEnd } from './laneRows';
import type { LaneCanvas } from './laneFrame';

export interface ArrowPaint {
  ctx: LaneCanvas;
  scale: PixelScale;
  log: readonly LabEvent[];
  /** Row of each pid's lane (and of each Worker thread's, by threadKey), and the y of a row's middle on screen. */
  rowOf: ReadonlyMap<number, number>;
  threadRowOf?: ReadonlyMap<string, number>;
  rowMiddle: (row: number) => number;
  /** Rows [first, last) on screen. */
  rows: [number, number];
  processes: ReadonlyMap<number, ProcessRecord>;
  palette: TimelinePalette;
  /** An arrow's line width (px): 3 on the projector, where a thinner one disappears. */
  lineWidth: number;
}

/** At most one arrow per this many pixels: a flood of messages reads as a sheaf, not a smear. */
const ARROW_SPACING_PX = 6;
/** Past this many arrows in a channel, heads are left out (the direction is clear, and they cost). */
const MAX_HEADS = 120;

/** IPC messages as arrows from the sender's lane (at the send) to the receiver's (at the delivery). */
export function paintArrows(paint: ArrowPaint, channels: Iterable<IpcChannel>): void {
  const { ctx, scale, rowMiddle, rows } = paint;
  const coarse: PixelScale = { start: scale.start, pxPerUs: scale.pxPerUs / ARROW_SPACING_PX, width: Math.ceil(scale.width / ARROW_SPACING_PX) };
  for (const channel of channels) {
    const fromRow = rowOfEnd(paint, channel.from, channel.fromThread);
    const toRow = rowOfEnd(paint, channel.to, channel.toThread);
    if (fromRow === undefined || toRow === undefined) continue;
    if (Math.max(fromRow, toRow) < rows[0] || Math.min(fromRow, toRow) >= rows[1]) continue;
    const sender = paint.processes.get(channel.from);
    const colour = sender ? paint.palette.outline[visualKind(sender)] : paint.palette.arrowFallback;
    const y0 = rowMiddle(fromRow);
    const y1 = rowMiddle(toRow);
    /** Each arrow's head as xr, xs pairs, flat (a pair per arrow was most of a draw's garbage after the buckets). */
    const heads: number[] = [];
    ctx.beginPath();
    forEachTickBucket(channel.recvs, coarse, (bucket) => {
      const recvIndex = bucket.to - 1;
      const send = findSend(channel, (channel.recvs.aux as Float64Array)[recvIndex]);
      if (send < 0) return;
      const xs = (channel.sends.t[send] - scale.start) * scale.pxPerUs;
      const xr = (channel.recvs.t[recvIndex] - scale.start) * scale.pxPerUs;
      ctx.moveTo(xs, y0);
      ctx.lineTo(xr, y1);
      heads.push(xr, xs);
    });
    const dense = heads.length / 2 > MAX_HEADS;
    ctx.strokeStyle = colour;
    ctx.lineWidth = dense ? Math.max(1, paint.lineWidth * 0.8) : paint.lineWidth;
    // A flood's sheaf stays light enough to read the lanes through it.
    ctx.globalAlpha = dense ? 0.35 : 1;
    ctx.stroke();
    ctx.globalAlpha = 1;
    if (!dense) paintHeads(ctx, heads, y0, y1, colour, 4.8 * paint.lineWidth);
  }
}

function paintHeads(ctx: LaneCanvas, heads: readonly number[], y0: number, y1: number, colour: string, size: number): void {
  if (heads.length === 0) return;
  ctx.fillStyle = colour;
  ctx.beginPath();
  for (let i = 0; i < heads.length; i += 2) {
    const xr = heads[i];
    const xs = heads[i + 1];
    const angle = Math.atan2(y1 - y0, xr - xs);
    ctx.moveTo(xr, y1);
    ctx.lineTo(xr - size * Math.cos(angle - 0.45), y1 - size * Math.sin(angle - 0.45));
    ctx.lineTo(xr - size * Math.cos(angle + 0.45), y1 - size * Math.sin(angle + 0.45));
    ctx.closePath();
  }
  ctx.fill();
}
