/**
 * The bin where exec and execFile keep a child's output until the callback:
 * filled in proportion to maxBuffer; past it, the rim turns vermillion.
 */
import type { JSX } from 'react';
import { ERROR_COLOUR, PAPER, STDOUT_COLOUR } from './palette';
import { useStagePalette } from './stageTheme';
import { round } from './Figure';

export interface BufferBinProps {
  /** Bottom centre. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** 0–1 of maxBuffer. */
  fill: number;
  title?: string;
}

export function BufferBin(p: BufferBinProps): JSX.Element {
  const c = useStagePalette();
  const full = p.fill >= 1;
  const level = Math.max(p.fill > 0 ? 0.06 : 0, Math.min(1, p.fill)) * (p.height - 3);
  const w = p.width;
  return (
    <g transform={`translate(${round(p.x)} ${round(p.y)})`}>
      {p.title && <title>{p.title}</title>}
      <path d={`M ${-w / 2} ${-p.height} L ${-w * 0.42} 0 L ${w * 0.42} 0 L ${w / 2} ${-p.height} Z`} fill={PAPER} stroke={c.outline} strokeWidth={1.3} />
      {level > 0 && <rect x={-w * 0.42 + 1} y={round(-level - 1)} width={round(w * 0.84 - 2)} height={round(level)} fill={STDOUT_COLOUR} />}
      <line x1={-w / 2 - 2} y1={-p.height} x2={w / 2 + 2} y2={-p.height} stroke={full ? ERROR_COLOUR : c.outline} strokeWidth={full ? 3.5 : 2} strokeLinecap="round" />
    </g>
  );
}
