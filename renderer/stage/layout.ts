/**
 * Where everything stands on the stage, in CSS pixels of the stage's own box
 * (the SVG's viewBox is its pixel size, so a 15 px label is 15 px on screen).
 * `unit` scales every size: 1 at 1366 px wide, more in projector mode.
 * The boss stands at the left; workers fill a grid of cells to the right, each
 * row with a conveyor belt running to the boss; past what fits, the last cell
 * becomes a "+N more" tile.
 */

export type Detail = 'full' | 'small' | 'tiny';

export interface Point {
  x: number;
  y: number;
}

export interface Cell {
  x: number;
  y: number;
  w: number;
  h: number;
  row: number;
  col: number;
  /** Where the worker's feet are. */
  feet: Point;
  /** Height of the worker figure (head to feet). */
  figureH: number;
  /** Baseline of the first label line. */
  labelY: number;
  /** The row's conveyor belt, null when cells are too small for belts. */
  beltY: number | null;
}

export interface BossPlace {
  x: number;
  w: number;
  feet: Point;
  figureH: number;
  labelY: number;
  /** Where crates land (the pile beside the boss). */
  inbox: Point;
  /** Where envelopes are caught (the boss's raised hand). */
  hand: Point;
}

export interface StageLayout {
  width: number;
  height: number;
  unit: number;
  detail: Detail;
  boss: BossPlace;
  /** The vertical belt that gathers the rows' belts to the boss's inbox. */
  collectorX: number;
  cells: Cell[];
  /** Workers that get a cell; when fewer than asked, the last cell is the "+N more" tile. */
  capacity: number;
  overflow: boolean;
  /** The rounds of workers, each starting a row under its own heading; empty when the grid is one. */
  rounds: RoundBand[];
  font: { label: number; small: number; boss: number; sign: number };
}

/** A round's heading: a line across the grid with its name above it, over the round's first row. */
export interface RoundBand {
  x: number;
  w: number;
  /** The heading's baseline; the line runs just under it. */
  y: number;
  /** Its workers' cells: cells[first] onwards, `slots` of them. */
  first: number;
  slots: number;
}

const MIN_CELL: Record<Detail, { w: number; h: number }> = {
  full: { w: 150, h: 180 },
  small: { w: 104, h: 118 },
  tiny: { w: 82, h: 80 },
};
const MAX_CELL = { w: 250, h: 260 };
const LABEL_LINES: Record<Detail, number> = { full: 3, small: 2, tiny: 1 };

function detailFor(w: number, h: number, u: number): Detail | null {
  for (const d of ['full', 'small', 'tiny'] as const) if (w >= MIN_CELL[d].w * u && h >= MIN_CELL[d].h * u) return d;
  return null;
}

/** The grid (cols × rows) that gives n cells the largest size within the area. */
function bestGrid(n: number, areaW: number, areaH: number): { cols: number; rows: number } {
  let best = { cols: 1, rows: n, score: -1 };
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const score = Math.min(areaW / cols, (areaH / rows) * 0.95);
    if (score > best.score + 0.5) best = { cols, rows, score };
  }
  return best;
}

/** A cell of the grid, with its figure and label lines placed for the detail. */
function cellAt(x: number, y: number, cw: number, ch: number, row: number, col: number, detail: Detail, u: number, font: StageLayout['font']): Cell {
  const lineGap = font.label * 1.15;
  // From the bottom up: the belt, room for crates (and, in full detail, their labels), the label lines, the figure.
  const beltY = detail === 'tiny' ? null : y + ch - 10 * u;
  const lastLine = beltY === null ? y + ch - 6 * u : beltY - (detail === 'full' ? 32 : 15) * u;
  const labelY = lastLine - (LABEL_LINES[detail] - 1) * lineGap;
  const feetY = labelY - font.label - 4 * u;
  const figureH = Math.max(26 * u, Math.min(feetY - y - 10 * u, cw * 0.62, 130 * u));
  return { x, y, w: cw, h: ch, row, col, feet: { x: x + cw * 0.42, y: feetY }, figureH, labelY, beltY };
}

/**
 * Rounds of workers (their slot counts, in order), each under its heading: side by side in
 * one row, or each from a new row with as many columns as make the cells largest — whichever
 * gives larger cells — or null when neither fits.
 */
