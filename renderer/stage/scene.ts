/**
 * The whole picture at the cursor, before any drawing: the boss, which
 * workers get a cell (all of them up to what fits; past that, the running
 * ones first), what is in the air, and the sentence that sums it up for
 * assistive technology. Pure, so it can be tested without a DOM.
 */
import { bossAnchors, cellAnchors, type Anchors } from './anchors';
import { bossView, byAppearance, workersInOrder, type BossView, type WorkerView } from './derive';
import { flightsAt, type Flights } from './flights';
import { stageLayout, type Cell, type StageLayout } from './layout';
import { BOSS_KEY, type StageState } from './model-types';
import { workerWaves, type Wave } from './waves';
import { markerPlan, type MarkerPlan } from './markerPlan';
import { flagText } from './art/Flag';
import { STAGE_TEXT } from '../i18n/stageText';
import type { Lang } from '../../shared/api';

export interface PlacedWorker {
  view: WorkerView;
  /** Its cell, with the figure's feet where its markers leave them room. */
  cell: Cell;
  /** Its flag and stop sign, beside the figure. */
  markers: MarkerPlan;
  anchors: Anchors;
  /** A flood's running totals, while it floods ("▪ 9,4 MiB · 2.200 cuotas · ✉ 20.001"). */
  counters?: string;
}

export interface StageScene {
  layout: StageLayout;
  boss: BossView;
  placed: PlacedWorker[];
  /** Workers without a cell, shown as "+N more". */
  hidden: WorkerView[];
  moreCell: Cell | null;
  flights: Flights;
  /** Rows with a conveyor belt: those where output streams to the boss (spawn). */
  beltRows: ReadonlySet<number>;
  summary: string;
  running: number;
  /** The boss's workers by round, when the run hired them in rounds (each band of `layout.rounds`). */
  rounds: Wave[];
}

export interface SceneSize {
  width: number;
  height: number;
  unit: number;
}

function pickVisible(all: WorkerView[], capacity: number): { shown: WorkerView[]; hidden: WorkerView[] } {
  if (all.length <= capacity) return { shown: all, hidden: [] };
  // Running workers first, then the most recent of the rest; slot order stays the order of appearance.
  const rank = (w: WorkerView): number => (w.status === 'running' || w.status === 'starting' ? 0 : 1);
  const chosen = new Set(
    [...all]
      .sort((a, b) => rank(a) - rank(b) || byAppearance(b.process, a.process))
      .slice(0, capacity)
      .map((w) => w.key),
  );
  return { shown: all.filter((w) => chosen.has(w.key)), hidden: all.filter((w) => !chosen.has(w.key)) };
}

/** A row gets a belt when one of its workers streams output to the boss: spawn, or any unbuffered child with output. */
function rowsWithBelts(shown: readonly WorkerView[], layout: StageLayout): Set<number> {
  const rows = new Set<number>();
  shown.forEach((w, i) => {
    const cell = layout.cells[i];
    if (cell.beltY === null || w.parentKey !== BOSS_KEY) return;
    const p = w.process;
    if (w.kind === 'spawn' || (!p.buffered && w.kind !== 'os' && p.stdout.bytes + p.stderr.bytes > 0)) rows.add(cell.row);
  });
  return rows;
}

/** The flag (in a small cell only without a sign: the sign says more) and the stop sign of a worker, placed in its cell. */
function markersOf(view: WorkerView, cell: Cell, layout: StageLayout): MarkerPlan {
  const flag = view.flag && (layout.detail === 'full' || !view.sign) ? view.flag : null;
  return markerPlan({
    cell, os: view.kind === 'os', viaShell: view.viaShell, bin: view.buffer !== null && layout.detail !== 'tiny',
    flag: flag ? { ok: flag.ok, text: flagText(flag.code, flag.signal) } : null,
    sign: view.sign?.short ?? null, font: layout.font.small, unit: layout.unit,
  });
}

export function sceneAt(state: StageState, cursor: number, size: SceneSize, lang: Lang, reduced: boolean): StageScene {
  const all = workersInOrder(state, cursor);
  const rounds = workerWaves(all);
  const layout = stageLayout(size.width, size.height, size.unit, all.length, rounds?.map((r) => r.slots) ?? null);
  const { shown, hidden } = pickVisible(all, layout.capacity);
  const beltRows = rowsWithBelts(shown, layout);
  const placed: PlacedWorker[] = shown.map((view, i) => {
    const markers = markersOf(view, layout.cells[i], layout);
    const cell = markers.feetX === layout.cells[i].feet.x ? layout.cells[i] : { ...layout.cells[i], feet: { ...layout.cells[i].feet, x: markers.feetX } };
    return { view, cell, markers, anchors: cellAnchors(cell, beltRows.has(cell.row)) };
  });
  const moreCell = hidden.length > 0 ? layout.cells[layout.cells.length - 1] : null;
  const anchors = new Map<string, Anchors>([[BOSS_KEY, bossAnchors(layout)]]);
  for (const p of placed) anchors.set(p.view.key, p.anchors);
  const fallback = moreCell ? cellAnchors(moreCell, false) : bossAnchors(layout);
  // Once the run is over everything has landed: nothing stays frozen in the air over the final picture.
  const flights = state.boss.ended ? { items: [], streams: [] } : flightsAt({ workers: all, anchors, fallback, layout, cursor, reduced, lang });
  const placedByKey = new Map(placed.map((w) => [w.view.key, w]));
  for (const s of flights.streams) {
    const p = placedByKey.get(s.owner);
    if (p && s.counted) p.counters = p.counters ? `${p.counters} · ${s.label}` : s.label;
  }
  const running = all.filter((w) => w.status === 'running').length;
  const boss = bossView(state, cursor);
  return {
    layout, boss, placed, hidden, moreCell, flights, running, beltRows, rounds: layout.rounds.length ? (rounds ?? []) : [],
    summary: STAGE_TEXT[lang].summary(boss.pid, all.length, running),
  };
}
