import type { PixelScale } from '../model/levelOfDetail';
import type { ProcessLane } from '../model/processLanes';
import { frames } from '../frames/frameScheduler';
import type { ObraStore } from '../store/obraStore';
import type { ObraState } from '../store/obraState';
import type { HoverStore } from './hoverStore';
import { axisHeight, laneGeometry, PROJECTOR_LANE_HEIGHT, visibleLanes } from './laneLayout';
import { paintArrows } from './paintArrows';
import { paintAxis, paintGrid } from './paintAxis';
import { paintLane } from './paintLane';
import { acquireLanesSurface, releaseLanesSurface, type LanesSurface } from './lanesSurface';
import { paintThreadLane } from './paintThreadLane';
import { paintTaskLane } from './paintTaskLane';
import { laneLifetime, laneRows, taskRowOf } from './laneRows';
import { TIMELINE_PALETTES, type TimelinePalette } from './palette';
import { FontSizes, timelineTextFor, type TimelineText } from './timelineText';
import type { LaneCanvas } from './laneFrame';

export interface TimelineElements {
  axis: HTMLCanvasElement;
  lanes: HTMLCanvasElement;
  /** The vertically scrolling container of the lanes. */
  body: HTMLElement;
  /** What it scrolls: the lanes' rows as the page has rendered them (they follow the log at the panels' pace). */
  rows: HTMLElement;
}

/**
 * Draws the timeline on two canvases (axis, lanes) in a frame's draw turn
 * (renderer/frames: after the frame's updates, so a playhead the replay clock
 * moved is drawn in that same frame), only when something it shows changed. It reads the store directly
 * (store.subscribe), never through React renders: a flood of batches costs one
 * draw per frame, and a draw costs O(lanes · width · log n) whatever the log's size.
 */
/** Least time between two draws that only show new data, ms: every other frame at 60 Hz (frames are ~16.7 ms apart; drawn every frame, 5–6 % of a flood's frames came late); a draw that took long waits twice its time. */
const LIVE_DRAW_GAP_MS = 30;

export class TimelinePainter {
  laneHeight: number;
  /** Every canvas text's size, from the lanes' height (projector mode raises both). */
  private readonly text: TimelineText;
  /** Where the lanes are drawn: through a worker where the browser allows (lanesSurface.ts). */
  private readonly surface: LanesSurface;
  /** The lanes canvas's size in device pixels. */
  private lanesPx = { width: 0, height: 0 };
  /** Takes back the draw waiting for its frame; null when none waits. */
  private takeBack: (() => void) | null = null;
  /** Only the log grew since the last draw (no view change): such draws may wait a frame. */
  private onlyData = true;
  private lastDrawMs = 0;
  private lastDrawStart = 0;
  private lastDrawEnd = 0;
  private width = 0;
  /** Height of the lanes canvas (the lanes, up to the visible height) and of the visible area. */
  private height = 0;
  private viewHeight = 0;
  /**
   * The lanes' scroll offset, as the last scroll event left it: read from the element
   * it would force a layout in every draw and every playhead move (the live page's
   * React updates leave layout dirty), a large share of a busy frame.
   */
  private scrollTop = 0;
  /** The rows' height as last laid out (a resize observer says, after layout): how far the body can scroll. */
  private rowsHeight = 0;
  /** A follow that the rows could not scroll to yet (its lane not rendered): done again when they grow. */
  private followShort = false;
  private readonly unsubscribe: Array<() => void> = [];
  private readonly resizeObserver: ResizeObserver;

  constructor(
    private readonly store: ObraStore,
    private readonly el: TimelineElements,
    private readonly hover: HoverStore,
    laneHeight: number,
  ) {
    this.laneHeight = laneHeight;
    this.text = timelineTextFor(laneHeight);
    this.surface = acquireLanesSurface(el.lanes);
    this.unsubscribe.push(store.subscribe((s, p) => this.onState(s, p)));
    this.unsubscribe.push(hover.subscribe(() => this.requestDraw()));
    const onScroll = (): void => {
      this.scrollTop = el.body.scrollTop;
      this.requestDraw();
    };
    el.body.addEventListener('scroll', onScroll, { passive: true });
    this.unsubscribe.push(() => el.body.removeEventListener('scroll', onScroll));
    this.resizeObserver = new ResizeObserver((entries) => {
      for (const entry of entries) if (entry.target === el.rows) this.rowsHeight = entry.contentRect.height;
      this.resize();
      if (this.followShort) this.followPlayhead(store.getState());
    });
    this.resizeObserver.observe(el.body);
    this.resizeObserver.observe(el.rows);
    this.resize();
  }

