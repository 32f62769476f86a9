/**
 * A stand-in for the lanes canvas's 2D context that records each call as
 * numbers (laneFrame.ts) instead of drawing: the page runs the lane painters
 * as before, and a worker replays the frame onto the real canvas. Text is
 * measured here, on a context of the page's own, with the same font.
 */
import { OP, type LaneCanvas, type LaneFrame, type PatternTile } from './laneFrame';

/** What createPattern returns here: a tile's id (the worker makes the pattern). */
interface PatternToken {
  readonly laneFramePattern: number;
}

const isToken = (value: unknown): value is PatternToken => typeof value === 'object' && value !== null && 'laneFramePattern' in value;

export class CanvasRecorder implements LaneCanvas {
  private ops: Float64Array = new Float64Array(1 << 14);
  /** Buffers the worker gave back (a new one per frame cost the page a fresh allocation every draw). */
  private readonly spare: Float64Array[] = [];
  private length = 0;
  private strings: string[] = [];
  private stringIds = new Map<string, number>();
  private readonly tiles: PatternTile[] = [];
  private used = new Set<number>();
  private fillValue: string | CanvasGradient | CanvasPattern = '#000000';
  private strokeValue: string | CanvasGradient | CanvasPattern = '#000000';
  private alpha = 1;
  private lineWidthValue = 1;
  private baseline: CanvasTextBaseline = 'alphabetic';

  /** Measures text with the fonts the frame sets (only measureText is ever called on it). */
  constructor(private readonly measurer: Pick<CanvasRenderingContext2D, 'font' | 'measureText'>) {}

  /** The calls since the last take, as a frame to send (its buffer may be transferred: a new one is used next). */
  take(size: { width: number; height: number; seq: number; logLength: number }): LaneFrame {
    const frame: LaneFrame = {
      ...size,
      ops: this.ops,
      length: this.length,
      strings: this.strings,
      patterns: this.tiles.filter((t) => this.used.has(t.id)),
    };
    this.ops = this.spare.pop() ?? new Float64Array(Math.max(1 << 14, this.ops.length));
    this.length = 0;
    this.strings = [];
    this.stringIds = new Map();
    this.used = new Set();
    return frame;
  }

  /** A frame's buffer back from the worker, for a later frame. */
  recycle(ops: Float64Array): void {
    if (this.spare.length < 2) this.spare.push(ops);
  }

  /** Room for `n` more numbers. */
  private room(n: number): void {
    if (this.length + n <= this.ops.length) return;
    const grown = new Float64Array(Math.max(this.ops.length * 2, this.length + n));
    grown.set(this.ops.subarray(0, this.length));
    this.ops = grown;
  }

  // One method per count of numbers, not a rest parameter: an array per call was most of a
  // flood's draw garbage.
  private push1(a: number): void {
    this.room(1);
    this.ops[this.length++] = a;
  }
  private push2(a: number, b: number): void {
    this.room(2);
    this.ops[this.length++] = a;
    this.ops[this.length++] = b;
  }
  private push3(a: number, b: number, c: number): void {
    this.room(3);
    this.ops[this.length++] = a;
    this.ops[this.length++] = b;
    this.ops[this.length++] = c;
  }
  private push4(a: number, b: number, c: number, d: number): void {
    this.room(4);
    this.ops[this.length++] = a;
    this.ops[this.length++] = b;
    this.ops[this.length++] = c;
    this.ops[this.length++] = d;
  }
  private push5(a: number, b: number, c: number, d: number, e: number): void {
    this.push1(a);
    this.push4(b, c, d, e);
  }
  private push6(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.push2(a, b);
    this.push4(c, d, e, f);
  }
  private push7(a: number, b: number, c: number, d: number, e: number, f: number, g: number): void {
    this.push3(a, b, c);
    this.push4(d, e, f, g);
  }


