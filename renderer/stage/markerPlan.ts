/**
 * Where a worker's flag and stop sign stand in its cell: beside the figure,
 * never over it, its shell helper or each other, and never out of the cell.
 * The flag's pole stands just right of the body (right of the shell helper
 * when there is one) with its cloth flying right at head height; the stop
 * sign stands right of the pole — under the cloth when they clear each other,
 * else past it. When the cell is short of room the figure first steps left
 * (as far as its buffer bin allows); then the sign drops its plate, the flag
 * keeps only its ✓ / ✕, and last the octagon shrinks: words that no longer fit
 * go to the label line ("SIGTERM · sleep 30"). Pure: sizes in the stage's pixels.
 */
import type { Cell } from './layout';
import { flagClothWidth, flagLabel } from './art/Flag';
import { signHalfWidth } from './art/StopSign';

export interface MarkerInput {
  cell: Pick<Cell, 'x' | 'w' | 'feet' | 'figureH'>;
  /** A process that is not Node (no hammer, so a narrower figure). */
  os: boolean;
  viaShell: boolean;
  /** The buffer bin stands left of the figure. */
  bin: boolean;
  flag: { ok: boolean; text: string } | null;
  sign: string | null;
  font: number;
  unit: number;
}

export interface MarkerPlan {
  /** Where the figure's feet stand (it may have stepped left of the cell's own spot). */
  feetX: number;
  /** The pole's foot and the cloth's words ('' when only ✓ / ✕ fits). */
  flag: { pole: number; text: string } | null;
  /** The octagon's centre and radius; `plate`: its code on a plate under it, else inside it when it fits there. */
  sign: { x: number; y: number; r: number; plate: boolean } | null;
  /** Words that did not fit on the flag or the sign: said on the label line instead. */
  displaced: string[];
}

/** Extents of the drawings, as shares of the figure's height from its feet (measured from the art). */
const FIGURE_LEFT = 0.29;
const WORKER_RIGHT = 0.43;
const OS_RIGHT = 0.31;
const SHELL_RIGHT = 0.6;
const BIN_LEFT = 0.65;
const POLE = 0.31;
const CLOTH_TOP = 0.98;
const SIGN_CENTRE = 0.42;

interface Try {
  /** The cloth's words, '' for ✓ / ✕ only, null for no flag. */
  flagText: string | null;
  sign: { r: number; plate: boolean } | null;
}

export function markerPlan(m: MarkerInput): MarkerPlan {
  const h = m.cell.figureH;
  const gap = 6 * m.unit;
  const right = m.cell.x + m.cell.w - 4 * m.unit;
  // How far the figure may step left: its leftmost part (the bin, else its arm) to the cell's edge.
  const leftmost = (m.bin ? BIN_LEFT : FIGURE_LEFT) * h;
  const maxStep = Math.max(0, m.cell.feet.x - leftmost - (m.cell.x + 4 * m.unit));
  const fullR = Math.max(14 * m.unit, Math.min(h * 0.19, 28 * m.unit));
  const figureRight = Math.max(m.os ? OS_RIGHT : WORKER_RIGHT, m.viaShell ? SHELL_RIGHT : 0) * h;
  const pole = m.viaShell ? SHELL_RIGHT * h + gap / 2 : POLE * h;

  const halfOf = (s: { r: number; plate: boolean }): number => (s.plate && m.sign ? signHalfWidth(m.sign, s.r, m.font) : s.r);
  /** How high above the feet the octagon's centre stands: its plate (or its own bottom) stays above the ground, off the labels. */
  const centreUp = (s: { r: number; plate: boolean } | null): number => {
    if (!s) return SIGN_CENTRE * h;
    const below = s.plate && m.sign && signHalfWidth(m.sign, s.r, m.font) > s.r ? s.r * 0.85 + m.font * 1.45 : s.r;
    return Math.max(SIGN_CENTRE * h, below + 2 * m.unit);
  };

  /** From the feet: where the sign's left edge stands and where the last marker ends. */
  const arrange = (t: Try): { signFrom: number; end: number } => {
    let end = figureRight;
    let signFrom = figureRight + gap;
    if (m.flag && t.flagText !== null) {
      const clothEnd = pole + flagClothWidth(flagLabel(m.flag.ok, t.flagText), m.font);
      end = Math.max(end, clothEnd);
      // Under the cloth when the sign's top clears its bottom; else past the cloth.
      const clears = centreUp(t.sign) + (t.sign?.r ?? 0) < CLOTH_TOP * h - m.font * 1.5 - gap / 2;
      signFrom = Math.max(signFrom, clears ? pole + gap : clothEnd + gap);
    }
    if (m.sign && t.sign) end = Math.max(end, signFrom + 2 * halfOf(t.sign));
    return { signFrom, end };
  };
  const place = (feetX: number, t: Try): MarkerPlan => {
    const { signFrom } = arrange(t);
    const codeShown = m.sign !== null && t.sign !== null && (t.sign.plate || signHalfWidth(m.sign, t.sign.r, m.font) <= t.sign.r);
    const displaced: string[] = [];
    if (m.sign && !codeShown) displaced.push(m.sign);
    if (m.flag?.text && t.flagText === '' && !displaced.includes(m.flag.text)) displaced.push(m.flag.text);
    return {
      feetX,
      flag: m.flag && t.flagText !== null ? { pole: feetX + pole, text: t.flagText } : null,
      sign: t.sign ? { x: feetX + signFrom + halfOf(t.sign), y: m.cell.feet.y - centreUp(t.sign), r: t.sign.r, plate: t.sign.plate } : null,
      displaced,
    };
  };

  // Most said first: the sign's plate goes before the flag's words (the flag is shown beside a sign only in full cells).
  const flagTexts = m.flag ? [m.flag.text, ''] : [null];
  const signs = m.sign ? [{ r: fullR, plate: true }, { r: fullR, plate: false }] : [null];
  for (const sign of signs) {
    for (const flagText of flagTexts) {
      const need = m.cell.feet.x + arrange({ flagText, sign }).end - right;
      if (need <= maxStep) return place(m.cell.feet.x - Math.max(0, need), { flagText, sign });
    }
  }
  // Not even the octagon at full size: the largest that fits, down to a third of it (else none: its code is on the label line).
  const feetX = m.cell.feet.x - maxStep;
  const flagText = m.flag ? '' : null;
  const room = right - feetX - arrange({ flagText, sign: { r: 0, plate: false } }).signFrom;
  const r = Math.min(fullR, room / 2);
  return place(feetX, { flagText, sign: m.sign && r >= fullR / 3 ? { r, plate: false } : null });
}
