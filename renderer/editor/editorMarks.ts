/**
 * What the editor marks: the line behind the event at the playhead (and the
 * lesson step told there), and a file's syntax error at its line and column
 * with Node's words under it. One state field, set by one effect, so marks
 * move with every file shown and never outlive the file they belong to.
 */
import { type EditorState, type Range, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, WidgetType } from '@codemirror/view';

export interface EditorMarks {
  /** 1-based line of the event at the playhead, or null. */
  focus: number | null;
  /** A syntax error: its line, column (1-based, or null) and the sentence telling it. */
  error: { line: number; column: number | null; text: string } | null;
}

export const setMarks = StateEffect.define<EditorMarks>();

export const marksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes);
    for (const effect of tr.effects) if (effect.is(setMarks)) next = decorations(tr.state, effect.value);
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

function decorations(state: EditorState, marks: EditorMarks): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  const lines = state.doc.lines;
  if (marks.focus !== null && marks.focus >= 1 && marks.focus <= lines) {
    const line = state.doc.line(marks.focus);
    // The class and data-line are what the tests (and the projector's theme) look for, as with the panel before.
    ranges.push(Decoration.line({ class: 'code-line is-focus', attributes: { 'data-line': String(marks.focus), 'aria-current': 'true' } }).range(line.from));
  }
  if (marks.error && marks.error.line >= 1 && marks.error.line <= lines) {
    const line = state.doc.line(marks.error.line);
    ranges.push(Decoration.line({ class: 'code-line is-error', attributes: { 'data-line': String(marks.error.line) } }).range(line.from));
    if (marks.error.column !== null && line.length > 0) {
      const at = line.from + Math.min(marks.error.column - 1, line.length - 1);
      ranges.push(Decoration.mark({ class: 'cm-syntax-error-at' }).range(at, at + 1));
    }
    ranges.push(Decoration.widget({ widget: new ErrorNote(marks.error.text), block: true, side: 1 }).range(line.to));
  }
  return Decoration.set(ranges, true);
}

/** Node's words under the line that does not parse. */
class ErrorNote extends WidgetType {
  constructor(readonly text: string) {
    super();
  }

  override eq(other: ErrorNote): boolean {
    return other.text === this.text;
  }

  override toDOM(): HTMLElement {
    const note = document.createElement('div');
    note.className = 'cm-syntax-error-note';
    note.textContent = this.text;
    return note;
  }
}
