/**
 * A Worker thread: a figure in its process's colour (hard hat and shirt), no
 * vest, holding a spool whose thread runs back towards its process. The badge
 * "Worker" and its name (t1) beside it say the rest: colour is never alone.
 */
import type { JSX } from 'react';
import { Figure, Placed } from './Figure';
import { OKABE_ITO, skinFor } from './palette';

export interface ThreadFigureProps {
  /** Its process's colour. */
  colour: string;
  pid?: number | null;
  thread?: number;
  swing?: number | null;
}

/** One held-item value per colour: the figure's still parts are memoised on it. */
const SPOOLS = new Map<string, { spool: string }>();
function spool(colour: string): { spool: string } {
  let item = SPOOLS.get(colour);
  if (!item) SPOOLS.set(colour, (item = { spool: colour }));
  return item;
}

export function ThreadFigureBody(p: ThreadFigureProps): JSX.Element {
  return (
    <Figure
      shirt={p.colour}
      skin={skinFor((p.pid ?? 0) + (p.thread ?? 0))}
      hat={p.colour}
      strongOutline={p.colour === OKABE_ITO.yellow}
      swing={p.swing === undefined ? 0 : p.swing}
      leftHand={spool(p.colour)}
    />
  );
}

export function ThreadFigure(p: ThreadFigureProps & { x: number; y: number; height: number }): JSX.Element {
  return (
    <Placed x={p.x} y={p.y} height={p.height}>
      <ThreadFigureBody {...p} />
    </Placed>
  );
}
