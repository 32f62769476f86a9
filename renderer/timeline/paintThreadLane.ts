import type { ProcessLane } from '../model/processLanes';
import { visualKind } from '../model/processRecord';
import type { ThreadRecord } from '../model/threadIndex';
import { clampX, paintBusy, paintExitFlag, paintMarkers, toX, type LanePaint } from './paintLane';

/** A thread's bar is this share of a process's: a thread is a thin strand inside its process. */
export const THREAD_BAR_SHARE = 0.45;

/**
 * A Worker thread's lane, in its process's colour but shaped apart: a thin
 * rounded bar (a strand, not a block), hollow and dashed from `new Worker`
 * until the thread is online, solid from then to its exit, shaded by the
 * thread's own event-loop load; its exit flag and the errors thrown inside it.
 */
export function paintThreadLane(paint: LanePaint, lane: ProcessLane, thread: ThreadRecord, y: number): void {
  const { ctx, scale, geometry, palette } = paint;
  const kind = visualKind(lane.record);
  const colour = palette.kind[kind];
  const barH = Math.max(4, Math.round(geometry.barHeight * THREAD_BAR_SHARE));
  const barY = y + Math.round((geometry.height - barH) / 2);
  const end = thread.exitT ?? paint.openEnd;
  const x0 = clampX(scale, toX(scale, thread.startT));
  const xOnline = thread.onlineT === null ? null : clampX(scale, toX(scale, thread.onlineT));
  const x1 = clampX(scale, Math.max(toX(scale, end), toX(scale, thread.startT) + 1));
  const radius = barH / 2;

  // Starting: an outline only, dashed — the thread exists but runs no JavaScript yet.
  const startedEnd = xOnline ?? x1;
  if (startedEnd > x0) {
    ctx.setLineDash([3, 2]);
    ctx.strokeStyle = palette.outline[kind];
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.roundRect(x0 + 0.5, barY + 0.5, Math.max(1, startedEnd - x0 - 1), barH - 1, radius);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (xOnline !== null && x1 > xOnline) {
    ctx.globalAlpha = palette.barOpacity;
    ctx.fillStyle = colour;
    ctx.beginPath();
    ctx.roundRect(xOnline, barY, x1 - xOnline, barH, radius);
    ctx.fill();
    ctx.globalAlpha = 1;
    paintBusy(ctx, scale, thread.eluSamples, colour, xOnline, x1, barY, barH);
    ctx.strokeStyle = palette.outline[kind];
    ctx.beginPath();
    ctx.roundRect(xOnline + 0.5, barY + 0.5, Math.max(1, x1 - xOnline - 1), barH - 1, radius);
    ctx.stroke();
  }
  if (thread.exitT !== null && thread.exitCode !== null) paintExitFlag(paint, toX(scale, thread.exitT), barY, barH, thread.exitCode, true);
  paintMarkers(paint, thread.markers, y + geometry.height / 2);
}
