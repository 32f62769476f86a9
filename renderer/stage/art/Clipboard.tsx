/** The boss's clipboard, in the units of a 100-unit figure, held in the raised left hand. */
import type { JSX } from 'react';
import { BOSS_COLOUR, INK, PAPER } from './palette';

export function Clipboard(): JSX.Element {
  return (
    <g>
      <rect x={-31} y={-58} width={21} height={27} rx={2.5} fill="#A1887F" stroke={INK} strokeWidth={1.3} />
      <rect x={-28.5} y={-53.5} width={16} height={20} fill={PAPER} />
      <line x1={-26.5} y1={-48.5} x2={-15} y2={-48.5} stroke="#90A4AE" strokeWidth={1.4} />
      <line x1={-26.5} y1={-44} x2={-15} y2={-44} stroke="#90A4AE" strokeWidth={1.4} />
      <line x1={-26.5} y1={-39.5} x2={-19} y2={-39.5} stroke="#90A4AE" strokeWidth={1.4} />
      <path d="M -26 -44.5 l 2 2 l 4 -5" fill="none" stroke={BOSS_COLOUR} strokeWidth={1.6} strokeLinecap="round" />
      <rect x={-24.5} y={-60.5} width={8} height={4.5} rx={1.2} fill="#90A4AE" stroke={INK} strokeWidth={1} />
    </g>
  );
}
