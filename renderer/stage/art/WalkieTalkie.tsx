/**
 * A walkie-talkie: the IPC channel fork opens between parent and child. Radio
 * waves show while a message is going out.
 */
import type { JSX } from 'react';
import { INK, OKABE_ITO } from './palette';
import { useStagePalette } from './stageTheme';

function Waves(): JSX.Element {
  const c = useStagePalette();
  return (
    <g fill="none" stroke={c.outline} strokeWidth={1.6} strokeLinecap="round">
      <path d="M -9 -16 Q -13 -11 -9 -6" />
      <path d="M -13 -19 Q -19 -11 -13 -3" />
    </g>
  );
}

/** Drawn in the units of a 100-unit figure, held in the raised left hand. */
export function WalkieTalkieInHand(p: { active?: boolean }): JSX.Element {
  return (
    <g transform="translate(-12 -38)">
      <WalkieTalkieShape />
      {p.active && <Waves />}
    </g>
  );
}

/** The device itself, 10 × 18 units, bottom centre at (0, 0). */
export function WalkieTalkieShape(): JSX.Element {
  const c = useStagePalette();
  return (
    <g>
      <line x1={3} y1={-16} x2={3} y2={-26} stroke={c.outline} strokeWidth={2} strokeLinecap="round" />
      <rect x={-5} y={-18} width={10} height={18} rx={2.5} fill={OKABE_ITO.reddishPurple} stroke={c.outline} strokeWidth={1.3} />
      <rect x={-3} y={-15} width={6} height={4} rx={1} fill="#F5F5F5" />
      <line x1={-2.5} y1={-7} x2={2.5} y2={-7} stroke={INK} strokeWidth={1} />
      <line x1={-2.5} y1={-4.5} x2={2.5} y2={-4.5} stroke={INK} strokeWidth={1} />
    </g>
  );
}

/** A standalone walkie-talkie of `height` px with its bottom at (x, y). */
export function WalkieTalkie(p: { x: number; y: number; height: number; active?: boolean }): JSX.Element {
  const s = p.height / 26;
  return (
    <g transform={`translate(${p.x} ${p.y}) scale(${s})`}>
      <WalkieTalkieShape />
      {p.active && <g transform="translate(0 0)"><Waves /></g>}
    </g>
  );
}
