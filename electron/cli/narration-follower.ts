/**
 * `obra record ./my-lesson/`: the lesson's narration steps printed as the run
 * reaches them, numbered, with the time of their event and this run's
 * numbers — the lesson told in the terminal. A question step prints its
 * question and choices, then the answer. Told from the log at most every
 * REDRAW_MS (narrate() reads the whole log), and once more at the end.
 */
import type { Lang } from '../../shared/api';
import type { LabEvent } from '../../shared/events';
import { formatValue, narrate, type NarrationLine, type NarrationStep } from '../../shared/narration';

const TELL_EVERY_MS = 100;
const LETTERS = 'ABCDEF';

export class NarrationFollower {
  private readonly told = new Set<number>();
  private lastTold = 0;

  constructor(
    private readonly steps: readonly NarrationStep[],
    private readonly lang: Lang,
    private readonly print: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The log grew: tell the steps it reached, unless told less than TELL_EVERY_MS ago. */
  update(log: readonly LabEvent[]): void {
    if (this.now() - this.lastTold < TELL_EVERY_MS) return;
    this.tell(log, log.reduce((max, e) => Math.max(max, e.t), 0));
  }

  /** The run ended: tell every step it reached that was not told yet. */
  finish(log: readonly LabEvent[]): void {
    this.tell(log, Number.POSITIVE_INFINITY);
  }

  private tell(log: readonly LabEvent[], cursor: number): void {
    this.lastTold = this.now();
    if (this.steps.length === 0) return;
    const fresh = narrate(this.steps, log, cursor, this.lang).filter((l) => l.reached && !this.told.has(l.n));
    fresh.sort((a, b) => (a.t as number) - (b.t as number) || a.n - b.n);
    for (const line of fresh) {
      this.told.add(line.n);
      for (const text of stepText(line, this.lang)) this.print(text);
    }
  }
}

/** A reached step as terminal lines: `3. [1,25 s] …`, a question's choices and answer first. */
export function stepText(line: NarrationLine, lang: Lang): string[] {
  const head = `${line.n}. [${formatValue((line.t ?? 0) / 1e6, lang, 's')} s]`;
  const q = line.question;
  if (!q) return [`${head} ${line.text}`];
  return [
    `${head} ? ${q.text}`,
    ...q.choices.map((c, i) => `     ${LETTERS[i]}) ${c}${i + 1 === q.answer ? '  ✓' : ''}`),
    `     ${line.text}`,
  ];
}
