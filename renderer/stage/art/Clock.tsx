/** A clock: the boss is stuck waiting for its own event loop. */
import type { JSX } from 'react';
import { INK, PAPER } from './palette';
import { round } from './Figure';

export function Clock(p: { x: number; y: number; r: number; title?: string }): JSX.Element {
  return (
    <g transform={`translate(${round(p.x)} ${round(p.y)})`}>
      {p.title && <title>{p.title}</title>}
      <circle r={p.r} fill={PAPER} stroke={INK} strokeWidth={Math.max(1.5, p.r * 0.14)} />
      <line x1={0} y1={0} x2={0} y2={-p.r * 0.62} stroke={INK} strokeWidth={Math.max(1.5, p.r * 0.12)} strokeLinecap="round" />
      <line x1={0} y1={0} x2={p.r * 0.45} y2={p.r * 0.2} stroke={INK} strokeWidth={Math.max(1.5, p.r * 0.12)} strokeLinecap="round" />
      <rect x={-p.r * 0.2} y={-p.r * 1.32} width={p.r * 0.4} height={p.r * 0.28} rx={1} fill={INK} />
    </g>
  );
}
