/**
 * Writing SVG by hand, safely: text and attribute values escaped for XML, and
 * characters XML 1.0 forbids (control characters, lone surrogates) dropped —
 * a command line or an error message from a run may contain anything.
 */

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside an element or a quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ENTITY[c]);
}

/** A coordinate with at most one decimal: small files, no visible loss at any slide size. */
export function n(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

type AttrValue = string | number | null | undefined | false;

/** ` name="value"` for each attribute that has a value (numbers rounded, strings escaped). */
export function attrs(values: Record<string, AttrValue>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === false) continue;
    out += ` ${name}="${typeof value === 'number' ? n(value) : escapeXml(value)}"`;
  }
  return out;
}

/** An element: `<name a="…">children</name>`, or self-closed without children. */
export function el(name: string, values: Record<string, AttrValue>, children?: string): string {
  return children === undefined || children === '' ? `<${name}${attrs(values)}/>` : `<${name}${attrs(values)}>${children}</${name}>`;
}

/** A <text> element whose content is escaped. */
export function text(values: Record<string, AttrValue>, content: string): string {
  return `<text${attrs(values)}>${escapeXml(content)}</text>`;
}

/**
 * A guess at how wide `content` is in a sans-serif font of `size` px: there is
 * no font to measure in a pure function. Generous (0.58 em a character, wide
 * letters more) so labels placed by it do not overlap.
 */
export function textWidth(content: string, size: number, bold = false): number {
  let em = 0;
  for (const c of content) {
    if (/[mwMW@]/.test(c)) em += 0.85;
    else if (/[A-Z0-9%]/.test(c)) em += 0.66;
    else if (/[il.,:;'|!ítj\s]/.test(c)) em += 0.3;
    else em += 0.6;
  }
  return em * size * (bold ? 1.1 : 1);
}

/** `content` cut (with an ellipsis) to fit `width` px at `size`. */
export function fitText(content: string, width: number, size: number, bold = false): string {
  if (textWidth(content, size, bold) <= width) return content;
  const chars = [...content];
  while (chars.length > 1 && textWidth(chars.join('') + '…', size, bold) > width) chars.pop();
  return chars.join('') + '…';
}
