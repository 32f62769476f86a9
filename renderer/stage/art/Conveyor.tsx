/**
 * A conveyor belt from one point to another (horizontal or vertical). The
 * chevrons on the belt point where it carries, and move with `phase` (0–1,
 * derived from the cursor) while it runs.
 */
import { memo, type JSX } from 'react';
import { useStagePalette } from './stageTheme';
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

/** The belt itself and its direction chevrons: static, memoised per geometry. */
const BeltBody = memo(function BeltBody(p: { len: number; t: number; tint?: string }): JSX.Element {
  const { len, t } = p;
  const spacing = t * 5;
  const chevrons: JSX.Element[] = [];
  for (let x = spacing / 2; x < len - t * 0.6; x += spacing) {
    chevrons.push(<polyline key={round(x)} points={`${round(x - t * 0.3)},${round(-t * 0.28)} ${round(x)},0 ${round(x - t * 0.3)},${round(t * 0.28)}`} />);
  }
  const c = useStagePalette();
  return (
    <g>
      <rect x={-t / 2} y={-t / 2} width={len + t} height={t} rx={t / 2} fill="#4A5A64" stroke={c.outline} strokeWidth={1.2} />
      {p.tint && <rect x={-t / 2} y={t * 0.2} width={len + t} height={t * 0.3} rx={t * 0.15} fill={p.tint} opacity={0.9} />}
      <g fill="none" stroke="#B0BEC5" strokeWidth={Math.max(1.2, t * 0.13)} strokeLinecap="round" strokeLinejoin="round">
        {chevrons}
      </g>
      <circle cx={0} cy={0} r={t * 0.3} fill="#90A4AE" stroke={c.outline} strokeWidth={1} />
      <circle cx={len} cy={0} r={t * 0.3} fill="#90A4AE" stroke={c.outline} strokeWidth={1} />
    </g>
  );
});

export function Conveyor(p: ConveyorProps): JSX.Element {
  const dx = p.to.x - p.from.x;
  const dy = p.to.y - p.from.y;
  const len = round(Math.hypot(dx, dy));
  const angle = (Math.atan2(dy, dx) * 180) / Math.PI;
  const t = p.thickness;
  const dash = t * 1.3;
  return (
    <g transform={`translate(${round(p.from.x)} ${round(p.from.y)}) rotate(${round(angle, 2)})`}>
      <BeltBody len={len} t={t} tint={p.tint} />
      {p.phase !== undefined && (
        // The belt's slats, one dashed line whose offset moves with the cursor: one element per belt per frame.
        <line x1={t * 0.4} y1={t * 0.36} x2={len - t * 0.4} y2={t * 0.36} stroke="#CFD8DC" strokeWidth={Math.max(1, t * 0.12)}
          strokeDasharray={`${round(dash * 0.45)} ${round(dash * 0.55)}`} strokeDashoffset={round(-p.phase * dash * 2, 1)} />
      )}
    </g>
  );
}
