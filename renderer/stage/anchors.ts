/**
 * The points things travel between: where a worker puts its crates down,
 * where its buffer bin stands, where its walkie-talkie is; the boss's pile
 * and raised hand. And the routes between them: along a row's conveyor belt
 * and the collector to the boss, or in an arc through the air.
 */
import type { Cell, Point, StageLayout } from './layout';

export interface Anchors {
  /** Where a crate starts (on the row's belt under the worker, or at its hands). */
  out: Point;
  /** The worker's hands. */
  hands: Point;
  /** exec/execFile buffer bin (its centre). */
  bin: Point;
  /** Where envelopes leave and arrive. */
  radio: Point;
  /** Where things for this process land (its pile or its hands). */
  inbox: Point;
  /** The row belt's height, when crates ride a belt. */
  beltY: number | null;
}

/** A cell's anchors; `belt` says whether its row has a belt running to the boss. */
export function cellAnchors(cell: Cell, belt = cell.beltY !== null): Anchors {
  const h = cell.figureH;
  const { x, y } = cell.feet;
  const hands = { x: x - h * 0.12, y: y - h * 0.4 };
  const beltY = belt ? cell.beltY : null;
  return {
    out: beltY !== null ? { x: x - h * 0.1, y: beltY } : hands,
    hands,
    bin: { x: x - h * 0.48, y: y - h * 0.14 },
    radio: { x: x - h * 0.14, y: y - h * 0.62 },
    inbox: { x: x + h * 0.05, y: y - h * 0.45 },
    beltY,
  };
}

export function bossAnchors(layout: StageLayout): Anchors {
  const b = layout.boss;
  return { out: b.inbox, hands: b.hand, bin: b.inbox, radio: b.hand, inbox: b.inbox, beltY: null };
}

/** A route as a polyline; `pointAt` walks it by fraction of its length. */
export type Route = Point[];

export function arcRoute(from: Point, to: Point, lift: number): Route {
  const mid = { x: (from.x + to.x) / 2, y: Math.min(from.y, to.y) - lift };
  const pts: Point[] = [];
  for (let i = 0; i <= 12; i++) {
    const t = i / 12;
    const a = (1 - t) * (1 - t);
    const b = 2 * (1 - t) * t;
    const c = t * t;
    pts.push({ x: a * from.x + b * mid.x + c * to.x, y: a * from.y + b * mid.y + c * to.y });
  }
  return pts;
}

/** Along the worker's row belt to the collector, down (or up) the collector, to the boss's pile. */
export function beltRoute(from: Point, beltY: number, layout: StageLayout): Route {
  const cx = layout.collectorX;
  const inbox = layout.boss.inbox;
  return [{ x: from.x, y: beltY }, { x: cx, y: beltY }, { x: cx, y: inbox.y }, inbox];
}

export function routeLength(route: Route): number {
  let len = 0;
  for (let i = 1; i < route.length; i++) len += Math.hypot(route[i].x - route[i - 1].x, route[i].y - route[i - 1].y);
  return len;
}

export function pointAt(route: Route, fraction: number): Point {
  const total = routeLength(route);
  let left = Math.min(1, Math.max(0, fraction)) * total;
  for (let i = 1; i < route.length; i++) {
    const a = route[i - 1];
    const b = route[i];
    const seg = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= seg && seg > 0) return { x: a.x + ((b.x - a.x) * left) / seg, y: a.y + ((b.y - a.y) * left) / seg };
    left -= seg;
  }
  return route[route.length - 1];
}
