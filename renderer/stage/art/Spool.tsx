/**
 * A spool of thread: what a Worker thread holds. Its thread runs from the
 * spool down to the ground and away to the left, towards the process it is
 * part of — a thread is a strand of its process, not a process of its own.
 */
import type { JSX } from 'react';
import { useStagePalette } from './stageTheme';

/** Drawn in the units of a 100-unit figure, held in the raised left hand. */
export function SpoolInHand(p: { colour: string }): JSX.Element {
  const c = useStagePalette();
  return (
    <g>
      <path d="M -15 -34 C -20 -18 -30 -4 -52 -1" fill="none" stroke={c.outline} strokeWidth={1.8} strokeDasharray="4 3" strokeLinecap="round" />
      <g transform="translate(-13 -40)">
        <rect x={-6} y={-9} width={12} height={3} rx={1} fill="#8D6E63" stroke={c.outline} strokeWidth={1} />
        <rect x={-4.5} y={-6} width={9} height={9} fill={p.colour} stroke={c.outline} strokeWidth={1} />
        <line x1={-4.5} y1={-3} x2={4.5} y2={-3} stroke={c.outline} strokeWidth={0.8} opacity={0.6} />
        <line x1={-4.5} y1={0} x2={4.5} y2={0} stroke={c.outline} strokeWidth={0.8} opacity={0.6} />
        <rect x={-6} y={3} width={12} height={3} rx={1} fill="#8D6E63" stroke={c.outline} strokeWidth={1} />
      </g>
    </g>
  );
}
