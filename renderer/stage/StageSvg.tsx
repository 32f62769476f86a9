/**
 * The drawing of one moment: ground, belts, the boss, each worker in its cell,
 * "+N more", and what is in the air. Its viewBox is the stage's pixel size,
 * so sizes in the layout are CSS pixels. A group of buttons for assistive
 * technology, summed up in its label ("Boss 1234 and 3 workers, 2 running").
 */
import { useState, type JSX } from 'react';
import type { StageState } from './model-types';
import type { StageBox } from './hooks';
import { sceneAt } from './scene';
import { STREAM_PERIOD_US } from './flights';
import { ArtDefs } from './art/ArtDefs';
import { Belts } from './Belts';
import { BossPost } from './BossPost';
import { WorkerSlot } from './WorkerSlot';
import { MoreTile } from './MoreTile';
import { RoundHeadings } from './RoundHeadings';
import { FlightLayer } from './FlightLayer';
import { STAGE_PALETTES, StagePaletteContext, type StageTheme } from './art/stageTheme';
import type { LoopQueueIndex } from './loopQueue';
import { BossQueue, WorkerQueues } from './BossQueue';
import type { Lang } from '../../shared/api';

export interface StageSvgProps {
  state: StageState;
  cursor: number;
  box: StageBox;
  lang: Lang;
  reduced: boolean;
  selectedPid: number | null;
  onSelectPid?: (pid: number) => void;
  /** Light (the default: exports, slides) or dark ground and ink. */
  theme?: StageTheme;
  /** The log's callbacks, indexed: the boss's queue of callbacks (absent: not drawn). */
  loop?: LoopQueueIndex;
}

export function StageSvg(p: StageSvgProps): JSX.Element {
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const scene = sceneAt(p.state, p.cursor, p.box, p.lang, p.reduced);
  const { layout } = scene;
  const activeRows = new Set<number>();
  const rowOf = new Map(scene.placed.map((w) => [w.view.key, w.cell.row]));
  for (const s of scene.flights.streams) if (s.what === 'output') addRow(activeRows, rowOf, s.owner);
  for (const it of scene.flights.items) if (it.kind === 'crate') addRow(activeRows, rowOf, it.owner);
  const phase = p.reduced ? 0 : (p.cursor % STREAM_PERIOD_US) / STREAM_PERIOD_US;
  const colours = STAGE_PALETTES[p.theme ?? 'light'];
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width="100%"
      height="100%"
      preserveAspectRatio="xMinYMin meet"
      role="group"
      aria-label={scene.summary}
      data-running={scene.running}
      data-stage-theme={colours.theme}
      fontFamily="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
      style={{ display: 'block' }}
    >
      <title>{scene.summary}</title>
      <ArtDefs />
      <StagePaletteContext.Provider value={colours}>
        <rect x={0} y={0} width={layout.width} height={layout.height} fill={colours.ground} />
        <rect x={0} y={0} width={layout.boss.w} height={layout.height} fill={colours.office} />
        <Belts layout={layout} placed={scene.placed} activeRows={activeRows} phase={phase} />
        <RoundHeadings layout={layout} rounds={scene.rounds} lang={p.lang} />
        <BossPost view={scene.boss} boss={p.state.boss} layout={layout} lang={p.lang}
          selected={p.selectedPid !== null && p.selectedPid === scene.boss.pid} focused={focusKey === 'boss'}
          onSelect={p.onSelectPid} onFocusKey={setFocusKey} />
        {scene.placed.map((w) => (
          <WorkerSlot key={w.view.key} placed={w} layout={layout} lang={p.lang} cursor={p.cursor} reduced={p.reduced}
            selected={p.selectedPid !== null && w.view.pid === p.selectedPid} focused={focusKey === w.view.key}
            onSelect={p.onSelectPid} onFocusKey={setFocusKey} />
        ))}
        {p.loop && <BossQueue loop={p.loop} scene={scene} cursor={p.cursor} lang={p.lang} />}
        {p.loop && <WorkerQueues loop={p.loop} scene={scene} cursor={p.cursor} lang={p.lang} />}
        {scene.moreCell && <MoreTile cell={scene.moreCell} hidden={scene.hidden} layout={layout} lang={p.lang} />}
        <FlightLayer flights={scene.flights} unit={layout.unit} font={layout.font.small} />
      </StagePaletteContext.Provider>
    </svg>
  );
}

function addRow(rows: Set<number>, rowOf: ReadonlyMap<string, number>, key: string): void {
  const row = rowOf.get(key);
  if (row !== undefined) rows.add(row);
}