  destroy(): void {
    for (const off of this.unsubscribe) off();
    this.resizeObserver.disconnect();
    this.takeBack?.();
    releaseLanesSurface(this.el.lanes);
  }

  /** The window on screen as pixels. */
  scale(): PixelScale {
    const { timeWindow } = this.store.getState();
    const span = Math.max(timeWindow.end - timeWindow.start, 1e-3);
    return { start: timeWindow.start, pxPerUs: Math.max(this.width, 1) / span, width: this.width };
  }

  /** The lane at a y inside the lanes canvas, if any. */
  laneAt(y: number): ProcessLane | null {
    const lanes = this.store.getState().run?.index.lanes() ?? [];
    const row = Math.floor((y + this.el.body.scrollTop) / this.laneHeight);
    return lanes[row] ?? null;
  }

  /** Draw in the coming frame's draw turn. `dataOnly`: just the log grew (the view did not move). */
  requestDraw(dataOnly = false): void {
    if (!dataOnly) this.onlyData = false;
    this.takeBack ??= frames.request('draw', this.onFrame);
  }

  /**
   * While a flood grows the log, drawing every frame could take the main
   * thread from everything else: a draw that only shows new data waits until
   * twice the last draw's cost has passed (the timeline takes at most a third
   * of the thread), and comes every other frame at most (a live timeline at
   * 30 frames a second reads as smoothly; the frames between keep the page's
   * other work, and its socket, on time). Pans, zooms and the playhead always
   * draw on the next frame.
   */
  private readonly onFrame = (): void => {
    this.takeBack = null;
    const now = performance.now();
    // A draw of new data also waits while the worker has not shown the last draw (rather than queue
    // behind it); a moved view never waits: the playhead is drawn in the frame that moved it.
    if (this.onlyData && (this.surface.busy || now - this.lastDrawEnd < 2 * this.lastDrawMs || now - this.lastDrawStart < LIVE_DRAW_GAP_MS)) {
      this.takeBack = frames.request('draw', this.onFrame);
      return;
    }
    this.onlyData = true;
    this.lastDrawStart = now;
    this.draw();
    this.lastDrawEnd = performance.now();
  };

  /**
   * More lanes than the pane shows (the kill demo's twelve on a projector):
   * the lanes follow the playhead — the newest process alive at the cursor is
   * scrolled into view when the cursor moves.
   */
  private followPlayhead(state: ObraState): void {
    this.followShort = false;
    const lanes = state.run?.index.lanes() ?? [];
    if (lanes.length * this.laneHeight <= this.viewHeight) return;
    let row = -1;
    let newest = -Infinity;
    lanes.forEach((lane, i) => {
      const life = laneLifetime(lane);
      const end = life.close ?? life.exit;
      if (life.start <= state.cursor && (end === null || end >= state.cursor) && life.start >= newest) {
        newest = life.start;
        row = i;
      }
    });
    if (row < 0) return;
    const top = row * this.laneHeight;
    if (top < this.scrollTop || top + this.laneHeight > this.scrollTop + this.viewHeight) {
      // Not read back (that would lay the page out here, in a batch's turn: 55 ms as a flood's last
      // lane came in): clamped as the browser clamps it, to the rows the page has rendered so far;
      // when more rows come, the follow is done again.
      // Written only when it moves: a write lays the page out too (to clamp it), and while the
      // rows lag behind the lanes the same clamped value would be written at every batch.
      const wanted = Math.max(0, top - this.viewHeight + 2 * this.laneHeight);
      const clamped = Math.min(wanted, Math.max(0, Math.round(this.rowsHeight) - this.viewHeight));
      this.followShort = clamped < wanted;
      if (clamped === this.scrollTop) return;
      this.scrollTop = clamped;
      this.el.body.scrollTop = clamped;
    }
  }

