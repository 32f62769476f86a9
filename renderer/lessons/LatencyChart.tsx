/**
 * The latency panel (the `blocking` lesson declares it): how long each /fast request took while /heavy
 * ran, in the boss's own process (inline) and in a forked worker, side by
 * side. The inline answers wait ~1 s, the forked ones a few ms, so the y-axis
 * is logarithmic (and says so). Each series has its colour (Okabe–Ito), its
 * own fill pattern, a legend and a number on every bar: never colour alone.
 * Only what the boss had printed by the cursor is drawn.
 */
import { useId, useMemo } from 'react';
import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { formatValue } from '../../shared/narration';
import { latencySeries, logAxis, type Variant } from './latencySeries';
import { MESSAGES } from '../i18n';

export interface LatencyChartProps {
  /** A run of the lesson that declares this panel (renderer/lessons/lessonPanels.tsx). */
  log: readonly LabEvent[];
  version: number;
  cursor: number;
  lang: Lang;
  /**
   * Projector size: the same plot in a smaller coordinate space, so its text
   * is ≥ 24 px on the caption bar; the legend as HTML beside it, requests by number.
   */
  large?: boolean;
}

const VARIANTS: Variant[] = ['inline', 'fork'];
const DESK = { W: 360, H: 132, TOP: 24 };
const PROJECTOR = { W: 240, H: 84, TOP: 10 };
const LEFT = 46;
const RIGHT = 6;
const BOTTOM = 18;
const LEGEND_STEP = 150;

export function LatencyChart({ log, version, cursor, lang, large = false }: LatencyChartProps) {
  const { W, H, TOP } = large ? PROJECTOR : DESK;
  const series = useMemo(() => latencySeries(log, cursor), [log, version, cursor]);
  const uid = useId().replace(/[^\w-]/g, '');
  const shown = VARIANTS.filter((v) => series[v]);
  if (shown.length === 0) return null;
  const text = MESSAGES[lang].lesson.latency;
  const ms = (v: number) => formatValue(v, lang);
  const axis = logAxis(shown.flatMap((v) => series[v]?.fastMs ?? []));
  const groups = Math.max(...shown.map((v) => series[v]?.fastMs.length ?? 0));
  const plotH = H - TOP - BOTTOM;
  const y = (v: number) => TOP + plotH * (1 - axis.at(v));
  const slot = (W - LEFT - RIGHT) / groups;
  const bar = Math.min(34, slot * 0.36);
  const fill = (v: Variant) => `url(#${uid}-${v})`;
  const label = `${text.title} (${text.scale}). ${VARIANTS.map(
    (v) => `${text.series[v]}: ${series[v] ? `${series[v].fastMs.map(ms).join(' · ')} ms` : '…'}`,
  ).join('; ')}.`;

  return (
    <figure className={`latency-chart${large ? ' is-large' : ''}`} data-series={shown.join(' ')}>
      <figcaption className="latency-title">
        <strong>{text.title}</strong> <span className="latency-scale">({text.scale})</span>
        {large && (
          <span className="latency-legend-list">
            {VARIANTS.map((v) => (
              <span key={v} className={`latency-legend-item${series[v] ? '' : ' is-pending'}`}>
                <svg viewBox="0 0 12 12" aria-hidden="true">
                  <rect className={`latency-bar is-${v}`} width="11" height="11" fill={fill(v)} />
                </svg>
                {text.series[v]}
              </span>
            ))}
          </span>
        )}
      </figcaption>
      <svg className="latency-plot" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <defs>
          <pattern id={`${uid}-inline`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect className="latency-fill-inline" width="6" height="6" />
          </pattern>
          <pattern id={`${uid}-fork`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect className="latency-fill-fork" width="6" height="6" />
            <rect className="latency-hatch" width="2.2" height="6" />
          </pattern>
        </defs>
        {!large && VARIANTS.map((v, k) => (
          <g key={v} className={`latency-legend${series[v] ? '' : ' is-pending'}`} transform={`translate(${LEFT + k * LEGEND_STEP} 2)`}>
            <rect className={`latency-bar is-${v}`} width="11" height="11" fill={fill(v)} />
            <text x="15" y="9.5">
              {text.series[v]}
            </text>
          </g>
        ))}
        {axis.ticks.map((tick) => (
          <g key={tick} className="latency-tick">
            <line x1={LEFT} x2={W - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 4} y={y(tick)} dy="0.35em" textAnchor="end">
              {ms(tick)}
            </text>
          </g>
        ))}
        {!large && (
          <text className="latency-unit" x={LEFT - 4} y="11" textAnchor="end">
            ms
          </text>
        )}
        {Array.from({ length: groups }, (_, i) => {
          const mid = LEFT + slot * (i + 0.5);
          return (
            <g key={i}>
              {VARIANTS.map((v, k) => {
                const value = series[v]?.fastMs[i];
                if (value === undefined) return null;
                const x = mid + (k === 0 ? -bar - 1 : 1);
                return (
                  <g key={v}>
                    <rect className={`latency-bar is-${v}`} data-variant={v} x={x} y={y(value)} width={bar} height={TOP + plotH - y(value)} fill={fill(v)}>
                      <title>{`${text.series[v]}: ${ms(value)} ms`}</title>
                    </rect>
                    <text className="latency-value" x={x + bar / 2} y={y(value) - 3} textAnchor="middle">
                      {ms(value)}
                    </text>
                  </g>
                );
              })}
              <text className="latency-request" x={mid} y={H - 5} textAnchor="middle">
                {large ? String(i + 1) : `${text.request} ${i + 1}`}
              </text>
            </g>
          );
        })}
        <line className="latency-axis" x1={LEFT} x2={W - RIGHT} y1={TOP + plotH} y2={TOP + plotH} />
      </svg>
    </figure>
  );
}
