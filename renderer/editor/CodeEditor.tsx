/**
 * One CodeMirror 6 editor for the files of a demo or script: JavaScript
 * highlighting, line numbers, undo (per file), search and replace (Ctrl+F),
 * an editable region with the role textbox named after its file. Read-only
 * while a run or a replay plays; the line of the event at the playhead is
 * marked and kept in view.
 *
 * The editor lives in a shadow root: CodeMirror styles itself with style
 * sheets it builds at run time, which a document would need as inline
 * <style> elements (refused by the page's CSP, style-src 'self'); in a shadow
 * root they are constructed style sheets (adoptedStyleSheets), which CSP does
 * not govern, so the CSP stays as strict as it was.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Annotation, Compartment, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { type EditorMarks, marksField, setMarks } from './editorMarks';
import { codeHighlight, editorTheme } from './editorTheme';

export interface CodeEditorProps {
  /** The file shown: names the textbox. */
  path: string;
  /** Whose file (the demo or script and the path): each keeps its own undo history. */
  docKey: string;
  text: string;
  readOnly: boolean;
  marks: EditorMarks;
  /** CodeMirror's own words in the reader's language (search panel, announcements). */
  phrases: Record<string, string>;
  onChange(path: string, text: string): void;
}

/** A change that came from outside (a reset, the code of a run being shown): not the reader's typing. */
const fromOutside = Annotation.define<boolean>();
const SCRIPT = /\.(c|m)?js$/i;
/** Typed texts kept waiting for their echo: far more than the keys a render can fall behind. */
const MAX_UNECHOED = 64;

export function CodeEditor({ path, docKey, text, readOnly, marks, phrases, onChange }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  /** Each file's editor state (text, selection, undo history), kept while the panel lives. */
  const states = useRef(new Map<string, EditorState>());
  const shownKey = useRef<string | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  /** The texts typed here and handed to onChange since the last one that came back as `text`, oldest first. */
  const typed = useRef<string[]>([]);
  const settings = useRef({ readOnly: new Compartment(), phrases: new Compartment() });

  // Made in the commit, before the effects below run.
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const editor = new EditorView({ root, parent: root });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
      shownKey.current = null;
    };
  }, []);

  // The file, its settings and its marks reach the editor after the frame is drawn, not in the
  // commit: CodeMirror reads the page's selection as it updates, and Chromium lays the whole page
  // out to answer — in the commit that is the stage's new layout too (a 30-50 ms task as a run
  // starts and its workers come in); after the frame, it is the editor's own change alone.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const { readOnly: ro, phrases: words } = settings.current;
    if (shownKey.current !== docKey) {
      if (shownKey.current !== null) states.current.set(shownKey.current, editor.state);
      const kept = states.current.get(docKey);
      editor.setState(
        kept ??
          EditorState.create({
            doc: text,
            extensions: [
              basics(path),
              ro.of(EditorState.readOnly.of(readOnly)),
              words.of(EditorState.phrases.of(phrases)),
              // tabindex: focusable by Tab as an editable region already is, said out loud for checkers that look for it (axe's scrollable-region-focusable).
              EditorView.contentAttributes.of({ 'aria-label': path, tabindex: '0' }),
              EditorView.updateListener.of((update) => {
                if (!update.docChanged || update.transactions.some((tr) => tr.annotation(fromOutside))) return;
                const now = update.state.doc.toString();
                typed.current.push(now);
                if (typed.current.length > MAX_UNECHOED) typed.current.shift();
                changed.current(path, now);
              }),
            ],
          }),
      );
      shownKey.current = docKey;
      typed.current = [];
    }
    const current = editor.state.doc.toString();
    // The reader's own typing coming back as `text` (a render behind the keys) is never put back over
    // what was typed since; any other text is the file's from outside (a reset, the code of a run).
    const echo = typed.current.indexOf(text);
    if (echo >= 0) typed.current.splice(0, echo + 1);
    const outside = echo < 0 && text !== current;
    if (outside) typed.current = [];
    editor.dispatch({
      ...(!outside ? {} : { changes: { from: 0, to: current.length, insert: text }, annotations: [fromOutside.of(true)] }),
      effects: [ro.reconfigure(EditorState.readOnly.of(readOnly)), words.reconfigure(EditorState.phrases.of(phrases)), setMarks.of(marks)],
    });
  }, [path, docKey, text, readOnly, phrases, marks]);

  // Follow the playhead (or the syntax error) to its line.
  const line = marks.error?.line ?? marks.focus;
  useEffect(() => {
    const editor = view.current;
    if (!editor || line === null || line < 1 || line > editor.state.doc.lines) return;
    editor.dispatch({ effects: EditorView.scrollIntoView(editor.state.doc.line(line).from, { y: 'center' }) });
  }, [line, docKey]);

  return <div className="code-editor" ref={host} data-file={path} />;
}

function basics(path: string): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    bracketMatching(),
    highlightSelectionMatches(),
    search({ top: true }),
    EditorView.lineWrapping,
    // Tab is left to the page (moving focus), as WCAG asks of an editable region; Escape then Tab also leaves.
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap]),
    ...(SCRIPT.test(path) ? [javascript(), syntaxHighlighting(codeHighlight)] : []),
    marksField,
    editorTheme,
  ];
}
