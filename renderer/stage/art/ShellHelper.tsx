/**
 * The shell an exec brings along (`/bin/sh -c …`): a small sky-blue helper
 * with a prompt on its chest and no hard hat, standing beside its worker.
 */
import type { JSX } from 'react';
import { Figure, Placed, round } from './Figure';
import { useStagePalette } from './stageTheme';
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

/** The shell's program name (`/bin/sh`) at the helper's feet, left-aligned to it, on a halo: drawn after the figures. */
export function ShellName(p: { x: number; y: number; name: string; fontSize: number }): JSX.Element {
  const c = useStagePalette();
  return (
    <text x={round(p.x)} y={round(p.y + p.fontSize * 0.05)} fontSize={round(p.fontSize)} fontWeight={700}
      fill={c.ink} stroke={c.ground} strokeWidth={round(p.fontSize * 0.25)} paintOrder="stroke" fontFamily="ui-monospace, monospace">
      {p.name}
    </text>
  );
}
