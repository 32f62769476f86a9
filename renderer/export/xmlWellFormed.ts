/**
 * A small XML well-formedness check for exported SVG, where no DOMParser
 * exists (Node, the unit tests): one root element, every tag closed in order,
 * attributes quoted and unique, `<` never loose in text, `&` only as an
 * entity. A scanner, not regular expressions: nesting is what it checks.
 */
export interface XmlCheck {
  ok: boolean;
  /** What is wrong and where (character offset), when not ok. */
  error?: string;
  /** Elements seen, by name. */
  elements: Map<string, number>;
}

const NAME_START = (c: string): boolean => /[A-Za-z_:]/.test(c) || c > '\u00bf';
const NAME_CHAR = (c: string): boolean => NAME_START(c) || /[-.0-9]/.test(c);
const SPACE = (c: string): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r';
const ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

export function checkXml(source: string): XmlCheck {
  const elements = new Map<string, number>();
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const fail = (error: string): XmlCheck => ({ ok: false, error: `${error} at ${i}`, elements });

  const readName = (): string => {
    const from = i;
    if (!NAME_START(source[i] ?? '')) return '';
    while (i < source.length && NAME_CHAR(source[i])) i++;
    return source.slice(from, i);
  };
  const skipSpace = (): void => {
    while (i < source.length && SPACE(source[i])) i++;
  };
  const entityOk = (): boolean => {
    const end = source.indexOf(';', i);
    if (end < 0 || end - i > 10) return false;
    const name = source.slice(i + 1, end);
    const ok = ENTITIES.has(name) || (name.startsWith('#x') && name.length > 2 && [...name.slice(2)].every((c) => /[0-9a-fA-F]/.test(c))) || (name.startsWith('#') && name.length > 1 && [...name.slice(1)].every((c) => c >= '0' && c <= '9'));
    if (ok) i = end + 1;
    return ok;
  };

  while (i < source.length) {
    const c = source[i];
    if (c === '&') {
      if (!entityOk()) return fail('a bare &');
      continue;
    }
    if (c !== '<') {
      if (stack.length === 0 && !SPACE(c)) return fail('text outside the root element');
      i++;
      continue;
    }
    if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i);
      if (end < 0) return fail('an unclosed <?');
      i = end + 2;
    } else if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) return fail('an unclosed comment');
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i);
      if (end < 0 || stack.length === 0) return fail('a bad CDATA section');
      i = end + 3;
    } else if (source.startsWith('</', i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (source[i] !== '>') return fail(`a bad end tag </${name}`);
      i++;
      const open = stack.pop();
      if (open !== name) return fail(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      i++;
      const name = readName();
      if (!name) return fail('a < that starts no tag');
      if (stack.length === 0 && ++roots > 1) return fail('a second root element');
      elements.set(name, (elements.get(name) ?? 0) + 1);
      const seen = new Set<string>();
      for (;;) {
        const before = i;
        skipSpace();
        if (source.startsWith('/>', i)) {
          i += 2;
          break;
        }
        if (source[i] === '>') {
          i++;
          stack.push(name);
          break;
        }
        if (i === before) return fail(`no space before an attribute of <${name}>`);
        const attr = readName();
        if (!attr) return fail(`a bad attribute in <${name}>`);
        if (seen.has(attr)) return fail(`attribute ${attr} twice in <${name}>`);
        seen.add(attr);
        skipSpace();
        if (source[i] !== '=') return fail(`attribute ${attr} without a value`);
        i++;
        skipSpace();
        const quote = source[i];
        if (quote !== '"' && quote !== "'") return fail(`attribute ${attr} not quoted`);
        i++;
        while (i < source.length && source[i] !== quote) {
          if (source[i] === '<') return fail(`a < inside attribute ${attr}`);
          if (source[i] === '&') {
            if (!entityOk()) return fail(`a bare & in attribute ${attr}`);
          } else i++;
        }
        if (i >= source.length) return fail(`attribute ${attr} never closed`);
        i++;
      }
    }
  }
  if (stack.length > 0) return fail(`<${stack[stack.length - 1]}> never closed`);
  if (roots === 0) return fail('no root element');
  return { ok: true, elements };
}
