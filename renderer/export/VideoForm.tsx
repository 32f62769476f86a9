/**
 * The video form, a modal dialog opened by the Export menu's video item: the
 * format (MP4, WebM or GIF; the last one chosen comes back), the replay range
 * (From / To in seconds of the run, or a preset), the speed (the replay
 * speeds, or teaching speed), the frame rate and the width (each format its
 * own); it says how long the clip will be, or what is wrong, what an MP4 will
 * hold where H.264 cannot be encoded, how much a GIF will weigh (warning past
 * 20 MB) and the file's name, before anything starts. Enter starts (when the
 * range is good), Esc closes. Keys typed here are not the classroom's shortcuts.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { formatNumber } from '../i18n/format';
import { SPEEDS } from '../replay/teachingTime';
import { teachingClockOf } from '../replay/playbackSlice';
import type { ExportSubject } from './exportSubject';
import type { PictureChoice, VideoRequest } from './exportActions';
import { EXPORT_TEXT } from '../i18n/exportText';
import { CLIP_CHOICES, clipFileName, rememberedFormat, rememberFormat, type ClipFormat } from './video/clipFormat';
import { CLIP_TEXT } from '../i18n/clipText';
import { FormatField } from './video/FormatField';
import { fileSizeText } from './gif/gifSize';
import { useClipFacts } from './video/useClipFacts';
import { speedText } from './video/videoPlan';
import { checkRange, clipLengthText, presetRange, RANGE_PRESETS, secondsText, type RangePreset } from './video/videoRange';

function pageStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const CODEC_NAMES: Record<string, string> = { vp9: 'VP9', av1: 'AV1', hevc: 'H.265', vp8: 'VP8' };

interface VideoFormProps {
  subject: ExportSubject;
  /** What the picture shows and its colours, as picked in the Export menu. */
  choice: PictureChoice;
  onStart: (request: VideoRequest) => void;
  onClose: () => void;
}

