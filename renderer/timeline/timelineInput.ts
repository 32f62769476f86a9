import { panBy, zoomAround, fitWindow, type TimeWindow } from '../model/viewport';
import type { ObraStore } from '../store/obraStore';
import { hitTest } from './hitTest';
import type { HoverStore } from './hoverStore';
import type { TimelineElements, TimelinePainter } from './TimelinePainter';

/** Zoom step of one key press (+ / −). */
const KEY_ZOOM = 0.7;
/** Pixels the pointer must travel before a press becomes a drag. */
const DRAG_THRESHOLD_PX = 3;

/**
 * Wheel, drag, click, hover and keys on the timeline. Wheel zooms around the
 * pointer (shift or a sideways swipe pans); dragging the lanes pans; a click
 * selects the event or process under the pointer, or moves the playhead there;
 * pressing on the axis scrubs the playhead. Returns a function that detaches it all.
 */
export function attachTimelineInput(
  store: ObraStore,
  painter: TimelinePainter,
  hover: HoverStore,
  el: TimelineElements & { keys: HTMLElement; section: HTMLElement },
): () => void {
  const duration = (): number => store.getState().run?.index.lastT ?? 0;
  const timeAt = (clientX: number): number => {
    const scale = painter.scale();
    return scale.start + (clientX - el.lanes.getBoundingClientRect().left) / scale.pxPerUs;
  };
  const setWindow = (w: TimeWindow): void => store.getState().setTimeWindow(w);

  const onWheel = (e: WheelEvent): void => {
    if (!store.getState().run) return;
    e.preventDefault();
    const { timeWindow } = store.getState();
    const usPerPx = 1 / painter.scale().pxPerUs;
    const sideways = e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY);
    const delta = e.deltaMode === 1 ? 16 : 1; // lines → pixels
    if (sideways) setWindow(panBy(timeWindow, (e.shiftKey ? e.deltaY : e.deltaX) * delta * usPerPx, duration()));
    else setWindow(zoomAround(timeWindow, Math.exp(e.deltaY * delta * 0.0015), timeAt(e.clientX), duration()));
  };

  let press: { x: number; y: number; window: TimeWindow; dragging: boolean; id: number } | null = null;
  const onLanesDown = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    press = { x: e.clientX, y: e.clientY, window: store.getState().timeWindow, dragging: false, id: e.pointerId };
    el.lanes.setPointerCapture(e.pointerId);
    el.keys.focus({ preventScroll: true });
  };
  const onLanesMove = (e: PointerEvent): void => {
    if (press && press.id === e.pointerId) {
      const dx = e.clientX - press.x;
      if (!press.dragging && Math.hypot(dx, e.clientY - press.y) < DRAG_THRESHOLD_PX) return;
      press.dragging = true;
      hover.setState({ hover: null });
      const usPerPx = (press.window.end - press.window.start) / Math.max(painter.scale().width, 1);
      setWindow(panBy(press.window, -dx * usPerPx, duration()));
      return;
    }
    updateHover(e);
  };
  const onLanesUp = (e: PointerEvent): void => {
    if (!press || press.id !== e.pointerId) return;
    const wasDrag = press.dragging;
    press = null;
    if (!wasDrag) click(e);
  };

  const hitAt = (e: PointerEvent | MouseEvent) => {
    const state = store.getState();
    const run = state.run;
    if (!run) return null;
    const lane = painter.laneAt(e.clientY - el.lanes.getBoundingClientRect().top);
    if (!lane) return null;
    const t = timeAt(e.clientX);
    const openEnd = run.index.runEnd?.t ?? run.index.lastT;
    const hit = hitTest(run.index, lane, t, 1 / painter.scale().pxPerUs, openEnd);
    return hit ? { hit, t } : null;
  };

  const updateHover = (e: PointerEvent): void => {
    const found = hitAt(e);
    if (!found) {
      if (hover.getState().hover) hover.setState({ hover: null });
      return;
    }
    const box = el.section.getBoundingClientRect();
    hover.setState({ hover: { ...found, x: e.clientX - box.left, y: e.clientY - box.top, flip: e.clientX - box.left > box.width - 380 } });
  };

  const click = (e: PointerEvent): void => {
    const state = store.getState();
    if (!state.run) return;
    const found = hitAt(e);
    if (found?.hit.eventIndex !== null && found?.hit.eventIndex !== undefined) {
      state.selectEvent(found.hit.eventIndex, found.hit.pid);
      return;
    }
    if (found) state.selectProcess(found.hit.pid);
    state.setCursor(timeAt(e.clientX));
  };

  const onLeave = (): void => {
    if (!press) hover.setState({ hover: null });
  };

  let scrubbing = false;
  const onAxisDown = (e: PointerEvent): void => {
    if (e.button !== 0 || !store.getState().run) return;
    scrubbing = true;
    el.axis.setPointerCapture(e.pointerId);
    store.getState().setCursor(timeAt(e.clientX));
  };
  const onAxisMove = (e: PointerEvent): void => {
    if (scrubbing) store.getState().setCursor(timeAt(e.clientX));
  };
  const onAxisUp = (): void => {
    scrubbing = false;
  };

  const onKey = (e: KeyboardEvent): void => {
    const state = store.getState();
    if (!state.run || e.altKey || e.ctrlKey || e.metaKey) return;
    const w = state.timeWindow;
    const span = w.end - w.start;
    const anchor = state.cursor >= w.start && state.cursor <= w.end ? state.cursor : (w.start + w.end) / 2;
    const d = duration();
    const moves: Record<string, () => void> = {
      '+': () => setWindow(zoomAround(w, KEY_ZOOM, anchor, d)),
      '=': () => setWindow(zoomAround(w, KEY_ZOOM, anchor, d)),
      '-': () => setWindow(zoomAround(w, 1 / KEY_ZOOM, anchor, d)),
      _: () => setWindow(zoomAround(w, 1 / KEY_ZOOM, anchor, d)),
      ArrowLeft: () => setWindow(panBy(w, -span * (e.shiftKey ? 0.5 : 0.1), d)),
      ArrowRight: () => setWindow(panBy(w, span * (e.shiftKey ? 0.5 : 0.1), d)),
      Home: () => setWindow({ start: 0, end: span }),
      End: () => setWindow(panBy(w, d, d)),
      f: () => setWindow(fitWindow(d)),
      F: () => setWindow(fitWindow(d)),
      '0': () => setWindow(fitWindow(d)),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    move();
  };

  const listeners: Array<[EventTarget, string, EventListener, AddEventListenerOptions?]> = [
    [el.keys, 'wheel', onWheel as EventListener, { passive: false }],
    [el.axis, 'wheel', onWheel as EventListener, { passive: false }],
    [el.lanes, 'pointerdown', onLanesDown as EventListener],
    [el.lanes, 'pointermove', onLanesMove as EventListener],
    [el.lanes, 'pointerup', onLanesUp as EventListener],
    [el.lanes, 'pointercancel', onLanesUp as EventListener],
    [el.lanes, 'pointerleave', onLeave],
    [el.axis, 'pointerdown', onAxisDown as EventListener],
    [el.axis, 'pointermove', onAxisMove as EventListener],
    [el.axis, 'pointerup', onAxisUp],
    [el.keys, 'keydown', onKey as EventListener],
  ];
  for (const [target, type, fn, opts] of listeners) target.addEventListener(type, fn, opts);
  return () => {
    for (const [target, type, fn] of listeners) target.removeEventListener(type, fn);
  };
}
