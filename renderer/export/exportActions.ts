/**
 * The exports themselves, each from the subject the reader sees (run, time
 * window, playhead, language): a picture as SVG or PNG at 1×, 2× or 4×, the
 * Chrome trace, and a WebM clip of a replay range the reader chose.
 */
import type { PictureContent } from './exportText';
import type { ExportSubject } from './exportSubject';
import { saveBlob } from './download';
import { pictureLayout, pictureSvgText, type PictureLayout } from './pictureSvg';
import { svgPng } from './rasterize';
import type { ExportTheme } from './svgTheme';
import { runTrace, traceBlob } from './traceExport';
import { hasMediaRecorder, recordClip } from './video/recorderClip';
import { VideoFrames, type StageDrawing } from './video/videoFrames';
import type { VideoPlan } from './video/videoPlan';
import { encodeClip, hasWebCodecs, type ClipProgress } from './video/webCodecsClip';

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
  await saveBlob(traceBlob(runTrace(subject.demoId, subject.run.events, subject.lang)), `${subject.stem}.trace.json`);
}

/** What the video form asked for: the plan (range, speed, frame rate) and the picture's width. */
export interface VideoRequest {
  plan: VideoPlan;
  width: number;
}

/**
 * A replay range as WebM: WebCodecs where there is, else MediaRecorder. The
 * timeline is fixed to the range (the whole range on screen, the playhead
 * sweeping across it); the stage is drawn at each frame's run time.
 * Cancelled (`signal`), it throws an AbortError and saves nothing.
 */
export async function exportVideo(subject: ExportSubject, choice: PictureChoice, request: VideoRequest, progress: ClipProgress, signal: AbortSignal): Promise<void> {
  if (!hasWebCodecs() && !hasMediaRecorder()) throw new Error('this browser can encode no video');
  const { plan, width } = request;
  const range = { start: plan.start, end: plan.end };
  const layout = pictureLayout(subject.run, range, { content: choice.content, lang: subject.lang, title: subject.title, theme: choice.theme, stageAspect: liveStageAspect(), width });
  const stage = layout.stage ? (await import('./video/stageFrames')).stageFrames(subject.run.events, layout.stage, subject.lang, choice.theme) : null;
  const frames = await VideoFrames.create(layout, subject.title, plan, subject.lang, stage);
  signal.throwIfAborted();
  const clip = hasWebCodecs() ? await encodeClip(frames, plan, progress, signal) : await recordClip(frames, plan, progress, signal);
  signal.throwIfAborted();
  await saveBlob(clip, `${subject.stem}-${choice.content}.webm`);
}
