/**
 * The toolbar's Export control: a menu button ("Export" / "Exportar") that
 * opens a small menu — what the picture shows (timeline, stage, or both) and
 * its colours, then PNG 1×/2×/4×, SVG, the Chrome trace and a video (MP4, WebM or GIF)
 * (its item opens VideoForm, which asks for the replay range).
 * A WAI-ARIA menu: arrows, Home/End, Enter/Space, Escape returns to the
 * button. Disabled while there is no log to draw.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { localNotice } from '../store/notices';
import { useObra, useObraStore } from '../store/useObra';
import { exportPng, exportSvg, exportTrace, exportVideo, type PictureChoice, type VideoRequest } from './exportActions';
import { EXPORT_TEXT, type PictureContent } from '../i18n/exportText';
import { exportSubjectOf, type ExportSubject } from './exportSubject';
import { ExportProgress, type VideoJob } from './ExportProgress';
import { VideoForm } from './VideoForm';
import type { ExportTheme } from './svgTheme';
import './export.css';

const CONTENTS: PictureContent[] = ['both', 'timeline', 'stage'];
const THEMES: ExportTheme[] = ['light', 'dark'];
const SCALES = [1, 2, 4];

export function ExportMenu() {
  const store = useObraStore();
  const lang = useObra((s) => s.lang);
  const hasLog = useObra((s) => (s.run?.events.length ?? 0) > 0);
  const words = EXPORT_TEXT[lang];
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<PictureChoice>({ content: 'both', theme: 'light' });
  const [job, setJob] = useState<VideoJob | null>(null);
  const [form, setForm] = useState<ExportSubject | null>(null);
  const refocus = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  /**
   * Where focus goes back when the menu (or the video form) closes: the Export
   * button when it had focus (a click, Enter, an arrow key); nowhere when the
   * menu came from the E shortcut with nothing focused — so the next Space
   * plays or pauses, as a presenter expects, instead of opening Export again.
   */
  const returnToButton = useRef(true);
  const restoreFocus = (): void => {
    if (returnToButton.current) button.current?.focus();
    else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  };
  const noteOpener = (): void => {
    returnToButton.current = document.activeElement === button.current;
  };
  const menu = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');
  const menuId = useId();
  const dismissJob = useCallback(() => setJob(null), []);

  const items = (): HTMLElement[] => [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? [])];
  useEffect(() => {
    if (!open) return;
    const list = items();
    list[focusOnOpen.current === 'first' ? 0 : list.length - 1]?.focus();
    const onPointer = (event: PointerEvent): void => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  useEffect(() => {
    if (!hasLog) {
      setOpen(false);
      setForm(null);
    }
  }, [hasLog]);

  const close = (): void => {
    setOpen(false);
    restoreFocus();
  };
  const fail = (error: unknown): void => {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    store.getState().pushNotice(localNotice('ERR_OBRA_EXPORT', `${words.failed}: ${error instanceof Error ? error.message : String(error)}`));
  };
  /** Run an export of the run on screen now. */
  const run = (action: (subject: NonNullable<ReturnType<typeof exportSubjectOf>>) => Promise<void> | void): void => {
    close();
    const subject = exportSubjectOf(store.getState());
    if (!subject) return;
    Promise.resolve()
      .then(() => action(subject))
      .catch(fail);
  };
  /** The video item opens the form (the range, speed, frame rate); the form starts the export. */
  const openVideoForm = (): void => {
    close();
    setForm(exportSubjectOf(store.getState()));
  };
  const closeVideoForm = (): void => {
    refocus.current = true;
    setForm(null);
  };
  // Back to the Export button once the form's modal dialog is gone (while it is open, the rest of the page is inert).
  useEffect(() => {
    if (form || !refocus.current) return;
    refocus.current = false;
    restoreFocus();
  }, [form]);
  const startVideo = (subject: ExportSubject, request: VideoRequest): void => {
    closeVideoForm();
    const controller = new AbortController();
    const update = (patch: Partial<VideoJob>): void => setJob((j) => (j && j.controller === controller ? { ...j, ...patch } : j));
    setJob({ controller, done: 0, total: request.plan.frames, state: 'running' });
    exportVideo(subject, choice, request, (done) => update({ done }), controller.signal)
      .then(() => update({ state: 'done' }))
      .catch((error: unknown) => {
        update({ state: controller.signal.aborted ? 'cancelled' : 'failed' });
        fail(error);
      });
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number): void => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') setOpen(false);
  };
  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    focusOnOpen.current = event.key === 'ArrowDown' ? 'first' : 'last';
    noteOpener();
    setOpen(true);
  };

  const radio = <T extends string>(value: T, current: T, label: string, pick: (v: T) => void) => (
    <button key={value} type="button" role="menuitemradio" aria-checked={value === current} tabIndex={-1} className="export-item export-radio" onClick={() => pick(value)}>
      <span aria-hidden="true" className="export-check">{value === current ? '●' : '○'}</span>
      {label}
    </button>
  );
  const action = (label: string, onPick: () => void, hint?: string, disabled = false) => (
    <button key={label} type="button" role="menuitem" tabIndex={-1} className="export-item" aria-disabled={disabled || undefined} title={hint}
      onClick={() => !disabled && onPick()}>
      {label}
      {hint && <span className="export-hint" aria-hidden="true">{hint}</span>}
    </button>
  );
  const videoRunning = job?.state === 'running';

  return (
    <div className="export-menu">
      <button ref={button} type="button" className="toolbar-button export-button" aria-haspopup="menu" aria-expanded={open} aria-controls={open ? menuId : undefined}
        disabled={!hasLog} title={hasLog ? undefined : words.noRun} onKeyDown={onButtonKey}
        onClick={() => {
          focusOnOpen.current = 'first';
          if (!open) noteOpener();
          setOpen(!open);
        }}>
        {words.button}
        <span aria-hidden="true" className="export-caret">▾</span>
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label={words.menu} className="export-popup" onKeyDown={onMenuKey}>
          <div role="group" aria-label={words.picture} className="export-group">
            <span className="export-group-title" aria-hidden="true">{words.picture}</span>
            {CONTENTS.map((c) => radio(c, choice.content, words.content[c], (content) => setChoice((x) => ({ ...x, content }))))}
          </div>
          <div role="group" aria-label={words.theme} className="export-group export-row">
            <span className="export-group-title" aria-hidden="true">{words.theme}</span>
            {THEMES.map((t) => radio(t, choice.theme, words.themes[t], (theme) => setChoice((x) => ({ ...x, theme }))))}
          </div>
          <div role="separator" className="export-separator" />
          {SCALES.map((scale) => action(words.png(scale), () => run((s) => exportPng(s, choice, scale))))}
          {action(words.svg, () => run((s) => exportSvg(s, choice)))}
          <div role="separator" className="export-separator" />
          {action(words.trace, () => run((s) => exportTrace(s)), words.traceHint)}
          {action(words.video, openVideoForm, words.videoHint, videoRunning)}
        </div>
      )}
      {form && <VideoForm subject={form} choice={choice} onStart={(request) => startVideo(form, request)} onClose={closeVideoForm} />}
      {job && <ExportProgress job={job} lang={lang} onCancel={() => job.controller.abort()} onDismiss={dismissJob} />}
    </div>
  );
}
