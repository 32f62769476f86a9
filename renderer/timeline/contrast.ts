/**
 * WCAG 2 contrast between two colours ('#rgb', '#rrggbb' or 'rgba(r, g, b, a)';
 * a translucent colour is laid over the other first): the palettes' tests use
 * it to prove text ≥ 7:1 and marks ≥ 3:1 on the paper they are drawn on.
 */
export type Rgba = [number, number, number, number];

export function parseColour(colour: string): Rgba {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16), 1];
  }
  const fn = /^rgba?\(([^)]*)\)$/i.exec(colour.trim());
  if (fn) {
    const p = fn[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p[3] ?? 1];
  }
  throw new Error(`not a colour: ${colour}`);
}

/** `top` laid over an opaque `under`. */
export function over(top: Rgba, under: Rgba): Rgba {
  return [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1) as Rgba;
}

export function luminance([r, g, b]: Rgba): number {
  const f = (v: number): number => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

/** Contrast of `fg` drawn on `bg` (bg opaque, or laid over `paper`). */
export function contrast(fg: string, bg: string, paper = '#ffffff'): number {
  const ground = over(parseColour(bg), parseColour(paper));
  const ink = over(parseColour(fg), ground);
  const [a, b] = [luminance(ink), luminance(ground)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}
