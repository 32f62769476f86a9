/**
 * The body every person on the site shares, drawn in a 100-unit box with the
 * feet at (0, 0) and the top of the head near (0, -100). What differs is
 * passed in: the shirt colour, a hard hat or hair, what the right hand holds
 * (a hammer that swings by `swing`), what the left hand holds.
 */
import { memo, type JSX, type ReactNode } from 'react';
import { PAPER } from './palette';
import { useStagePalette } from './stageTheme';
import { round } from './round';
import { Clipboard } from './Clipboard';
import { WalkieTalkieInHand } from './WalkieTalkie';
import { SpoolInHand } from './Spool';

/** What the raised left hand holds; a Worker thread's spool takes its process's colour. */
export type LeftHand = 'clipboard' | 'walkie' | 'walkie-active' | { spool: string } | null;

export interface FigureProps {
  shirt: string;
  skin: string;
  /** A hard hat of this colour, or null for a bare head (a process that is not Node). */
  hat: string | null;
  /** Darker outline for light colours (the yellow of execFile). */
  strongOutline?: boolean;
  /** Right arm angle in degrees: 0 at rest, negative raises the hammer. Null: no hammer. */
  swing?: number | null;
  /** A reflective stripe on the shirt (a worker's vest). */
  vest?: boolean;
  /** A short glyph printed on the chest (">_" for a shell). */
  chest?: string;
  /** What the raised left hand holds (the boss's clipboard, fork's walkie-talkie). */
  leftHand?: LeftHand;
}

const HAIR = '#4E342E';

function Hammer(): JSX.Element {
  const c = useStagePalette();
  return (
    <g>
      <line x1={23} y1={-37} x2={31} y2={-61} stroke="#8D6E63" strokeWidth={3.6} strokeLinecap="round" />
      <rect x={23} y={-66} width={15} height={6.5} rx={1.5} fill="#607D8B" stroke={c.outline} strokeWidth={1.2} transform="rotate(18 30.5 -62.5)" />
    </g>
  );
}

function HeldItem(p: { item: LeftHand }): JSX.Element | null {
  if (p.item !== null && typeof p.item === 'object') return <SpoolInHand colour={p.item.spool} />;
  if (p.item === 'clipboard') return <Clipboard />;
  if (p.item === 'walkie' || p.item === 'walkie-active') return <WalkieTalkieInHand active={p.item === 'walkie-active'} />;
  return null;
}

/** Legs, torso and left arm: what does not move. Memoised, so a swinging hammer redraws only the arm. */
const FigureStill = memo(function FigureStill(p: Omit<FigureProps, 'swing' | 'hat'>): JSX.Element {
  const c = useStagePalette();
  const outline = p.strongOutline ? 2.2 : 1.4;
  const armUp = Boolean(p.leftHand);
  return (
    <g>
      <ellipse cx={0} cy={0} rx={21} ry={3.6} fill="#000" opacity={0.14} />
      <rect x={-11} y={-33} width={9} height={30} rx={3} fill={c.trousers} />
      <rect x={2} y={-33} width={9} height={30} rx={3} fill={c.trousers} />
      <rect x={-13.5} y={-6} width={12.5} height={6} rx={2.4} fill={c.boots} />
      <rect x={1} y={-6} width={12.5} height={6} rx={2.4} fill={c.boots} />
      {armUp ? (
        <polyline points="-14,-58 -22,-46 -14,-40" fill="none" stroke={p.shirt} strokeWidth={8} strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <line x1={-14} y1={-58} x2={-21} y2={-38} stroke={p.shirt} strokeWidth={8} strokeLinecap="round" />
      )}
      <rect x={-16} y={-64} width={32} height={36} rx={9} fill={p.shirt} stroke={c.outline} strokeWidth={outline} />
      {p.vest && <rect x={-15.3} y={-47} width={30.6} height={4.2} fill={PAPER} opacity={0.85} />}
      {p.chest && (
        <text x={0} y={-40} textAnchor="middle" fontSize={12} fontWeight={700} fontFamily="ui-monospace, monospace" fill={c.detail} aria-hidden="true">
          {p.chest}
        </text>
      )}
      {armUp ? (
        <circle cx={-13} cy={-40} r={4.3} fill={p.skin} stroke={c.outline} strokeWidth={1} />
      ) : (
        <circle cx={-21.5} cy={-36} r={4.3} fill={p.skin} stroke={c.outline} strokeWidth={1} />
      )}
      <HeldItem item={p.leftHand ?? null} />
    </g>
  );
});

const FigureHead = memo(function FigureHead(p: { skin: string; hat: string | null; strongOutline?: boolean }): JSX.Element {
  const c = useStagePalette();
  const outline = p.strongOutline ? 2.2 : 1.4;
  return (
    <g>
      <circle cx={0} cy={-76} r={12.5} fill={p.skin} stroke={c.outline} strokeWidth={1.4} />
      <circle cx={-4.3} cy={-77} r={1.7} fill={c.detail} />
      <circle cx={4.3} cy={-77} r={1.7} fill={c.detail} />
      <path d="M -4.6 -71.6 Q 0 -67.8 4.6 -71.6" fill="none" stroke={c.detail} strokeWidth={1.5} strokeLinecap="round" />
      {p.hat ? (
        <g>
          <path d="M -14 -80.5 C -14 -96.5 14 -96.5 14 -80.5 Z" fill={p.hat} stroke={c.outline} strokeWidth={outline} />
          <rect x={-18} y={-83} width={36} height={4.6} rx={2.3} fill={p.hat} stroke={c.outline} strokeWidth={outline} />
          <line x1={0} y1={-93.5} x2={0} y2={-83.5} stroke={c.detail} strokeWidth={1.4} opacity={0.35} />
        </g>
      ) : (
        <path d="M -12.8 -78.5 C -13.5 -93 13.5 -93 12.8 -78.5 C 8 -84.5 -8 -84.5 -12.8 -78.5 Z" fill={HAIR} />
      )}
    </g>
  );
});

export function Figure(p: FigureProps): JSX.Element {
  const c = useStagePalette();
  const hammer = p.swing !== null && p.swing !== undefined;
  return (
    <g>
      <FigureStill shirt={p.shirt} skin={p.skin} strongOutline={p.strongOutline} vest={p.vest} chest={p.chest} leftHand={p.leftHand} />
      <g transform={`rotate(${round(p.swing ?? 0)} 14 -58)`}>
        <line x1={14} y1={-58} x2={23} y2={-40} stroke={p.shirt} strokeWidth={8} strokeLinecap="round" />
        {hammer && <Hammer />}
        <circle cx={23.5} cy={-38} r={4.3} fill={p.skin} stroke={c.outline} strokeWidth={1} />
      </g>
      <FigureHead skin={p.skin} hat={p.hat} strongOutline={p.strongOutline} />
    </g>
  );
}

/** Places a 100-unit drawing with its feet at (x, y) and the given height in px. */
export function Placed(p: { x: number; y: number; height: number; children: ReactNode; opacity?: number; filter?: string }): JSX.Element {
  const s = p.height / 100;
  return (
    <g transform={`translate(${round(p.x)} ${round(p.y)}) scale(${round(s, 4)})`} opacity={p.opacity} filter={p.filter}>
      {p.children}
    </g>
  );
}

export { round };
