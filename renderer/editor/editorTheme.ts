/**
 * The editor's look, in the app's theme: every colour is a CSS custom
 * property set outside the editor (lessons.css, light and dark), which the
 * editor's shadow root inherits; the size is the panel's, so projector mode
 * enlarges it as it does every text. Token colours keep 4.5:1 on the panel.
 */
import { HighlightStyle } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

const MONO = "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace";

export const editorTheme = EditorView.theme({
  '&': { height: '100%', fontSize: 'inherit', color: 'var(--ink)', backgroundColor: 'var(--panel)' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: MONO, lineHeight: '1.45' },
  '.cm-content': { caretColor: 'var(--ink)', padding: '6px 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--ink)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--code-selection)' },
  '.cm-gutters': { backgroundColor: 'var(--panel)', color: 'var(--code-line-number)', border: 'none' },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 0.8em 0 0.4em', minWidth: '2.4em' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--ink)', fontWeight: '600' },
  // The line behind the event at the playhead: a tinted band and a bar in exec's orange, as before.
  '.code-line.is-focus': { backgroundColor: 'var(--code-focus)', boxShadow: 'inset 4px 0 0 var(--exec)' },
  '.code-line.is-error': { backgroundColor: 'var(--code-error)', boxShadow: 'inset 4px 0 0 var(--vermillion)' },
  '.cm-syntax-error-at': { textDecoration: 'underline wavy var(--vermillion)', textDecorationThickness: '2px' },
  // No margin: CodeMirror measures a block widget by its box, and a margin would shift the line numbers below it.
  '.cm-syntax-error-note': {
    padding: '4px 8px',
    borderLeft: '4px solid var(--vermillion)',
    backgroundColor: 'var(--code-error)',
    fontFamily: 'inherit',
    whiteSpace: 'pre-wrap',
  },
  '.cm-searchMatch': { backgroundColor: 'var(--code-match)', outline: '1px solid var(--ink-soft)' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--code-focus)' },
  '.cm-panels': { backgroundColor: 'var(--bg)', color: 'var(--ink)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--line)' },
  '.cm-panel.cm-search': { fontSize: '0.9em' },
  '.cm-panel.cm-search input, .cm-panel.cm-search button, .cm-panel.cm-search label': { fontSize: 'inherit', color: 'var(--ink)' },
  '.cm-textfield': { backgroundColor: 'var(--panel)', border: '1px solid var(--line)' },
  '.cm-button': { backgroundImage: 'none', backgroundColor: 'var(--panel)', border: '1px solid var(--line)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--code-match)', outline: '1px solid var(--ink-soft)' },
});

export const codeHighlight = HighlightStyle.define([
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--code-comment)', fontStyle: 'italic' },
  { tag: [t.string, t.special(t.string)], color: 'var(--code-string)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--code-number)' },
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword, t.definitionKeyword, t.self], color: 'var(--code-keyword)', fontWeight: '600' },
  { tag: t.regexp, color: 'var(--code-regex)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: 'var(--code-function)' },
  { tag: t.propertyName, color: 'var(--code-property)' },
  { tag: [t.punctuation, t.bracket, t.operator], color: 'var(--code-punct)' },
]);