  private onState(state: ObraState, previous: ObraState): void {
    if (state.cursor !== previous.cursor) this.followPlayhead(state);
    // A playhead the reader (or the replay clock, in a frame's updates) moved is drawn in the coming
    // draw turn: the same frame whose panels show that moment, never a frame behind them.
    const userMoved = !state.followLive && (state.timeWindow !== previous.timeWindow || state.cursor !== previous.cursor);
    if (userMoved || state.selection !== previous.selection || state.lang !== previous.lang || state.theme !== previous.theme || state.run !== previous.run || state.followLive !== previous.followLive) {
      this.requestDraw();
    } else if (state.version !== previous.version || state.timeWindow !== previous.timeWindow || state.cursor !== previous.cursor) {
      // The log grew (and live follow moved the window with it): only data.
      this.requestDraw(true);
    }
  }

  /**
   * Size the canvases: the axis across the width, the lanes canvas only as
   * tall as the lanes that exist (up to the visible height). Every frame the
   * compositor copies the whole canvas: empty rows below the last lane would
   * cost as much as full ones.
   */
  private resize(): void {
    this.sizeCanvases();
    this.requestDraw();
  }

  /** The canvases' CSS and pixel sizes for the pane's width and the lanes' height. */
  private sizeCanvases(): void {
    const dpr = window.devicePixelRatio || 1;
    const { axis, lanes, body } = this.el;
    this.width = Math.max(0, lanes.parentElement?.clientWidth ?? 0);
    this.viewHeight = Math.max(0, body.clientHeight);
    this.height = Math.min(this.viewHeight, Math.max(1, this.laneCount()) * this.laneHeight);
    const px = (h: number) => ({ width: Math.round(this.width * dpr), height: Math.round(h * dpr) });
    const axisH = axisHeight(this.text.axisPx);
    for (const [canvas, h] of [
      [axis, axisH],
      [lanes, this.height],
    ] as const) {
      canvas.style.width = `${this.width}px`;
      canvas.style.height = `${h}px`;
    }
    Object.assign(axis, px(axisH));
    // The lanes canvas takes its size with the next draw (it may belong to a worker).
    this.lanesPx = px(this.height);
  }

  private laneCount(): number {
    return this.store.getState().run?.index.lanes().length ?? 0;
  }

  private draw(): void {
    const began = performance.now();
    const wanted = Math.min(this.viewHeight, Math.max(1, this.laneCount()) * this.laneHeight);
    // Sized here, in this draw: resize() would ask for a second one.
    if (wanted !== this.height) this.sizeCanvases();
    const state = this.store.getState();
    const dpr = window.devicePixelRatio || 1;
    const axisCtx = this.el.axis.getContext('2d');
    const ctx = this.surface.begin(this.lanesPx.width, this.lanesPx.height);
    if (!axisCtx || !ctx) return;
    axisCtx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const scale = this.scale();
    const run = state.run;
    const cursorX = run ? (state.cursor - scale.start) * scale.pxPerUs : null;
    const palette = TIMELINE_PALETTES[state.theme];
    const axisFonts = new FontSizes();
    const axis = paintAxis(axisCtx, scale, axisHeight(this.text.axisPx), state.lang, cursorX, this.text.axisPx, axisFonts, palette);
    axisFonts.show(this.el.axis);
    // The canvas draws its own paper: the theme's, whatever is behind it.
    ctx.clearRect(0, 0, this.width, this.height);
    ctx.fillStyle = palette.background;
    ctx.fillRect(0, 0, this.width, this.height);
    const laneFonts = new FontSizes();
    if (!run) {
      laneFonts.show(this.el.lanes);
      this.surface.finish(0, performance.now() - began);
      return;
    }

    const lanes = run.index.lanes();
    const h = this.laneHeight;
    const scrollTop = this.scrollTop;
    const rows = visibleLanes(lanes.length, h, scrollTop, this.height);
    for (let row = rows[0]; row < rows[1]; row++) {
      const y = row * h - scrollTop;
      const selected = lanes[row].pid === state.selection.pid && !lanes[row].thread && !lanes[row].tasks;
      if (selected || row % 2 === 1) {
        ctx.fillStyle = selected ? palette.selectedLane : palette.stripe;
        ctx.fillRect(0, y, this.width, h);
      }
    }
    paintGrid(ctx, scale, axis, this.height, palette);
    const openEnd = run.index.runEnd?.t ?? run.index.lastT;
    const paint = { ctx, scale, geometry: laneGeometry(h), log: run.events, openEnd, text: this.text, fonts: laneFonts, palette };
    for (let row = rows[0]; row < rows[1]; row++) {
      const lane = lanes[row];
      if (lane.tasks) paintTaskLane(paint, lane.tasks, row * h - scrollTop, state.theme);
      else if (lane.thread) paintThreadLane(paint, lane, lane.thread, row * h - scrollTop);
      else paintLane(paint, lane, row * h - scrollTop);
    }
    laneFonts.show(this.el.lanes);

    const { rowOf, threadRowOf } = laneRows(lanes);
    const arrowPx = h >= PROJECTOR_LANE_HEIGHT ? 3 : 1.25;
    // Said on the canvas like its fonts' sizes, for the tests that hold the projector to 3 px.
    if (this.el.lanes.dataset.arrowPx !== String(arrowPx)) this.el.lanes.dataset.arrowPx = String(arrowPx);
    paintArrows(
      { ctx, scale, log: run.events, rowOf, threadRowOf, rowMiddle: (row) => row * h - scrollTop + h / 2, rows, processes: run.index.processes, palette, lineWidth: arrowPx },
      run.index.channels.byKey.values(),
    );
    this.paintCursor(ctx, state, cursorX, run.index.lastT, palette);
    this.sayDrawn(state.cursor, scale);
    this.paintFocus(ctx, state, scale, rowOf, scrollTop, palette);
    this.lastDrawMs = performance.now() - began;
    this.surface.finish(run.events.length, this.lastDrawMs);
  }

