/**
 * One draw of the lanes canvas as data: the 2D calls the lane painters made,
 * recorded on the page (canvasRecorder.ts) and replayed onto the canvas by a
 * worker (lanesCanvas.worker.ts). The canvas's raster then happens in the
 * worker: in a flood, rasterizing the lanes took ~14 % of the page's main
 * thread (3 ms a draw, inside the frame's commit), in the frame the page's
 * socket was waiting on (docs/ARCHITECTURE.md, "The timeline's canvas").
 */

/** The part of the 2D context the lane painters use: what a recorder must record. */
export type LaneCanvas = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'globalAlpha'
  | 'lineWidth'
  | 'font'
  | 'textBaseline'
  | 'fillRect'
  | 'strokeRect'
  | 'clearRect'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'arc'
  | 'roundRect'
  | 'stroke'
  | 'fill'
  | 'fillText'
  | 'measureText'
  | 'setLineDash'
  | 'setTransform'
  | 'createPattern'
>;

/** The calls, one code each; each is followed by its numbers (strings and patterns by their index). */
export const OP = {
  fillStyle: 0,
  strokeStyle: 1,
  fillPattern: 2,
  strokePattern: 3,
  globalAlpha: 4,
  lineWidth: 5,
  font: 6,
  textBaseline: 7,
  fillRect: 8,
  strokeRect: 9,
  clearRect: 10,
  beginPath: 11,
  moveTo: 12,
  lineTo: 13,
  closePath: 14,
  arc: 15,
  roundRect: 16,
  stroke: 17,
  fill: 18,
  fillText: 19,
  setLineDash: 20,
  setTransform: 21,
} as const;

/** A pattern's tile, as pixels (a pattern object cannot cross to a worker). */
export interface PatternTile {
  id: number;
  width: number;
  height: number;
  data: Uint8ClampedArray;
  repetition: string | null;
}

export interface LaneFrame {
  /** Numbers: the canvas's size in pixels; which draw this is. */
  width: number;
  height: number;
  seq: number;
  /** The log's length this draw showed (for the benchmark's event → drawn). */
  logLength: number;
  ops: Float64Array;
  /** How many of `ops` are this frame's. */
  length: number;
  strings: string[];
  patterns: PatternTile[];
}

type Target = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** Plays a frame's calls onto a context; `patterns` keeps the tiles made into patterns, by id. */
export function replayFrame(ctx: Target, frame: LaneFrame, patterns: Map<number, CanvasPattern | null>, makeTile: (tile: PatternTile) => CanvasImageSource): void {
  for (const tile of frame.patterns) if (!patterns.has(tile.id)) patterns.set(tile.id, ctx.createPattern(makeTile(tile), tile.repetition));
  const { ops, strings } = frame;
  const str = (i: number): string => strings[ops[i]];
  const pattern = (i: number): CanvasPattern | string => patterns.get(ops[i]) ?? '#000';
  let i = 0;
  while (i < frame.length) {
    const op = ops[i++];
    switch (op) {
      case OP.fillStyle: ctx.fillStyle = str(i++); break;
      case OP.strokeStyle: ctx.strokeStyle = str(i++); break;
      case OP.fillPattern: ctx.fillStyle = pattern(i++); break;
      case OP.strokePattern: ctx.strokeStyle = pattern(i++); break;
      case OP.globalAlpha: ctx.globalAlpha = ops[i++]; break;
      case OP.lineWidth: ctx.lineWidth = ops[i++]; break;
      case OP.font: ctx.font = str(i++); break;
      case OP.textBaseline: ctx.textBaseline = str(i++) as CanvasTextBaseline; break;
      case OP.fillRect: ctx.fillRect(ops[i], ops[i + 1], ops[i + 2], ops[i + 3]); i += 4; break;
      case OP.strokeRect: ctx.strokeRect(ops[i], ops[i + 1], ops[i + 2], ops[i + 3]); i += 4; break;
      case OP.clearRect: ctx.clearRect(ops[i], ops[i + 1], ops[i + 2], ops[i + 3]); i += 4; break;
      case OP.beginPath: ctx.beginPath(); break;
      case OP.moveTo: ctx.moveTo(ops[i], ops[i + 1]); i += 2; break;
      case OP.lineTo: ctx.lineTo(ops[i], ops[i + 1]); i += 2; break;
      case OP.closePath: ctx.closePath(); break;
      case OP.arc: ctx.arc(ops[i], ops[i + 1], ops[i + 2], ops[i + 3], ops[i + 4], ops[i + 5] !== 0); i += 6; break;
      case OP.roundRect: ctx.roundRect(ops[i], ops[i + 1], ops[i + 2], ops[i + 3], ops[i + 4]); i += 5; break;
      case OP.stroke: ctx.stroke(); break;
      case OP.fill: ctx.fill(); break;
      case OP.fillText: ctx.fillText(str(i), ops[i + 1], ops[i + 2]); i += 3; break;
      case OP.setLineDash: {
        const n = ops[i++];
        ctx.setLineDash(Array.from(ops.subarray(i, i + n)));
        i += n;
        break;
      }
      case OP.setTransform: ctx.setTransform(ops[i], ops[i + 1], ops[i + 2], ops[i + 3], ops[i + 4], ops[i + 5]); i += 6; break;
      default:
        throw new Error(`lane frame: unknown call ${op} at ${i - 1}`);
    }
  }
}
