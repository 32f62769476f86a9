/**
 * An SVG document as pixels: decoded by the browser as an image from a Blob
 * URL (img-src blob: is in the page's CSP), drawn onto a canvas `scale` times
 * the document's CSS size — the vector is drawn at that size, so a 4× PNG is
 * sharp, not an enlargement — and encoded as PNG.
 */

/** The SVG as a decoded image, ready to draw. */
export async function svgImage(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } catch {
    throw new Error('the browser could not draw the exported SVG');
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas of `width`×`height` CSS px at `scale` device px each, with the SVG drawn over all of it. */
export async function svgCanvas(svg: string, width: number, height: number, scale: number): Promise<HTMLCanvasElement> {
  const image = await svgImage(svg);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas for the export');
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png');
  });
}

/** The SVG as a PNG `scale` times its CSS size. */
export async function svgPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  return canvasPng(await svgCanvas(svg, width, height, scale));
}
