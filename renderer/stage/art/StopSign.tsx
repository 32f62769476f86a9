/**
 * The stop sign an error raises: a vermillion octagon on a post, with the
 * error's code (EACCES, ENOENT, MAXBUFFER, SIGTERM) in white (dark on a
 * light sign in the dark theme): the sign's colour is deepened so the code
 * reads at 7:1.
 */
import type { JSX } from 'react';
import { useStagePalette } from './stageTheme';
import { round } from './Figure';

function octagon(r: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 8; i++) {
    const a = Math.PI / 8 + (i * Math.PI) / 4;
    pts.push(`${round(r * Math.cos(a), 2)},${round(r * Math.sin(a), 2)}`);
  }
  return pts.join(' ');
}

export interface StopSignProps {
  /** Centre of the octagon. */
  x: number;
  y: number;
  r: number;
  code: string;
  /** Text size of the code. Codes that do not fit inside at this size hang on a plate below. */
  fontSize: number;
  /** Where the post ends (the ground), below the sign; omit for no post. */
  groundY?: number;
  /** A code that does not fit inside hangs on a plate below (the default); false: the octagon alone, with its bar. */
  plate?: boolean;
  title?: string;
}

/** Width of the code's text in a bold system font (generous: DejaVu Sans is wide). */
function codeWidth(code: string, font: number): number {
  return code.length * font * 0.72;
}

/** How far the sign reaches left and right of its centre. */
export function signHalfWidth(code: string, r: number, fontSize: number): number {
  return codeWidth(code, fontSize) <= r * 1.55 ? r : Math.max(r, codeWidth(code, fontSize) / 2 + fontSize * 0.5);
}

export function StopSign(p: StopSignProps): JSX.Element {
  const c = useStagePalette();
  const { fill, text } = c.errorSign;
  const inside = codeWidth(p.code, p.fontSize) <= p.r * 1.55;
  const plateW = codeWidth(p.code, p.fontSize) + p.fontSize;
  const plateH = p.fontSize * 1.45;
  const plateY = p.r * 0.85;
  return (
    <g transform={`translate(${round(p.x)} ${round(p.y)})`}>
      {p.title && <title>{p.title}</title>}
      {p.groundY !== undefined && <rect x={-p.r * 0.1} y={0} width={p.r * 0.2} height={Math.max(0, p.groundY - p.y)} fill="#78909C" />}
      <polygon points={octagon(p.r)} fill={fill} stroke={c.outline} strokeWidth={1.3} />
      <polygon points={octagon(p.r * 0.84)} fill="none" stroke={text} strokeWidth={Math.max(1.5, p.r * 0.08)} />
      {inside ? (
        <text x={0} y={p.fontSize * 0.36} textAnchor="middle" fontSize={round(p.fontSize)} fontWeight={800} fill={text} fontFamily="system-ui, sans-serif">
          {p.code}
        </text>
      ) : (
        <g>
          <rect x={-p.r * 0.5} y={-p.r * 0.13} width={p.r} height={p.r * 0.26} rx={p.r * 0.06} fill={text} />
          {p.plate !== false && (
            <>
              <rect x={round(-plateW / 2)} y={round(plateY)} width={round(plateW)} height={round(plateH)} rx={3} fill={fill} stroke={c.outline} strokeWidth={1.2} />
              <text x={0} y={round(plateY + plateH * 0.72)} textAnchor="middle" fontSize={round(p.fontSize)} fontWeight={800} fill={text} fontFamily="system-ui, sans-serif">
                {p.code}
              </text>
            </>
          )}
        </g>
      )}
    </g>
  );
}
