/**
 * The boss's own output as the lab reads it from its pipes: one read may hold
 * several lines the boss printed one by one (a loaded machine reads later, so
 * more at once). One event per line keeps each line in a preview of its own —
 * the narration and the reader look for lines — instead of a 120-character
 * prefix of the whole read that cuts later lines off. Bytes stay exact: the
 * pieces add up to the read. At most MAX_PIECES per read (the rest is the last
 * piece), so a flood from the boss costs no more than that many events a read.
 */
export const MAX_PIECES = 16;

/** `chunk` cut after each newline, at most MAX_PIECES pieces; a read without a newline is one piece. */
export function splitLines(chunk: Buffer, maxPieces = MAX_PIECES): Buffer[] {
  const pieces: Buffer[] = [];
  let start = 0;
  while (start < chunk.length && pieces.length < maxPieces - 1) {
    const newline = chunk.indexOf(0x0a, start);
    if (newline === -1 || newline === chunk.length - 1) break;
    pieces.push(chunk.subarray(start, newline + 1));
    start = newline + 1;
  }
  pieces.push(chunk.subarray(start));
  return pieces;
}
