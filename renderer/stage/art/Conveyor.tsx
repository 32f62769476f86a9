/**
 * A conveyor belt from one point to another (horizontal or vertical). The
 * chevrons on the belt point where it carries, and move with `phase` (0–1,
 * derived from the cursor) while it runs.
 */
import type { JSX } from 'react';
import { INK } from './palette';
import { round } from './Figure';

export interface ConveyorProps {
  from: { x: number; y: number };
  to: { x: number; y: number };
  thickness: number;
  /** Belt motion 0–1; omit for a belt at rest. */
  phase?: number;
  /** Tint of the belt's side (spawn's green where a spawn worker feeds it). */
  tint?: string;
}

export function Conveyor(p: ConveyorProps): JSX.Element {
  const dx = p.to.x - p.from.x;
  const dy = p.to.y - p.from.y;
  const len = Math.hypot(dx, dy);
  const angle = (Math.atan2(dy, dx) * 180) / Math.PI;
  const t = p.thickness;
  const spacing = t * 2.6;
  const offset = (p.phase ?? 0) * spacing;
  const chevrons: JSX.Element[] = [];
  for (let x = offset; x < len - t * 0.6; x += spacing) {
    if (x < t * 0.4) continue;
    chevrons.push(<polyline key={round(x)} points={`${round(x - t * 0.3)},${round(-t * 0.28)} ${round(x)},0 ${round(x - t * 0.3)},${round(t * 0.28)}`} />);
  }
  return (
    <g transform={`translate(${round(p.from.x)} ${round(p.from.y)}) rotate(${round(angle, 2)})`}>
      <rect x={-t / 2} y={-t / 2} width={len + t} height={t} rx={t / 2} fill="#4A5A64" stroke={INK} strokeWidth={1.2} />
      {p.tint && <rect x={-t / 2} y={t * 0.2} width={len + t} height={t * 0.3} rx={t * 0.15} fill={p.tint} opacity={0.9} />}
      <g fill="none" stroke="#B0BEC5" strokeWidth={Math.max(1.2, t * 0.13)} strokeLinecap="round" strokeLinejoin="round">
        {chevrons}
      </g>
      <circle cx={0} cy={0} r={t * 0.3} fill="#90A4AE" stroke={INK} strokeWidth={1} />
      <circle cx={len} cy={0} r={t * 0.3} fill="#90A4AE" stroke={INK} strokeWidth={1} />
    </g>
  );
}
