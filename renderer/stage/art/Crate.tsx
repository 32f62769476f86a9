/**
 * A crate of output: stdout a dark square crate, stderr a vermillion one with
 * hazard stripes. Its side grows with log₂ of the bytes it carries.
 */
import type { JSX } from 'react';
import { PAPER, STDERR_COLOUR, STDOUT_COLOUR } from './palette';
import { useStagePalette } from './stageTheme';
import { round } from './Figure';


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
  const c = useStagePalette();
  const h = p.side / 2;
  const stderr = p.stream === 'stderr';
  const fill = stderr ? STDERR_COLOUR : STDOUT_COLOUR;
  const plank = stderr ? '#000' : '#6B767D';
  return (
    <g transform={`translate(${round(p.x)} ${round(p.y)})`} opacity={p.opacity}>
      <rect x={-h} y={-h} width={p.side} height={p.side} rx={Math.min(3, p.side / 8)} fill={fill} stroke={c.outline} strokeWidth={1.2} />
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
