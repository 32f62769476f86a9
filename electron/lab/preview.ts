/**
 * Short, safe text for the log: a bounded prefix of the bytes, decoded as
 * UTF-8, control characters escaped so a preview is always one printable line.
 * A preview that was cut ends with '…' (the event's `bytes` stays exact).
 */
export const PREVIEW_CHARS = 120;
/** A probe record's preview longer than this is cut by the lab. */
export const MAX_RECORD_PREVIEW_CHARS = 512;

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

export function previewOf(bytes: Uint8Array, maxChars = PREVIEW_CHARS): string {
  // 4 bytes per character at most: never decode more than we could show.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, maxChars * 4));
  const text = escapeControls(head.toString('utf8'));
  const cut = bytes.byteLength > head.byteLength;
  return boundPreview(text, maxChars, cut);
}

/** Cut a preview to `maxChars` characters (code points), marking the cut with '…'. */
export function boundPreview(text: string, maxChars: number, alreadyCut = false): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return alreadyCut ? text + '…' : text;
  return chars.slice(0, maxChars).join('') + '…';
}

function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\\]/g, (c) => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
