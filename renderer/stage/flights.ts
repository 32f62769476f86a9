/**
 * What is in the air at the cursor: crates of output, the buffered bundle an
 * exec hands over at its callback, envelopes of IPC messages. Each gesture
 * flies during [t, t + its duration] of run time, so replay and scrubbing
 * show the same thing as live. A flood (more gestures than STREAM_AT in one
 * flight's time) becomes a stream with a counter, never thousands of crates.
 */
import { arcRoute, beltRoute, pointAt, routeLength, type Anchors, type Route } from './anchors';
import type { Point, StageLayout } from './layout';
import type { WorkerView } from './derive';
import { BOSS_KEY, RECENT_GESTURES, type StageProcess } from './model-types';
import { crateSide } from './art/sizes';
import { BOSS_COLOUR, figureColour } from './art/palette';
import { bytesLabel, formatCount } from './labels';
import type { Lang } from '../../shared/api';

export const CRATE_US = 600_000;
export const HOP_US = 320_000;
export const DELIVERY_US = 900_000;
export const ENVELOPE_US = 500_000;
export const STREAM_PERIOD_US = 400_000;
export const STREAM_AT = 6;
/** Crates and envelopes drawn one by one, at most. */
export const MAX_FLYING = 48;
/** Up to this many flying items, each carries its byte count. */
export const LABEL_FEW = 6;

export interface CrateFlight {
  kind: 'crate';
  id: string;
  /** The worker whose gesture this is. */
  owner: string;
  at: Point;
  side: number;
  stream: 'stdout' | 'stderr';
  opacity: number;
  label: string | null;
  t: number;
}

export interface EnvelopeFlight {
  kind: 'envelope';
  id: string;
  owner: string;
  at: Point;
  width: number;
  colour: string;
  opacity: number;
  label: string | null;
  t: number;
}

export interface StreamFlow {
  kind: 'stream';
  id: string;
  owner: string;
  what: 'output' | 'messages';
  route: Route;
  /** 0–1: how far the stream's pattern has moved (0 and static with reduced motion). */
  phase: number;
  side: number;
  /** Share of stderr in the flood (every n-th crate striped). */
  stderrShare: number;
  colour: string;
  /** The running total (written in the worker's cell where there is room, see WorkerSlot). */
  label: string;
  counted: boolean;
}

export interface FlightsInput {
  workers: readonly WorkerView[];
  /** Anchors by process key ('boss' included); processes without a cell use `fallback`. */
  anchors: ReadonlyMap<string, Anchors>;
  fallback: Anchors;
  layout: StageLayout;
  cursor: number;
  reduced: boolean;
  lang: Lang;
}

export interface Flights {
  items: (CrateFlight | EnvelopeFlight)[];
  streams: StreamFlow[];
}

const ease = (x: number): number => (x < 0.5 ? 2 * x * x : 1 - (-2 * x + 2) ** 2 / 2);

function inWindow<T extends { t: number }>(ring: readonly T[], cursor: number, span: number): T[] {
  return ring.filter((g) => g.t <= cursor && cursor - g.t < span);
}

/** A ring that is full and whose oldest gesture is still in the air: a flood. */
function flooded<T extends { t: number }>(ring: readonly T[], window: readonly T[], cursor: number, span: number): boolean {
  if (window.length > STREAM_AT) return true;
  return ring.length >= RECENT_GESTURES && cursor - ring[0].t < span;
}

function placement(route: Route, progress: number, reduced: boolean, eased: boolean): { at: Point; opacity: number } {
  if (reduced) return { at: route[route.length - 1], opacity: 1 - progress };
  const fade = Math.min(1, progress / 0.08, (1 - progress) / 0.08);
  return { at: pointAt(route, eased ? ease(progress) : progress), opacity: Math.max(0.15, fade) };
}

