/**
 * A process that is not Node (`find`, `sleep`, a `/bin/sh` seen on its own):
 * a plain grey figure without a hard hat. Only OS sampling sees it.
 */
import type { JSX } from 'react';
import { Figure, Placed } from './Figure';
import { GREY, skinFor } from './palette';

export function OsFigureBody(p: { pid?: number | null; swing?: number | null }): JSX.Element {
  return <Figure shirt={GREY} skin={skinFor(p.pid ?? 0)} hat={null} swing={p.swing ?? null} />;
}

export function OsFigure(p: { x: number; y: number; height: number; pid?: number | null; swing?: number | null }): JSX.Element {
  return (
    <Placed x={p.x} y={p.y} height={p.height}>
      <OsFigureBody pid={p.pid} swing={p.swing} />
    </Placed>
  );
}
