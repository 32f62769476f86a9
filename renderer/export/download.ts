/**
 * Saving an export: a download of a Blob URL through an <a download>. The
 * browser saves it as any download. Electron takes the same path: with no
 * will-download handler setting a path, it asks where to save with its own
 * dialog (the preload offers no save dialog of ours).
 */

/** Start the download of `blob` as `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has read the URL by the time a minute has passed; a big video may need a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name part from a demo id or a script's name: letters, digits, dot, dash, underscore. */
export function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const stem = base.replace(/\.(c|m)?js$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '');
  return stem.slice(0, 80) || 'obra-run';
}