  private str(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.push(s) - 1;
      this.stringIds.set(s, id);
    }
    return id;
  }

  private style(value: string | CanvasGradient | CanvasPattern, asString: number, asPattern: number): void {
    if (isToken(value)) {
      this.used.add(value.laneFramePattern);
      this.push2(asPattern, value.laneFramePattern);
    } else if (typeof value === 'string') this.push2(asString, this.str(value));
    else throw new Error('lane frame: gradients are not recorded');
  }

  get fillStyle(): string | CanvasGradient | CanvasPattern {
    return this.fillValue;
  }
  set fillStyle(value: string | CanvasGradient | CanvasPattern) {
    this.fillValue = value;
    this.style(value, OP.fillStyle, OP.fillPattern);
  }
  get strokeStyle(): string | CanvasGradient | CanvasPattern {
    return this.strokeValue;
  }
  set strokeStyle(value: string | CanvasGradient | CanvasPattern) {
    this.strokeValue = value;
    this.style(value, OP.strokeStyle, OP.strokePattern);
  }
  get globalAlpha(): number {
    return this.alpha;
  }
  set globalAlpha(value: number) {
    this.alpha = value;
    this.push2(OP.globalAlpha, value);
  }
  get lineWidth(): number {
    return this.lineWidthValue;
  }
  set lineWidth(value: number) {
    this.lineWidthValue = value;
    this.push2(OP.lineWidth, value);
  }
  get font(): string {
    return this.measurer.font;
  }
  set font(value: string) {
    this.measurer.font = value;
    this.push2(OP.font, this.str(value));
  }
  get textBaseline(): CanvasTextBaseline {
    return this.baseline;
  }
  set textBaseline(value: CanvasTextBaseline) {
    this.baseline = value;
    this.push2(OP.textBaseline, this.str(value));
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    this.push5(OP.fillRect, x, y, w, h);
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    this.push5(OP.strokeRect, x, y, w, h);
  }
  clearRect(x: number, y: number, w: number, h: number): void {
    this.push5(OP.clearRect, x, y, w, h);
  }
  beginPath(): void {
    this.push1(OP.beginPath);
  }
  moveTo(x: number, y: number): void {
    this.push3(OP.moveTo, x, y);
  }
  lineTo(x: number, y: number): void {
    this.push3(OP.lineTo, x, y);
  }
  closePath(): void {
    this.push1(OP.closePath);
  }
  arc(x: number, y: number, r: number, start: number, end: number, counterclockwise = false): void {
    this.push7(OP.arc, x, y, r, start, end, counterclockwise ? 1 : 0);
  }
  /** One radius for every corner: what the painters use (a list of radii is refused, not drawn wrong). */
  roundRect(x: number, y: number, w: number, h: number, radii?: number | DOMPointInit | Iterable<number | DOMPointInit>): void {
    if (radii !== undefined && typeof radii !== 'number') throw new Error('lane frame: roundRect takes one number radius');
    this.push6(OP.roundRect, x, y, w, h, radii ?? 0);
  }
  /** The current path, as the painters use them (a Path2D or a fill rule is not recorded). */
  stroke(): void {
    this.push1(OP.stroke);
  }
  fill(): void {
    this.push1(OP.fill);
  }
  fillText(text: string, x: number, y: number): void {
    this.push4(OP.fillText, this.str(text), x, y);
  }
  measureText(text: string): TextMetrics {
    return this.measurer.measureText(text);
  }
  setLineDash(segments: number[]): void {
    this.push2(OP.setLineDash, segments.length);
    for (const v of segments) this.push1(v);
  }
  setTransform(a?: number | DOMMatrix2DInit, b = 0, c = 0, d = 1, e = 0, f = 0): void {
    if (typeof a !== 'number') throw new Error('lane frame: setTransform takes six numbers');
    this.push7(OP.setTransform, a, b, c, d, e, f);
  }

  /** A tile canvas as a pattern: its pixels go with each frame that uses it. */
  createPattern(image: CanvasImageSource, repetition: string | null): CanvasPattern | null {
    const tile = image as HTMLCanvasElement | OffscreenCanvas;
    const pixels = tile.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!pixels) return null;
    const id = this.tiles.length;
    this.tiles.push({ id, width: tile.width, height: tile.height, data: pixels.getImageData(0, 0, tile.width, tile.height).data, repetition });
    const token: PatternToken = { laneFramePattern: id };
    return token as unknown as CanvasPattern;
  }
}
