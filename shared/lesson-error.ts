/**
 * The one error a lesson that does not read gives: ERR_OBRA_BAD_LESSON, with
 * the file, the step (1-based, in narration.json) and the field it is about,
 * so a teacher can go straight to the line to fix. The renderer, the CLI and
 * the tests all show the same message.
 */
export const BAD_LESSON = 'ERR_OBRA_BAD_LESSON';

export interface LessonErrorPlace {
  /** The file, as the reader named it (`my-lesson/narration.json`). */
  file: string;
  /** The step of narration.json, 1-based. */
  step?: number;
  /** The field, by dot path (`on.type`, `text.en`, `question.choices`). */
  field?: string;
}

export class LessonError extends Error implements LessonErrorPlace {
  readonly code = BAD_LESSON;
  readonly file: string;
  readonly step?: number;
  readonly field?: string;

  constructor(place: LessonErrorPlace, problem: string) {
    super(`${placeText(place)}: ${problem}`);
    this.name = 'LessonError';
    this.file = place.file;
    if (place.step !== undefined) this.step = place.step;
    if (place.field !== undefined) this.field = place.field;
  }
}

/** `lesson/narration.json, step 3, "on.type"`. */
export function placeText({ file, step, field }: LessonErrorPlace): string {
  return [file, step !== undefined ? `step ${step}` : null, field !== undefined ? `"${field}"` : null].filter(Boolean).join(', ');
}
