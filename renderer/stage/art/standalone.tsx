/**
 * The stage's artwork as standalone SVG files (assets/art/*.svg) for the docs,
 * slides and the app icon: drawn by the same components the stage uses, so
 * the files never drift from the stage. `art-files.test.tsx` checks them and
 * rewrites them with OBRA_WRITE_ART=1.
 */
import type { JSX, ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ArtDefs } from './ArtDefs';
import { BossFigure } from './Boss';
import { WorkerFigure } from './Worker';
import { ShellHelperFigure } from './ShellHelper';
import { OsFigureBody } from './OsFigure';
import { Crate } from './Crate';
import { Envelope } from './Envelope';
import { StopSign } from './StopSign';
import { Flag } from './Flag';
import { Conveyor } from './Conveyor';
import { WalkieTalkieShape } from './WalkieTalkie';
import { Clock } from './Clock';
import { BOSS_COLOUR, INK, OKABE_ITO } from './palette';

interface ArtFile {
  viewBox: string;
  title: string;
  body: ReactNode;
}

const NODE_GREEN = '#5FA04E';

function Icon(): JSX.Element {
  // A hexagon in Node's green (its logo's shape) wearing a hard hat.
  const hex = Array.from({ length: 6 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 3;
    return `${(128 + 116 * Math.cos(a)).toFixed(1)},${(128 + 116 * Math.sin(a)).toFixed(1)}`;
  }).join(' ');
  return (
    <g>
      <polygon points={hex} fill={NODE_GREEN} stroke={INK} strokeWidth={6} strokeLinejoin="round" />
      <path d="M 62 142 C 62 66 194 66 194 142 Z" fill={OKABE_ITO.yellow} stroke={INK} strokeWidth={7} strokeLinejoin="round" />
      <path d="M 128 92 L 128 140" stroke={INK} strokeWidth={6} opacity={0.35} strokeLinecap="round" />
      <rect x={42} y={136} width={172} height={24} rx={12} fill={OKABE_ITO.yellow} stroke={INK} strokeWidth={7} />
      <circle cx={104} cy={184} r={8} fill={INK} />
      <circle cx={152} cy={184} r={8} fill={INK} />
      <path d="M 106 204 Q 128 220 150 204" fill="none" stroke={INK} strokeWidth={7} strokeLinecap="round" />
    </g>
  );
}

export const ART_FILES: Record<string, ArtFile> = {
  'icon.svg': { viewBox: '0 0 256 256', title: 'Obra', body: <Icon /> },
  'boss.svg': { viewBox: '-42 -104 84 110', title: 'Boss (jefe de obra)', body: <BossFigure pid={1} /> },
  'worker.svg': { viewBox: '-34 -104 84 110', title: 'Worker (spawn)', body: <WorkerFigure kind="spawn" pid={2} /> },
  'worker-exec.svg': {
    viewBox: '-34 -104 124 110',
    title: 'Worker (exec) with its shell',
    body: (
      <g>
        <WorkerFigure kind="exec" pid={3} />
        <g transform="translate(56 0) scale(0.62)">
          <ShellHelperFigure pid={3} />
        </g>
      </g>
    ),
  },
  'worker-execfile.svg': { viewBox: '-34 -104 84 110', title: 'Worker (execFile)', body: <WorkerFigure kind="execFile" pid={4} /> },
  'worker-fork.svg': { viewBox: '-40 -104 90 110', title: 'Worker (fork) with a walkie-talkie', body: <WorkerFigure kind="fork" pid={5} radioActive /> },
  'shell-helper.svg': { viewBox: '-34 -104 68 110', title: 'Shell', body: <ShellHelperFigure pid={6} /> },
  'os-process.svg': { viewBox: '-34 -104 68 110', title: 'OS process (not Node)', body: <OsFigureBody pid={7} /> },
  'crate-stdout.svg': { viewBox: '-20 -20 40 40', title: 'stdout crate', body: <Crate x={0} y={0} side={36} stream="stdout" /> },
  'crate-stderr.svg': { viewBox: '-20 -20 40 40', title: 'stderr crate', body: <Crate x={0} y={0} side={36} stream="stderr" /> },
  'envelope.svg': { viewBox: '-22 -16 44 32', title: 'IPC message', body: <Envelope x={0} y={0} width={40} colour={BOSS_COLOUR} /> },
  'stop-sign.svg': {
    viewBox: '-48 -48 96 142',
    title: 'Error',
    body: <StopSign x={0} y={0} r={46} code="ENOENT" fontSize={15} groundY={92} />,
  },
  'flag-ok.svg': { viewBox: '-4 -84 70 88', title: 'Exit code 0', body: <Flag x={0} y={0} height={80} ok text="0" fontSize={16} /> },
  'flag-error.svg': {
    viewBox: '-4 -84 124 88',
    title: 'Killed by a signal',
    body: <Flag x={0} y={0} height={80} ok={false} text="SIGTERM" fontSize={16} />,
  },
  'conveyor.svg': {
    viewBox: '-10 -12 220 24',
    title: 'Conveyor belt',
    body: <Conveyor from={{ x: 200, y: 0 }} to={{ x: 0, y: 0 }} thickness={16} phase={0.3} />,
  },
  'walkie-talkie.svg': {
    viewBox: '-22 -30 34 34',
    title: 'IPC channel',
    body: (
      <g>
        <WalkieTalkieShape />
        <path d="M -9 -16 Q -13 -11 -9 -6 M -13 -19 Q -19 -11 -13 -3" fill="none" stroke={INK} strokeWidth={1.6} strokeLinecap="round" />
      </g>
    ),
  },
  'clock.svg': { viewBox: '-22 -26 44 48', title: 'Blocked event loop', body: <Clock x={0} y={0} r={18} /> },
};

/** One file's text: an SVG document with its own definitions and title. */
export function artFileText(name: string): string {
  const f = ART_FILES[name];
  const markup = renderToStaticMarkup(
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={f.viewBox} role="img" aria-label={f.title}
      fontFamily="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">
      <title>{f.title}</title>
      <ArtDefs />
      {f.body}
    </svg>,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Obra artwork: generated from renderer/stage/art (OBRA_WRITE_ART=1 npx vitest run renderer/stage/art) -->\n${markup}\n`;
}