function roundsGrid(rounds: readonly number[], areaX: number, areaW: number, areaH: number, top0: number, u: number, font: StageLayout['font']) {
  const band = font.small * 1.6;
  const total = rounds.reduce((a, b) => a + b, 0);
  // cols 0 stands for side by side: one row of every slot, one band of headings over it.
  let best: { cols: number; cw: number; ch: number; detail: Detail; score: number } | null = null;
  for (let cols = 0; cols <= Math.max(...rounds); cols++) {
    const sideBySide = cols === 0;
    const rows = sideBySide ? 1 : rounds.reduce((n, slots) => n + Math.ceil(slots / cols), 0);
    const cw = Math.min(MAX_CELL.w * u, areaW / (sideBySide ? total : cols));
    const ch = Math.min(MAX_CELL.h * u, (areaH - (sideBySide ? 1 : rounds.length) * band) / rows);
    const detail = detailFor(cw, ch, u);
    const score = Math.min(cw, ch * 0.95);
    if (detail && (!best || score > best.score + 0.5)) best = { cols, cw, ch, detail, score };
  }
  if (!best) return null;
  const { cols, cw, ch, detail } = best;
  const cells: Cell[] = [];
  const bands: RoundBand[] = [];
  if (cols === 0) {
    const top = top0 + Math.max(0, (areaH - band - ch) / 2);
    for (const slots of rounds) {
      bands.push({ x: areaX + cells.length * cw, w: slots * cw, y: top + band * 0.7, first: cells.length, slots });
      for (let i = 0; i < slots; i++) cells.push(cellAt(areaX + cells.length * cw, top + band, cw, ch, 0, cells.length, detail, u, font));
    }
    return { cells, bands, detail };
  }
  const height = rounds.reduce((h, slots) => h + band + Math.ceil(slots / cols) * ch, 0);
  let y = top0 + Math.max(0, (areaH - height) / 2);
  let row = 0;
  for (const slots of rounds) {
    bands.push({ x: areaX, w: Math.min(cols, slots) * cw, y: y + band * 0.7, first: cells.length, slots });
    y += band;
    for (let i = 0; i < slots; i++) {
      if (i > 0 && i % cols === 0) {
        y += ch;
        row++;
      }
      cells.push(cellAt(areaX + (i % cols) * cw, y, cw, ch, row, i % cols, detail, u, font));
    }
    y += ch;
    row++;
  }
  return { cells, bands, detail };
}

/**
 * Where everything stands for `workers` workers; `rounds` (slot counts that add up to
 * `workers`, see waves.ts) start each round on a row of its own, when they fit.
 */
export function stageLayout(width: number, height: number, unit: number, workers: number, rounds: readonly number[] | null = null): StageLayout {
  const u = unit;
  const font = { label: 16 * u, small: 14 * u, boss: 19 * u, sign: 13 * u };
  const bossW = Math.min(300 * u, Math.max(200 * u, width * 0.22));
  const pad = 10 * u;
  const areaX = bossW + 28 * u;
  const areaW = Math.max(MIN_CELL.tiny.w * u, width - areaX - pad);
  const areaH = Math.max(MIN_CELL.tiny.h * u, height - 2 * pad);

  const grouped = rounds && rounds.length >= 2 ? roundsGrid(rounds, areaX, areaW, areaH, pad, u, font) : null;
  let detail: Detail;
  let cells: Cell[];
  let n = Math.max(1, workers);
  let overflow = false;
  if (grouped) {
    ({ cells, detail } = grouped);
  } else {
    let { cols, rows } = bestGrid(n, areaW, areaH);
    let cw = Math.min(MAX_CELL.w * u, areaW / cols);
    let ch = Math.min(MAX_CELL.h * u, areaH / rows);
    const fits = detailFor(cw, ch, u);
    detail = fits ?? 'tiny';
    if (!fits) {
      cols = Math.max(1, Math.floor(areaW / (MIN_CELL.tiny.w * u)));
      rows = Math.max(1, Math.floor(areaH / (MIN_CELL.tiny.h * u)));
      n = cols * rows;
      cw = areaW / cols;
      ch = areaH / rows;
      overflow = workers > n;
    }
    const top = pad + Math.max(0, (areaH - rows * ch) / 2);
    cells = [];
    for (let i = 0; i < Math.min(n, cols * rows); i++) {
      const row = Math.floor(i / cols);
      const col = i % cols;
      cells.push(cellAt(areaX + col * cw, top + row * ch, cw, ch, row, col, detail, u, font));
    }
  }

  const fullFigureH = Math.min(height * 0.5, 210 * u, bossW * 0.9);
  // Under the boss: its name, its script and up to two lines of figures.
  const bossFeetY = Math.min(height - pad - font.boss * 1.3 - font.small * 3.8, height / 2 + fullFigureH / 2);
  // A short stage (a projector's 720 lines): the figure shrinks to stand whole between the top and its labels.
  const bossFigureH = Math.max(0, Math.min(fullFigureH, bossFeetY - pad));
  const bossFeet = { x: bossW * 0.42, y: bossFeetY };
  return {
    width, height, unit: u, detail, font, cells, overflow,
    capacity: overflow ? n - 1 : cells.length,
    rounds: grouped ? grouped.bands : [],
    collectorX: bossW + 12 * u,
    boss: {
      x: 0, w: bossW, feet: bossFeet, figureH: bossFigureH,
      labelY: bossFeetY + font.boss + 6 * u,
      inbox: { x: bossW - 34 * u, y: bossFeetY - 8 * u },
      hand: { x: bossFeet.x + bossFigureH * 0.3, y: bossFeetY - bossFigureH * 0.62 },
    },
  };
}
