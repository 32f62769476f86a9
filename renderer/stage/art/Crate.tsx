/**
 * A crate of output: stdout a dark square crate, stderr a vermillion one with
 * hazard stripes. Its side grows with log₂ of the bytes it carries.
 */
import type { JSX } from 'react';
import { INK, PAPER, STDERR_COLOUR, STDOUT_COLOUR } from './palette';
import { round } from './Figure';

/** Side in px for a chunk of `bytes` at unit 1: 1 B → 9 px, 1 KiB → 19 px, 64 KiB → 26 px, 1 MiB → 30 px. */
export function crateSide(bytes: number, unit = 1): number {
  const l = Math.log2(Math.max(1, bytes));
  return round(Math.min(32, Math.max(9, 8 + 1.1 * l)) * unit);
}

export interface CrateProps {
  /** Centre of the crate. */
  x: number;
  y: number;
  side: number;
  stream: 'stdout' | 'stderr';
  opacity?: number;
  /** No planks: the cheaper crate of a stream. */
  plain?: boolean;
}

export function Crate(p: CrateProps): JSX.Element {
  const h = p.side / 2;
  const stderr = p.stream === 'stderr';
  const fill = stderr ? STDERR_COLOUR : STDOUT_COLOUR;
  const plank = stderr ? '#000' : '#6B767D';
  return (
    <g transform={`translate(${round(p.x)} ${round(p.y)})`} opacity={p.opacity}>
      <rect x={-h} y={-h} width={p.side} height={p.side} rx={Math.min(3, p.side / 8)} fill={fill} stroke={INK} strokeWidth={1.2} />
      {stderr ? (
        <rect x={-h} y={-h} width={p.side} height={p.side} rx={Math.min(3, p.side / 8)} fill="url(#obra-hazard)" />
      ) : (
        p.side >= 14 && !p.plain && (
          <g stroke={plank} strokeWidth={1.2}>
            <line x1={-h + 2} y1={-h / 3} x2={h - 2} y2={-h / 3} />
            <line x1={-h + 2} y1={h / 3} x2={h - 2} y2={h / 3} />
            <line x1={-h + 2} y1={-h + 2} x2={h - 2} y2={h - 2} stroke={PAPER} opacity={0.25} />
          </g>
        )
      )}
    </g>
  );
}
