/**
 * A small JavaScript highlighter for the code panel: text in, lines of typed
 * tokens out. The panel builds one span per token (text nodes, never HTML), so
 * a file's content can never become markup. Good enough for readable demo
 * code: comments, strings, template literals with `${…}`, regex literals,
 * numbers, keywords, calls and properties.
 */

export type TokenKind = 'plain' | 'comment' | 'string' | 'number' | 'keyword' | 'literal' | 'regex' | 'function' | 'property' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set(
  'async await break case catch class const continue debugger default delete do else export extends finally for from function if import in instanceof let new of return static super switch this throw try typeof var void while with yield'.split(' '),
);
const LITERALS = new Set(['true', 'false', 'null', 'undefined', 'NaN', 'Infinity']);
/** After these, a `/` starts a regex literal rather than a division. */
const BEFORE_REGEX = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);

/** Highlight `text` as JavaScript (or as plain text when `path` is not a script). */
export function highlight(text: string, path = 'file.js'): Token[][] {
  const tokens = /\.(c|m)?[jt]sx?$/.test(path) ? tokenize(text) : [{ kind: 'plain' as const, text }];
  return splitLines(tokens);
}

/** One token stream for the whole text (block comments and templates may span lines). */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  /** Open `${` of template literals: the brace depth at which each one closes. */
  const templates: number[] = [];
  let depth = 0;
  let lastSignificant: Token | null = null;
  const push = (kind: TokenKind, text: string) => {
    const prev = out[out.length - 1];
    if (prev && prev.kind === kind && (kind === 'plain' || kind === 'punct' || kind === 'string')) prev.text += text;
    else out.push({ kind, text });
    if (!/^\s+$/.test(text)) lastSignificant = { kind, text };
  };

  const templateChunk = () => {
    // From just after a backquote or a closing `}`: up to the next `${` or closing backquote.
    let j = i;
    while (j < src.length && src[j] !== '`' && !(src[j] === '$' && src[j + 1] === '{')) j += src[j] === '\\' ? 2 : 1;
    if (src[j] === '`') {
      push('string', src.slice(i, j + 1));
      i = j + 1;
    } else {
      push('string', src.slice(i, Math.min(j + 2, src.length)));
      i = j + 2;
      templates.push(depth);
      depth += 1;
    }
  };

  while (i < src.length) {
    const c = src[i];
    const rest = src.slice(i, i + 2);
    if (rest === '//') {
      const end = src.indexOf('\n', i);
      push('comment', src.slice(i, end === -1 ? src.length : end));
      i = end === -1 ? src.length : end;
    } else if (rest === '/*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? src.length : end + 2;
      push('comment', src.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      push('string', src.slice(i, j + 1));
      i = j + 1;
    } else if (c === '`') {
      i += 1;
      push('string', '`');
      templateChunk();
    } else if (c === '}' && templates.length && templates[templates.length - 1] === depth - 1) {
      templates.pop();
      depth -= 1;
      push('string', '}');
      i += 1;
      templateChunk();
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(0[xXbBoO][0-9a-fA-F_]+|[0-9][0-9_]*\.?[0-9_]*(e[+-]?[0-9]+)?|\.[0-9_]+)n?/.exec(src.slice(i)) as RegExpExecArray;
      push('number', m[0]);
      i += m[0].length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const word = (/^[A-Za-z_$][\w$]*/.exec(src.slice(i)) as RegExpExecArray)[0];
      const afterDot = lastSignificant !== null && (lastSignificant as Token).text.endsWith('.') && (lastSignificant as Token).kind === 'punct';
      const next = src.slice(i + word.length).match(/^\s*(\S)/)?.[1];
      let kind: TokenKind = 'plain';
      if (afterDot) kind = next === '(' ? 'function' : 'property';
      else if (KEYWORDS.has(word)) kind = 'keyword';
      else if (LITERALS.has(word)) kind = 'literal';
      else if (next === '(') kind = 'function';
      push(kind, word);
      i += word.length;
    } else if (c === '/' && regexAllowed(lastSignificant)) {
      const m = /^\/(?:\\.|\[(?:\\.|[^\]\n])*\]|[^/\\\n[])+\/[a-z]*/.exec(src.slice(i));
      if (m) {
        push('regex', m[0]);
        i += m[0].length;
      } else {
        push('punct', c);
        i += 1;
      }
    } else if (/\s/.test(c)) {
      const m = (/^\s+/.exec(src.slice(i)) as RegExpExecArray)[0];
      push('plain', m);
      i += m.length;
    } else {
      if (c === '{') depth += 1;
      if (c === '}') depth = Math.max(0, depth - 1);
      push('punct', c);
      i += 1;
    }
  }
  return out;
}

function regexAllowed(prev: Token | null): boolean {
  if (!prev) return true;
  if (prev.kind === 'keyword') return BEFORE_REGEX.has(prev.text);
  if (prev.kind === 'punct') return !/[)\]}]$/.test(prev.text);
  return false;
}

/** Cut the token stream at newlines: one array of tokens per line of the file. */
function splitLines(tokens: Token[]): Token[][] {
  const lines: Token[][] = [[]];
  for (const token of tokens) {
    const parts = token.text.split('\n');
    parts.forEach((part, k) => {
      if (k > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1].push({ kind: token.kind, text: part });
    });
  }
  return lines;
}
