/** Recording files the pickers accept. */
export const RECORDING_ACCEPT = '.json,.ndjson,application/json';

/**
 * Ask the browser's file picker for one file. The input exists only while the
 * picker is open (no hidden input stays in the page). Resolves null when the
 * reader cancels (where the browser says so).
 */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}
