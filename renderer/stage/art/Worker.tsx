/**
 * A worker (obrero) in a hard hat: the colour of the API that hired it, a
 * reflective vest, a hammer that swings while it works. A fork worker holds a
 * walkie-talkie (its IPC channel). The badge with the API's name is drawn by
 * the stage beside the label, so colour never carries the meaning alone.
 */
import type { JSX } from 'react';
import type { WorkerKind } from '../model-types';
import { Figure, Placed } from './Figure';
import { KIND_COLOUR, OKABE_ITO, skinFor } from './palette';

export interface WorkerFigureProps {
  kind: Exclude<WorkerKind, 'os' | 'thread'>;
  pid?: number | null;
  /** Hammer angle in degrees (see Figure); null for no hammer. */
  swing?: number | null;
  /** The walkie-talkie is sending right now. */
  radioActive?: boolean;
}

export function WorkerFigure(p: WorkerFigureProps): JSX.Element {
  const colour = KIND_COLOUR[p.kind];
  return (
    <Figure
      shirt={colour}
      skin={skinFor(p.pid ?? 0)}
      hat={colour}
      strongOutline={colour === OKABE_ITO.yellow}
      vest
      swing={p.swing === undefined ? 0 : p.swing}
      leftHand={p.kind === 'fork' ? (p.radioActive ? 'walkie-active' : 'walkie') : null}
    />
  );
}

export function Worker(p: WorkerFigureProps & { x: number; y: number; height: number }): JSX.Element {
  return (
    <Placed x={p.x} y={p.y} height={p.height}>
      <WorkerFigure {...p} />
    </Placed>
  );
}
