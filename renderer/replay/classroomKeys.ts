import { changedRanFiles } from '../editor/editsSlice';
import { tell } from '../lessons/lessonScripts';
import { saveRecording } from '../recording/recordingActions';
import { isBusy } from '../store/catalogueSlice';
import type { ObraStore } from '../store/obraStore';
import { zoomAround } from '../model/viewport';
import { demoHash } from '../toolbar/demoHash';
import { toggleProjector } from './projector';

const KEY_ZOOM = 0.7;

/** The keys a slider (the playhead) answers itself; letters on it are still shortcuts. */
const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/** Typing in a field, or a control that owns the key (letters in a select, arrows in a slider). */
function typingIn(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement && target.type === 'range') return SLIDER_KEYS.has(key);
  return target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'button';
}

/** Next (1) or previous (-1) narration step's time from the cursor, if the lesson narrates. */
function narrationStepTime(store: ObraStore, direction: 1 | -1): number | null {
  const state = store.getState();
  const { lesson, run, version, lang, cursor } = state;
  if (!run) return null;
  const lines = tell(lesson, run.events, version, Number.POSITIVE_INFINITY, lang, changedRanFiles(state)) ?? [];
  const times = [...new Set(lines.map((l) => l.t).filter((t): t is number => t !== null))].sort((a, b) => a - b);
  if (direction > 0) return times.find((t) => t > cursor) ?? null;
  // Back: the step before the one being told (whose time may be a little before the playhead).
  const told = times.filter((t) => t <= cursor);
  return told.length >= 2 ? told[told.length - 2] : null;
}

/**
 * Every classroom shortcut, on the window: demos, run/stop, replay, zoom,
 * projector, theme, the presenter's clicker (PageDown/PageUp, B) and `?`.
 * Keys a focused control already handled (the timeline's own +/−/arrows/F)
 * are left to it. Returns a function that detaches it.
 */
export function attachClassroomKeys(store: ObraStore): () => void {
  const onKey = (e: KeyboardEvent): void => {
    const state = store.getState();
    if (state.blank) {
      // Any key brings the picture back (and does nothing else).
      e.preventDefault();
      state.setBlank(false);
      return;
    }
    if (e.defaultPrevented || state.shortcutsOpen) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey && (e.key === 's' || e.key === 'o')) {
      e.preventDefault();
      if (e.key === 's') saveRecording(store);
      else document.querySelector<HTMLButtonElement>('.open-recording-button')?.click();
      return;
    }
    // Inside a shadow root (the code editor) the event reaches the window retargeted to its host: the key went where the path starts.
    const target = e.composedPath()[0] ?? e.target;
    if (mod || e.altKey || typingIn(target, e.key)) return;
    const onButton = target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || (target instanceof HTMLInputElement && target.type === 'checkbox');
    const w = state.timeWindow;
    const duration = state.run?.index.lastT ?? 0;
    const zoom = (factor: number): void => {
      const anchor = state.cursor >= w.start && state.cursor <= w.end ? state.cursor : (w.start + w.end) / 2;
      state.setTimeWindow(zoomAround(w, factor, anchor, duration));
    };
    const pickDemo = (direction: 1 | -1): void => {
      if (isBusy(state.status) || state.demos.length === 0) return;
      const at = state.script?.kind === 'demo' ? state.demos.findIndex((d) => d.id === (state.script as { demoId: string }).demoId) : -1;
      const next = at < 0 ? (direction > 0 ? 0 : state.demos.length - 1) : (at + direction + state.demos.length) % state.demos.length;
      location.hash = demoHash(state.demos[next].id);
    };
    const clicker = (direction: 1 | -1): void => {
      const t = narrationStepTime(store, direction);
      if (t === null) state.stepEvent(direction);
      else {
        state.pause();
        state.setCursor(t);
      }
    };
    const actions: Record<string, () => void> = {
      n: () => pickDemo(1),
      N: () => pickDemo(-1),
      r: () => void state.startRun(),
      s: () => void state.stopRun(),
      ' ': () => state.togglePlay(),
      ArrowRight: () => state.stepEvent(1),
      ArrowLeft: () => state.stepEvent(-1),
      '.': () => state.stepEvent(1),
      ',': () => state.stepEvent(-1),
      PageDown: () => clicker(1),
      PageUp: () => clicker(-1),
      ']': () => state.changeSpeed(1),
      '[': () => state.changeSpeed(-1),
      '+': () => zoom(KEY_ZOOM),
      '=': () => zoom(KEY_ZOOM),
      '-': () => zoom(1 / KEY_ZOOM),
      _: () => zoom(1 / KEY_ZOOM),
      t: () => state.setTeaching(!state.teaching),
      l: () => state.setFollowLive(true),
      f: () => toggleProjector(store),
      p: () => toggleProjector(store),
      c: () => state.setProjectorSide(!state.projectorSide),
      d: () => state.setTheme(state.theme === 'dark' ? 'light' : 'dark'),
      b: () => state.setBlank(true),
      // The export menu (renderer/export) opens like a click on its toolbar button: focus lands on its first item.
      e: () => document.querySelector<HTMLButtonElement>('.toolbar .export-button:not(:disabled)')?.click(),
      '?': () => state.setShortcutsOpen(true),
      Escape: () => {
        if (state.projector && !document.fullscreenElement) state.setProjector(false);
      },
    };
    const key = e.key.length === 1 && !e.shiftKey ? e.key.toLowerCase() : e.key;
    const action = actions[key] ?? actions[e.key];
    if (!action) return;
    // Space and Enter on a focused button press that button, not a shortcut.
    if (onButton && (e.key === ' ' || e.key === 'Enter')) return;
    e.preventDefault();
    action();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