export function flightsAt(input: FlightsInput): Flights {
  const { layout, cursor, reduced } = input;
  const u = layout.unit;
  const anchorOf = (key: string): Anchors => input.anchors.get(key) ?? input.fallback;
  const items: (CrateFlight | EnvelopeFlight)[] = [];
  const streams: StreamFlow[] = [];
  const phase = reduced ? 0 : (cursor % STREAM_PERIOD_US) / STREAM_PERIOD_US;

  const onBelt = (w: WorkerView): boolean => w.parentKey === BOSS_KEY && anchorOf(w.key).beltY !== null && input.anchors.has(w.key);
  const beltCap = (w: WorkerView, side: number): number => (onBelt(w) ? Math.min(side, 24 * u) : side);
  const toParent = (w: WorkerView, from: Point): Route => {
    const a = anchorOf(w.key);
    if (w.parentKey === BOSS_KEY && a.beltY !== null && input.anchors.has(w.key)) return beltRoute(from, a.beltY, layout);
    return arcRoute(from, anchorOf(w.parentKey).inbox, 46 * u);
  };

  for (const w of input.workers) {
    const p: StageProcess = w.process;
    const a = anchorOf(w.key);
    const span = p.buffered ? HOP_US : CRATE_US;
    const outRoute = p.buffered ? arcRoute(a.hands, a.bin, 22 * u) : toParent(w, onBelt(w) ? a.out : a.hands);
    const window = inWindow(p.output, cursor, span);
    if (flooded(p.output, window, cursor, span)) {
      const bytes = window.reduce((s, g) => s + g.bytes / g.count, 0) / Math.max(1, window.length);
      const stderr = window.filter((g) => g.stream === 'stderr').length / Math.max(1, window.length);
      streams.push({
        kind: 'stream', id: `out:${w.key}`, owner: w.key, what: 'output', route: outRoute, phase, stderrShare: stderr,
        side: beltCap(w, crateSide(bytes, u) * 0.85), colour: '',
        label: streamLabel(p, input.lang),
        // A buffered flood piles into its bin, whose fill says how much.
        counted: !p.buffered,
      });
    } else {
      for (const g of window) {
        const { at, opacity } = placement(outRoute, (cursor - g.t) / span, reduced, p.buffered);
        items.push({
          kind: 'crate', id: `${w.key}:${g.t}:${g.stream}`, owner: w.key, at, opacity, stream: g.stream, t: g.t,
          side: p.buffered ? crateSide(g.bytes / g.count, u) : beltCap(w, crateSide(g.bytes / g.count, u)), label: g.count > 1 ? `×${formatCount(g.count, input.lang)}` : bytesLabel(g.bytes, input.lang),
        });
      }
    }
    if (p.delivery && p.delivery.bytes > 0 && p.delivery.t <= cursor && cursor - p.delivery.t < DELIVERY_US) {
      const { at, opacity } = placement(toParent(w, a.bin), (cursor - p.delivery.t) / DELIVERY_US, reduced, false);
      items.push({
        kind: 'crate', id: `${w.key}:delivery`, owner: w.key, at, opacity, stream: 'stdout', t: p.delivery.t,
        side: beltCap(w, crateSide(p.delivery.bytes, u) * 1.15), label: bytesLabel(p.delivery.bytes, input.lang),
      });
    }
    const messages = inWindow(p.messages, cursor, ENVELOPE_US);
    if (flooded(p.messages, messages, cursor, ENVELOPE_US)) {
      const last = messages[messages.length - 1] ?? p.messages[p.messages.length - 1];
      const route = arcRoute(anchorOf(last.from).radio, anchorOf(last.to).radio, 60 * u);
      const sent = p.toParent.sent + p.fromParent.sent;
      streams.push({
        kind: 'stream', id: `msg:${w.key}`, owner: w.key, what: 'messages', route, phase, stderrShare: 0, side: 24 * u,
        colour: colourOf(input.workers, last.from), label: `✉ ${formatCount(sent, input.lang)}`,
        counted: true,
      });
    } else {
      for (const m of messages) {
        const route = arcRoute(anchorOf(m.from).radio, anchorOf(m.to).radio, 60 * u);
        const { at, opacity } = placement(route, (cursor - m.t) / ENVELOPE_US, reduced, true);
        items.push({
          kind: 'envelope', id: `${w.key}:m:${m.t}:${m.from}`, owner: w.key, at, opacity, t: m.t, width: 26 * u,
          colour: colourOf(input.workers, m.from), label: m.count > 1 ? `×${formatCount(m.count, input.lang)}` : null,
        });
      }
    }
  }

  items.sort((x, y) => y.t - x.t);
  const kept = items.slice(0, MAX_FLYING);
  if (kept.length > LABEL_FEW || layout.detail !== 'full') for (const it of kept) if (!it.label?.startsWith('×') && !it.id.endsWith(':delivery')) it.label = null;
  return { items: kept, streams };
}

function colourOf(workers: readonly WorkerView[], key: string): string {
  if (key === BOSS_KEY) return BOSS_COLOUR;
  const w = workers.find((v) => v.key === key);
  return w ? figureColour(w.kind, w.ownerKind) : BOSS_COLOUR;
}

/** Stream crates' centres spread evenly over the whole route (at least `spacing` apart), moved by the phase. */
export function streamPositions(s: StreamFlow, spacing: number, max = 24): Point[] {
  const len = routeLength(s.route);
  const n = Math.min(max, Math.floor(len / spacing));
  if (len <= 0 || n === 0) return [];
  const out: Point[] = [];
  for (let k = 0; k < n; k++) out.push(pointAt(s.route, (k + s.phase) / n));
  return out;
}

/** A flood's counter, each stream by itself: the chunks its 'data' listener got, as the program counts them. */
function streamLabel(p: StageProcess, lang: Lang): string {
  const out = p.stdout.bytes > 0 || p.stderr.bytes === 0 ? `▪ ${bytesLabel(p.stdout.bytes, lang)} ×${formatCount(p.stdout.chunks, lang)}` : '';
  const err = p.stderr.bytes > 0 ? `▨ ${bytesLabel(p.stderr.bytes, lang)} ×${formatCount(p.stderr.chunks, lang)}` : '';
  return [out, err].filter(Boolean).join(' · ');
}
