/**
 * The flag a worker plants when it exits: green with ✓ 0 for success,
 * vermillion with the exit code or the signal (✕ 1, ✕ SIGTERM) otherwise
 * (both deepened, or lightened on dark ground, for their text's sake).
 */
import type { JSX } from 'react';
import { useStagePalette } from './stageTheme';
import { round } from './Figure';

export function flagText(code: number | null, signal: string | null): string {
  if (signal) return signal;
  return code === null ? '?' : String(code);
}

/** What the cloth says: ✓ or ✕, and the code or signal when there is room for it. */
export function flagLabel(ok: boolean, text: string): string {
  return text ? `${ok ? '✓' : '✕'} ${text}` : ok ? '✓' : '✕';
}

/** How wide the cloth flies for `label` at `fontSize` (generous: DejaVu Sans is wide). */
export function flagClothWidth(label: string, fontSize: number): number {
  return label.length * fontSize * 0.7 + fontSize * 0.9;
}

export interface FlagProps {
  /** Foot of the pole. */
  x: number;
  y: number;
  /** Pole height in px. */
  height: number;
  ok: boolean;
  text: string;
  fontSize: number;
  title?: string;
}

export function Flag(p: FlagProps): JSX.Element {
  const c = useStagePalette();
  const cloth = p.ok ? c.okFlag : c.errorSign;
  const label = flagLabel(p.ok, p.text);
  const clothH = p.fontSize * 1.5;
  const clothW = flagClothWidth(label, p.fontSize);
  return (
    <g transform={`translate(${round(p.x)} ${round(p.y)})`}>
      {p.title && <title>{p.title}</title>}
      <line x1={0} y1={0} x2={0} y2={-p.height} stroke={c.outline} strokeWidth={2.2} strokeLinecap="round" />
      <path
        d={`M 0 ${-p.height} h ${round(clothW)} l ${round(-p.fontSize * 0.5)} ${round(clothH / 2)} l ${round(p.fontSize * 0.5)} ${round(clothH / 2)} h ${round(-clothW)} Z`}
        fill={cloth.fill}
        stroke={c.outline}
        strokeWidth={1.2}
      />
      <text x={p.fontSize * 0.35} y={-p.height + clothH * 0.68} fontSize={round(p.fontSize)} fontWeight={800} fill={cloth.text} fontFamily="system-ui, sans-serif">
        {label}
      </text>
    </g>
  );
}
