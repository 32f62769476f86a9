/**
 * Everything in the air, drawn over the site: crates, envelopes, and floods
 * as streams of evenly spaced crates (or envelopes) with a counter.
 */
import type { JSX } from 'react';
import type { Flights, StreamFlow } from './flights';
import { streamPositions } from './flights';
import { Crate } from './art/Crate';
import { Envelope } from './art/Envelope';
import { useStagePalette } from './art/stageTheme';
import { round } from './art/Figure';

function Halo(p: { x: number; y: number; size: number; text: string; anchor?: 'start' | 'middle' }): JSX.Element {
  const c = useStagePalette();
  return (
    <text x={round(p.x)} y={round(p.y)} textAnchor={p.anchor ?? 'middle'} fontSize={round(p.size)} fontWeight={700} fill={c.ink}
      stroke={c.halo} strokeWidth={round(p.size * 0.28)} strokeLinejoin="round" paintOrder="stroke">
      {p.text}
    </text>
  );
}

function Stream(p: { s: StreamFlow; unit: number }): JSX.Element {
  const { s, unit: u } = p;
  const envelopes = s.what === 'messages';
  const spacing = envelopes ? Math.max(s.side * 2.4, 44 * u) : Math.max(s.side * 1.7, 26 * u);
  const at = streamPositions(s, spacing, envelopes ? 6 : 12);
  const every = s.stderrShare > 0 ? Math.max(1, Math.round(1 / s.stderrShare)) : 0;
  return (
    <g data-stream={s.what}>
      {at.map((pt, i) =>
        envelopes ? (
          <Envelope key={i} x={pt.x} y={pt.y} width={s.side} colour={s.colour} />
        ) : (
          <Crate key={i} x={pt.x} y={pt.y} side={s.side} stream={every && i % every === 0 ? 'stderr' : 'stdout'} plain />
        ),
      )}
    </g>
  );
}

export function FlightLayer(p: { flights: Flights; unit: number; font: number }): JSX.Element {
  const u = p.unit;
  return (
    <g aria-hidden="true" pointerEvents="none">
      {p.flights.streams.map((s) => (
        <Stream key={s.id} s={s} unit={u} />
      ))}
      {p.flights.items.map((it) =>
        it.kind === 'crate' ? (
          <g key={it.id} opacity={round(it.opacity, 2)}>
            <Crate x={it.at.x} y={it.at.y} side={it.side} stream={it.stream} />
            {it.label && <Halo x={it.at.x} y={it.at.y - it.side / 2 - 5 * u} size={p.font} text={it.label} />}
          </g>
        ) : (
          <g key={it.id} opacity={round(it.opacity, 2)}>
            <Envelope x={it.at.x} y={it.at.y} width={it.width} colour={it.colour} />
            {it.label && <Halo x={it.at.x} y={it.at.y - it.width * 0.45 - 5 * u} size={p.font} text={it.label} />}
          </g>
        ),
      )}
    </g>
  );
}
