import type { LabEvent } from '../../shared/events';
import type { LaneCanvas } from './laneFrame';

/** Per context: a pattern belongs to the context that made it (a recorder's names a tile of its own). */
const patternsOf = new WeakMap<LaneCanvas, Map<string, CanvasPattern | string>>();

/** Diagonal hatching in `colour`: the exit → close gap. */
export function hatchPattern(ctx: LaneCanvas, colour: string): CanvasPattern | string {
  let patterns = patternsOf.get(ctx);
  if (!patterns) patternsOf.set(ctx, (patterns = new Map()));
  const cached = patterns.get(colour);
  if (cached) return cached;
  const tile = document.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const t = tile.getContext('2d');
  if (!t) return colour;
  t.strokeStyle = colour;
  t.lineWidth = 1.5;
  t.beginPath();
  t.moveTo(-1, 7);
  t.lineTo(7, -1);
  t.moveTo(5, 7);
  t.lineTo(7, 5);
  t.moveTo(-1, 1);
  t.lineTo(1, -1);
  t.stroke();
  const pattern = ctx.createPattern(tile, 'repeat') ?? colour;
  patterns.set(colour, pattern);
  return pattern;
}

/** A stop sign: errors and signals (never colour alone — the shape, and the code beside it). */
export function paintOctagon(ctx: LaneCanvas, x: number, y: number, r: number, fill: string, rim: string): void {
  ctx.beginPath();
  for (let k = 0; k < 8; k++) {
    const angle = Math.PI / 8 + (k * Math.PI) / 4;
    const px = x + r * Math.cos(angle);
    const py = y + r * Math.sin(angle);
    if (k === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = rim;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

/** The short text an octagon carries: Node's code, or the signal. */
export function markerLabel(event: LabEvent | undefined): string {
  if (!event) return '';
  switch (event.type) {
    case 'error':
      return event.code ?? event.name;
    case 'callback':
      return event.error ? String(event.error.code ?? event.error.signal ?? 'error') : '';
    case 'exit':
    case 'close':
      return event.signal ?? (event.code !== null ? String(event.code) : '');
    case 'run-end':
      return event.errorCode ?? event.reason;
    case 'kill':
      return event.signal;
    default:
      return '';
  }
}
