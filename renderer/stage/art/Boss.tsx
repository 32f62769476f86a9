/**
 * The boss (jefe de obra): the largest figure, in blue, with a clipboard.
 * `frozen` greys it out: its event loop is blocked and it cannot react.
 */
import type { JSX } from 'react';
import { Figure, Placed } from './Figure';
import { BOSS_COLOUR, INK, PAPER, skinFor } from './palette';

export function BossFigure(p: { pid?: number | null; frozen?: boolean }): JSX.Element {
  return (
    <g filter={p.frozen ? 'url(#obra-frozen)' : undefined}>
      <Figure shirt={BOSS_COLOUR} skin={skinFor(p.pid ?? 1)} hat={BOSS_COLOUR} leftHand="clipboard" swing={null} />
      {/* the collar of a boss: a white shirt under the jacket */}
      <path d="M -6 -64 L 0 -55 L 6 -64 Z" fill={PAPER} stroke={INK} strokeWidth={1} />
    </g>
  );
}

/** The boss standing with its feet at (x, y), `height` px tall. */
export function Boss(p: { x: number; y: number; height: number; pid?: number | null; frozen?: boolean }): JSX.Element {
  return (
    <Placed x={p.x} y={p.y} height={p.height}>
      <BossFigure pid={p.pid} frozen={p.frozen} />
    </Placed>
  );
}
