/**
 * An IPC message: an envelope in the colour of its sender. A coalesced run of
 * messages carries its count.
 */
import type { JSX } from 'react';
import { PAPER } from './palette';
import { useStagePalette } from './stageTheme';
import { round } from './Figure';

export function Envelope(p: { x: number; y: number; width: number; colour: string; opacity?: number }): JSX.Element {
  const c = useStagePalette();
  const w = p.width;
  const h = w * 0.66;
  return (
    <g transform={`translate(${round(p.x)} ${round(p.y)})`} opacity={p.opacity}>
      <rect x={-w / 2} y={-h / 2} width={w} height={h} rx={w * 0.08} fill={p.colour} stroke={c.outline} strokeWidth={1.3} />
      <polyline
        points={`${-w / 2 + 1},${-h / 2 + 1} 0,${h * 0.12} ${w / 2 - 1},${-h / 2 + 1}`}
        fill="none"
        stroke={PAPER}
        strokeWidth={Math.max(1.2, w * 0.07)}
        strokeLinejoin="round"
      />
    </g>
  );
}
