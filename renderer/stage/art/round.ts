/** Rounds SVG coordinates so the markup stays short and stable between frames. */
export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