  /**
   * The playhead and the window this draw showed, on the canvas (µs): what the
   * tests compare with the slider, the readout and the stage at one moment.
   */
  private sayDrawn(cursor: number, scale: PixelScale): void {
    const data = this.el.lanes.dataset;
    const drawn = { cursor: String(Math.round(cursor)), windowStart: String(Math.round(scale.start)), windowEnd: String(Math.round(scale.start + scale.width / scale.pxPerUs)) };
    for (const [key, value] of Object.entries(drawn)) if (data[key] !== value) data[key] = value;
  }

  private paintCursor(ctx: LaneCanvas, state: ObraState, cursorX: number | null, lastT: number, palette: TimelinePalette): void {
    if (cursorX === null) return;
    if (!state.followLive && state.cursor < lastT && cursorX < this.width) {
      ctx.fillStyle = palette.futureVeil;
      const from = Math.max(0, cursorX);
      ctx.fillRect(from, 0, this.width - from, this.height);
    }
    if (cursorX >= 0 && cursorX <= this.width) {
      ctx.fillStyle = palette.playhead;
      ctx.fillRect(Math.round(cursorX) - 1, 0, 2, this.height);
    }
  }

  /** Rings around the selected event and the hovered one. */
  private paintFocus(ctx: LaneCanvas, state: ObraState, scale: PixelScale, rowOf: Map<number, number>, scrollTop: number, palette: TimelinePalette): void {
    const run = state.run;
    if (!run) return;
    const ring = (eventIndex: number | null, pid: number | null, colour: string): void => {
      if (eventIndex === null || pid === null) return;
      const event = run.events[eventIndex];
      // A callback is ringed on its thread's callback track, every other event on its process's lane.
      const row = event?.type === 'task' ? taskRowOf(run.index.lanes(), pid, event.threadId ?? 0) : rowOf.get(pid);
      if (!event || row === undefined) return;
      const x = (event.t - scale.start) * scale.pxPerUs;
      const y = row * this.laneHeight - scrollTop + this.laneHeight / 2;
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x, y, 9, 0, Math.PI * 2);
      ctx.stroke();
    };
    ring(state.selection.eventIndex, state.selection.pid, palette.selectRing);
    const hover = this.hover.getState().hover;
    if (hover) ring(hover.hit.eventIndex, hover.hit.pid, palette.hoverRing);
  }
}
