/**
 * How `npm start` (bin/start.cjs) knows that Electron's window came up: it
 * starts Electron with WINDOW_UP_ENV=1, and the main process then prints
 * WINDOW_UP_LINE on stdout once its window is ready to show. Electron ending
 * before that line is a launch that failed (the browser shell opens instead),
 * not an exit code to pass on.
 *
 * Pure TypeScript: no Node or DOM imports.
 */
export const WINDOW_UP_ENV = 'OBRA_SAY_WINDOW_UP';
export const WINDOW_UP_LINE = 'obra: the window is up';
