/**
 * The shell an exec brings along (`/bin/sh -c …`): a small sky-blue helper
 * with a prompt on its chest and no hard hat, standing beside its worker.
 */
import type { JSX } from 'react';
import { Figure, Placed } from './Figure';
import { SHELL_COLOUR, skinFor } from './palette';

export function ShellHelperFigure(p: { pid?: number | null }): JSX.Element {
  return <Figure shirt={SHELL_COLOUR} skin={skinFor((p.pid ?? 0) + 1)} hat={null} chest=">_" swing={null} />;
}

/** The helper with its feet at (x, y), `height` px tall (about 0.6 of its worker). */
export function ShellHelper(p: { x: number; y: number; height: number; pid?: number | null }): JSX.Element {
  return (
    <Placed x={p.x} y={p.y} height={p.height}>
      <ShellHelperFigure pid={p.pid} />
    </Placed>
  );
}
