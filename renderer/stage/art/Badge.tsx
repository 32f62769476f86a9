/**
 * A pill with a short name (the API: exec, execFile, spawn, fork): the label
 * that goes with every colour.
 */
import type { JSX } from 'react';
import { useStagePalette } from './stageTheme';
import { round } from './Figure';

/** Width a label of `text` takes at `fontSize` in the system UI font (an estimate). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.64 : 0.56);
}

export function badgeWidth(text: string, fontSize: number): number {
  return textWidth(text, fontSize, true) + fontSize * 0.9;
}

/** A badge with its left end at x and its text baseline at y. */
export function Badge(p: { x: number; y: number; text: string; fill: string; fontSize: number; strongOutline?: boolean }): JSX.Element {
  const c = useStagePalette();
  const surface = c.badge(p.fill);
  const w = badgeWidth(p.text, p.fontSize);
  const h = p.fontSize * 1.3;
  return (
    <g transform={`translate(${round(p.x)} ${round(p.y)})`}>
      <rect x={0} y={round(-h * 0.8)} width={round(w)} height={round(h)} rx={round(h / 2)} fill={surface.fill} stroke={c.outline} strokeWidth={p.strongOutline ? 1.6 : 1} />
      <text x={round(w / 2)} y={0} textAnchor="middle" fontSize={round(p.fontSize)} fontWeight={700} fill={surface.text} fontFamily="system-ui, sans-serif">
        {p.text}
      </text>
    </g>
  );
}
