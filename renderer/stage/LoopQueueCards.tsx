/**
 * A Node process's queue of callbacks as cards (loopQueue.ts): the one its loop runs now on
 * top, solid, with how long it has run; below it, dashed, the timers that were due and the
 * messages not yet delivered, each with how long it has waited. Each card carries its kind's
 * colour band and letter (never colour alone) and its label.
 */
import type { JSX } from 'react';
import { formatDuration } from '../i18n/format';
import { TASK_MESSAGES } from '../i18n/taskMessages';
import { TASK_FILL, TASK_LETTER, TASK_OUTLINE } from '../timeline/taskPalette';
import { useStagePalette } from './art/stageTheme';
import type { Lang } from '../../shared/api';
import { formatCount, shortText } from './labels';
import type { LoopQueue, QueueCard } from './loopQueue';

export interface QueueArea {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LoopQueueCardsProps {
  queue: LoopQueue;
  area: QueueArea;
  /** Whose queue: "the boss", "worker 1234". */
  owner: string;
  font: number;
  unit: number;
  lang: Lang;
  /** Whose queue it is, written above the cards (a worker's cell has no room: its name is under its figure). */
  titled?: boolean;
}

export function LoopQueueCards(p: LoopQueueCardsProps): JSX.Element | null {
  const c = useStagePalette();
  const m = TASK_MESSAGES[p.lang];
  const u = p.unit;
  const gap = 5 * u;
  const titled = p.titled ?? true;
  const titleH = titled ? p.font * 1.4 : 0;
  // Two lines a card where three fit; else one line each (a cell, the boss's column among workers).
  const fullH = p.font * 2.6;
  const compact = (p.area.h - titleH) / (fullH + gap) < 3;
  const cardH = compact ? p.font * 1.6 : fullH;
  const room = Math.floor((p.area.h - titleH + gap) / (cardH + gap));
  if (room < 1 || p.area.w < 80 * u) return null;
  const cards: QueueCard[] = [...(p.queue.running ? [p.queue.running] : []), ...p.queue.waiting];
  const shown = cards.slice(0, room);
  const more = cards.length - shown.length;
  const label = m.queue.label(p.owner);
  const summary = `${label}: ${cards.length === 0 ? '—' : cards.map((card) => cardText(card, p.lang)).join('; ')}`;
  const moreText = more > 0 ? m.queue.more(formatCount(more, p.lang)) : '';
  // Room for the title beside "+N more", counting characters generously: bold text is wide.
  const titleChars = Math.floor((p.area.w - (moreText ? moreText.length * p.font * 0.62 + 10 * u : 0)) / (p.font * 0.62));
  return (
    <g role={shown.length > 0 ? 'list' : 'group'} aria-label={label} data-loop-queue={p.owner} data-running={p.queue.running ? 1 : 0} data-waiting={p.queue.waiting.reduce((n, w) => n + w.count, 0)}>
      <title>{summary}</title>
      {titled && (
        <text x={p.area.x} y={p.area.y + p.font} fontSize={p.font} fontWeight={700} fill={c.ink}>
          {shortText(label, titleChars)}
        </text>
      )}
      {more > 0 && titled && (
        <text x={p.area.x + p.area.w} y={p.area.y + p.font} textAnchor="end" fontSize={p.font} fontWeight={700} fill={c.inkSoft}>
          {moreText}
        </text>
      )}
      {shown.map((card, i) => (
        <Card key={card.key} card={card} x={p.area.x} y={p.area.y + titleH + i * (cardH + gap)} w={p.area.w} h={cardH} font={p.font} unit={u} lang={p.lang} compact={compact} />
      ))}
    </g>
  );
}

function Card(p: { card: QueueCard; x: number; y: number; w: number; h: number; font: number; unit: number; lang: Lang; compact: boolean }): JSX.Element {
  const c = useStagePalette();
  const { card, font, unit: u } = p;
  const band = Math.max(18 * u, font * 1.3);
  const running = card.state === 'running';
  const maxChars = Math.floor((p.w - band - 12 * u) / (font * 0.56));
  const title = cardTitle(card, p.lang);
  const state = cardState(card, p.lang);
  return (
    <g role="listitem" aria-label={cardText(card, p.lang)} data-card-state={card.state} data-card-kind={card.kind}>
      <rect x={p.x} y={p.y} width={p.w} height={p.h} rx={5 * u} fill={c.tile}
        stroke={running ? c.ink : TASK_OUTLINE[c.theme][card.kind]} strokeWidth={(running ? 2.5 : 1.5) * u}
        strokeDasharray={running ? undefined : `${5 * u} ${3 * u}`} />
      <rect x={p.x + 1.5 * u} y={p.y + 1.5 * u} width={band} height={p.h - 3 * u} rx={4 * u} fill={TASK_FILL[card.kind]} />
      <circle cx={p.x + 1.5 * u + band / 2} cy={p.y + p.h / 2} r={font * 0.66} fill={c.tile} />
      <text x={p.x + 1.5 * u + band / 2} y={p.y + p.h / 2 + font * 0.35} textAnchor="middle" fontSize={font} fontWeight={800} fill={c.ink}>
        {TASK_LETTER[card.kind]}
      </text>
      {p.compact ? (
        <text x={p.x + band + 8 * u} y={p.y + p.h / 2 + font * 0.35} fontSize={font} fontWeight={running ? 800 : 600} fill={c.ink}>
          {shortText(`${title} · ${state}`, maxChars)}
        </text>
      ) : (
        <>
          <text x={p.x + band + 8 * u} y={p.y + font * 1.1} fontSize={font} fontWeight={running ? 800 : 600} fill={c.ink}>
            {shortText(title, maxChars)}
          </text>
          {/* Not smaller than the stage's smallest text (projector mode: 26 px). */}
          <text x={p.x + band + 8 * u} y={p.y + font * 2.25} fontSize={Math.max(font * 0.9, 14 * u)} fill={c.inkSoft}>
            {shortText(state, maxChars + 4)}
          </text>
        </>
      )}
    </g>
  );
}

function cardTitle(card: QueueCard, lang: Lang): string {
  const m = TASK_MESSAGES[lang];
  if (card.count > 1) return `${m.kind[card.kind]} ×${formatCount(card.count, lang)}`;
  if (card.label === 'main' && card.kind === 'other') return m.main;
  return card.label ?? m.kind[card.kind];
}

function cardState(card: QueueCard, lang: Lang): string {
  const m = TASK_MESSAGES[lang];
  const word = card.state === 'running' ? m.queue.running : m.queue.waiting;
  return card.kind === 'ipc' && card.index === null ? word : `${word} · ${formatDuration(card.for, lang)}`;
}

function cardText(card: QueueCard, lang: Lang): string {
  return `${cardTitle(card, lang)}, ${cardState(card, lang)}`;
}