export function VideoForm({ subject, choice, onStart, onClose }: VideoFormProps) {
  const { lang } = subject;
  const words = EXPORT_TEXT[lang];
  const clipWords = CLIP_TEXT[lang];
  const bounds = { runEnd: subject.runEnd, window: subject.window, cursor: subject.stageCursor };
  const first = presetRange('window', bounds);
  const [from, setFrom] = useState(() => secondsText(first.start, lang));
  const [to, setTo] = useState(() => secondsText(first.end, lang));
  const [speed, setSpeed] = useState<number>(() => SPEEDS.find((s) => Math.abs(s - subject.speed) < 1e-9) ?? 1);
  const [teaching, setTeaching] = useState(subject.teaching);
  const [format, setFormat] = useState<ClipFormat>(() => rememberedFormat(pageStorage()));
  const [fps, setFps] = useState(() => CLIP_CHOICES[format].fps);
  const [width, setWidth] = useState(() => CLIP_CHOICES[format].width);
  const [tried, setTried] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const fromField = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    fromField.current?.select();
  }, []);

  const check = checkRange({ from, to, speed, teaching, fps }, bounds, teaching ? teachingClockOf(subject.run.events) : null);
  const facts = useClipFacts(subject, choice, format, width, fps, check.ok ? check.plan.frames : null);
  const choices = CLIP_CHOICES[format];
  const pickFormat = (next: ClipFormat): void => {
    setFormat(next);
    rememberFormat(pageStorage(), next);
    // Each format its own frame rates and widths: a choice the new one lacks becomes its default.
    if (!CLIP_CHOICES[next].frameRates.includes(fps)) setFps(CLIP_CHOICES[next].fps);
    if (!CLIP_CHOICES[next].widths.includes(width)) setWidth(CLIP_CHOICES[next].width);
  };
  const badField = !check.ok && check.problem.kind === 'unreadable' ? check.problem.field : !check.ok && check.problem.kind !== 'tooLong' ? 'both' : null;
  const pick = (preset: RangePreset): void => {
    const range = presetRange(preset, bounds);
    setFrom(secondsText(range.start, lang));
    setTo(secondsText(range.end, lang));
  };
  const submit = (event?: FormEvent): void => {
    event?.preventDefault();
    setTried(true);
    if (check.ok) onStart({ plan: check.plan, width, format });
    else fromField.current?.focus();
  };
  const onKey = (event: KeyboardEvent<HTMLDialogElement>): void => {
    // Keys typed in the form are the form's: none reaches the classroom's shortcuts.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter' && (event.target instanceof HTMLSelectElement || (event.target instanceof HTMLInputElement && (event.target.type === 'checkbox' || event.target.type === 'radio')))) {
      event.preventDefault();
      submit();
    }
  };
  const summaryId = `${id}-summary`;
  const field = (name: 'from' | 'to', value: string, set: (v: string) => void) => (
    <label className="video-field">
      <span>{words[name]}</span>
      <input ref={name === 'from' ? fromField : undefined} type="text" inputMode="decimal" autoComplete="off" spellCheck={false} value={value}
        aria-invalid={badField === name || badField === 'both'} aria-describedby={`${id}-unit ${summaryId}`} onChange={(e) => set(e.target.value)} />
      <span className="video-unit" aria-hidden="true">s</span>
    </label>
  );

  return (
    <dialog ref={dialog} className="modal-dialog video-dialog" aria-labelledby={`${id}-title`} onKeyDown={onKey}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}>
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{words.videoTitle}</h2>
        <FormatField lang={lang} format={format} name={`${id}-format`} onChange={pickFormat} />
        <div role="group" aria-label={words.presets} className="video-presets">
          <span className="video-group-title" aria-hidden="true">{words.presets}</span>
          {RANGE_PRESETS.map((p) => (
            <button key={p} type="button" className="small-button" onClick={() => pick(p)}>
              {words.preset[p]}
            </button>
          ))}
        </div>
        <div className="video-range">
          {field('from', from, setFrom)}
          {field('to', to, setTo)}
        </div>
        <p id={`${id}-unit`} className="video-note">
          {words.seconds} · {words.runLength(`${secondsText(subject.runEnd, lang)} s`)}
        </p>
        <div className="video-choices">
          <label className="video-field">
            <span>{words.speedLabel}</span>
            <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {words.speedOption(speedText(s, lang))}
                </option>
              ))}
            </select>
          </label>
          <label className="video-check" title={words.teachingHint}>
            <input type="checkbox" checked={teaching} onChange={(e) => setTeaching(e.target.checked)} />
            {words.teaching}
          </label>
          <label className="video-field">
            <span>{words.fps}</span>
            <select value={fps} onChange={(e) => setFps(Number(e.target.value))}>
              {choices.frameRates.map((f) => (
                <option key={f} value={f}>
                  {words.fpsOption(f)}
                </option>
              ))}
            </select>
          </label>
          <label className="video-field">
            <span>{words.size}</span>
            <select value={width} onChange={(e) => setWidth(Number(e.target.value))}>
              {choices.widths.map((w) => (
                <option key={w} value={w}>
                  {words.sizeOption(w)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="video-note" data-testid="video-picture">
          {words.picture}: {words.content[choice.content]} · {words.theme}: {words.themes[choice.theme]}.{choice.content === 'stage' ? '' : ` ${words.timelineFixed}`}
        </p>
        <p id={summaryId} className={check.ok ? 'video-summary' : 'video-summary video-problem'} role={!check.ok && tried ? 'alert' : 'status'} data-testid="video-summary">
          {check.ok
            ? words.clipLength(clipLengthText(check.plan.durationUs, lang), formatNumber(check.plan.frames, lang))
            : words.problem(check.problem, lang)}
        </p>
        {format === 'mp4' && facts.mp4Codec !== undefined && facts.mp4Codec !== 'avc' && (
          <p className="video-note video-warning" data-testid="video-codec-note">
            {facts.mp4Codec === null ? clipWords.noMp4 : clipWords.noH264(CODEC_NAMES[facts.mp4Codec] ?? facts.mp4Codec)}
          </p>
        )}
        {facts.gifBytes !== null && (
          <p className={facts.tooBig ? 'video-note video-warning' : 'video-note'} data-testid="video-gif-size">
            {clipWords.gifSize(fileSizeText(facts.gifBytes, lang))} {facts.tooBig ? clipWords.gifTooBig : ''}
          </p>
        )}
        {check.ok && (
          <p className="video-note video-file" data-testid="video-file">
            {clipWords.fileName(clipFileName(subject.stem, choice.content, check.plan, format))}
          </p>
        )}
        <div className="video-actions">
          <button type="button" className="toolbar-button" onClick={onClose}>
            {words.close}
          </button>
          <button type="submit" className="toolbar-button video-start" aria-disabled={!check.ok || undefined}>
            {words.start}
          </button>
        </div>
      </form>
    </dialog>
  );
}
