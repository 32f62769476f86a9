/**
 * The exports themselves, each from the subject the reader sees (run, time
 * window, playhead, language): a picture as SVG or PNG at 1×, 2× or 4×, the
 * Chrome trace, and a clip of a replay range the reader chose: MP4, WebM or GIF.
 */
import type { PictureContent } from '../i18n/exportText';
import type { ExportSubject } from './exportSubject';
import { saveBlob } from './download';
import { pictureLayout, pictureSvgText, type PictureLayout } from './pictureSvg';
import { svgPng } from './rasterize';
import type { ExportTheme } from './svgTheme';
import type { TimeWindow } from '../model/viewport';
import { runTrace, traceBlob } from './traceExport';
import { clipFileName, type ClipFormat } from './video/clipFormat';
import { hasMediaRecorder, hasWebCodecs } from './video/clipRuntime';
import { evenSize, VideoFrames, type StageDrawing } from './video/videoFrames';
import type { VideoPlan } from './video/videoPlan';
import type { ClipProgress } from './video/webCodecsClip';

export interface PictureChoice {
  content: PictureContent;
  theme: ExportTheme;
}

/** The live stage's height over its width, so an exported stage has the shape the reader sees. */
function liveStageAspect(): number | undefined {
  const box = document.querySelector('[data-testid="stage"]')?.getBoundingClientRect();
  return box && box.width > 0 && box.height > 0 ? box.height / box.width : undefined;
}

function layoutOf(subject: ExportSubject, choice: PictureChoice): PictureLayout {
  return pictureLayout(subject.run, subject.window, {
    content: choice.content,
    lang: subject.lang,
    title: subject.title,
    theme: choice.theme,
    stageAspect: liveStageAspect(),
    cursor: subject.cursor,
  });
}

/** The stage's own drawing from the log (renderer/stage), loaded only when an export needs it. */
async function stageDrawing(subject: ExportSubject, layout: PictureLayout, theme: ExportTheme): Promise<StageDrawing | null> {
  const stage = layout.stage;
  if (!stage) return null;
  const { stageSvgText } = await import('../stage/export');
  return (t) => stageSvgText(subject.run.events, t, { width: stage.width, height: stage.height, lang: subject.lang, unit: stage.unit, theme });
}

async function pictureText(subject: ExportSubject, choice: PictureChoice): Promise<{ svg: string; layout: PictureLayout }> {
  const layout = layoutOf(subject, choice);
  const stage = await stageDrawing(subject, layout, choice.theme);
  return { svg: pictureSvgText(layout, subject.title, stage ? stage(subject.stageCursor) : null), layout };
}

export async function exportSvg(subject: ExportSubject, choice: PictureChoice): Promise<void> {
  const { svg } = await pictureText(subject, choice);
  await saveBlob(new Blob([svg], { type: 'image/svg+xml' }), `${subject.stem}-${choice.content}.svg`);
}

export async function exportPng(subject: ExportSubject, choice: PictureChoice, scale: number): Promise<void> {
  const { svg, layout } = await pictureText(subject, choice);
  await saveBlob(await svgPng(svg, layout.width, layout.height, scale), `${subject.stem}-${choice.content}@${scale}x.png`);
}

export async function exportTrace(subject: ExportSubject): Promise<void> {
  await saveBlob(traceBlob(runTrace(subject.lesson, subject.run.events, subject.lang)), `${subject.stem}.trace.json`);
}

/** What the video form asked for: the plan (range, speed, frame rate), the picture's width and the format. */
export interface VideoRequest {
  plan: VideoPlan;
  width: number;
  format: ClipFormat;
}

/** A clip's picture: the timeline fixed to the range, `width` px wide. */
function clipLayout(subject: ExportSubject, choice: PictureChoice, range: TimeWindow, width: number): PictureLayout {
  return pictureLayout(subject.run, range, { content: choice.content, lang: subject.lang, title: subject.title, theme: choice.theme, stageAspect: liveStageAspect(), width });
}

/** A clip's frame size at `width` (the height follows the picture: its lanes, the stage's shape). */
export function clipFrameSize(subject: ExportSubject, choice: PictureChoice, width: number): { width: number; height: number } {
  const layout = clipLayout(subject, choice, subject.window, width);
  return evenSize(layout);
}

/**
 * A replay range as a clip: an MP4 or a WebM by WebCodecs where there is,
 * else recorded by MediaRecorder; a GIF from the frames' pixels, encoded in a
 * worker. The timeline is fixed to the range (the whole range on screen, the
 * playhead sweeping across it); the stage is drawn at each frame's run time.
 * Cancelled (`signal`) or failed, it throws and saves nothing.
 */
export async function exportVideo(subject: ExportSubject, choice: PictureChoice, request: VideoRequest, progress: ClipProgress, signal: AbortSignal): Promise<void> {
  const { plan, width, format } = request;
  if (format !== 'gif' && !hasWebCodecs() && !hasMediaRecorder()) throw new Error('this browser can encode no video');
  const layout = clipLayout(subject, choice, { start: plan.start, end: plan.end }, width);
  const stage = layout.stage ? (await import('./video/stageFrames')).stageFrames(subject.run.events, layout.stage, subject.lang, choice.theme) : null;
  const frames = await VideoFrames.create(layout, subject.title, plan, subject.lang, stage, format === 'gif');
  signal.throwIfAborted();
  // The encoders load with the first clip made.
  const clip =
    format === 'gif'
      ? await (await import('./gif/gifClip')).encodeGif(frames, plan, choice.theme, progress, signal)
      : hasWebCodecs()
        ? await (await import('./video/webCodecsClip')).encodeClip(frames, plan, format, progress, signal)
        : await (await import('./video/recorderClip')).recordClip(frames, plan, format, progress, signal);
  signal.throwIfAborted();
  await saveBlob(clip, clipFileName(subject.stem, choice.content, plan, format));
}
