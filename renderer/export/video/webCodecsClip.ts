/**
 * Encoding a clip with WebCodecs: each frame painted on the canvas and
 * handed, with its exact time, to mediabunny's CanvasSource, which drives the
 * runtime's VideoEncoder (respecting its backpressure) and muxes the chunks
 * into an MP4 (moov first, so a slide tool reads it at once) or a WebM (with
 * its Duration and Cues) — faster than real time, and every frame is there.
 */
import { BufferTarget, CanvasSource, Mp4OutputFormat, Output, WebMOutputFormat } from 'mediabunny';
import { CLIP_MIME } from './clipFormat';
import { CLIP_QUALITY, clipCodec, type VideoFormat } from './videoCodecs';
import { cursorAtFrame, type VideoPlan } from './videoPlan';
import type { VideoFrames } from './videoFrames';

/** Frames painted and handed to the encoder so far (of plan.frames). */
export interface ClipProgress {
  (framesDone: number): void;
}

/** A key frame every 2 s: a player can seek, a frame lost costs little. */
const KEY_EVERY_S = 2;

export async function encodeClip(frames: VideoFrames, plan: VideoPlan, format: VideoFormat, progress: ClipProgress, signal: AbortSignal): Promise<Blob> {
  const { width, height } = frames.canvas;
  const codec = await clipCodec(format, { width, height, fps: plan.fps });
  if (!codec) throw new Error(`this browser cannot encode ${format === 'mp4' ? 'H.264, VP9 or AV1' : 'VP9 or VP8'} video at ${width}×${height}`);
  signal.throwIfAborted();
  const output = new Output({
    format: format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const source = new CanvasSource(frames.canvas, { codec, quality: CLIP_QUALITY, keyFrameInterval: KEY_EVERY_S, contentHint: 'text' });
  output.addVideoTrack(source, { frameRate: plan.fps });
  // Cancel releases the encoder at once: its queue is dropped and nothing more is muxed.
  const cancel = (): void => void output.cancel();
  signal.addEventListener('abort', cancel, { once: true });
  try {
    await output.start();
    for (let k = 0; k < plan.frames; k++) {
      signal.throwIfAborted();
      await frames.paint(cursorAtFrame(plan, k));
      signal.throwIfAborted();
      await source.add(k / plan.fps, 1 / plan.fps);
      progress(k + 1);
    }
    signal.throwIfAborted();
    await output.finalize();
  } catch (error) {
    if (output.state !== 'canceled' && output.state !== 'finalized') await output.cancel().catch(() => undefined);
    signal.throwIfAborted();
    throw error;
  } finally {
    signal.removeEventListener('abort', cancel);
  }
  signal.throwIfAborted();
  const bytes = output.target.buffer;
  if (!bytes) throw new Error('the encoder finished without a file');
  return new Blob([bytes], { type: CLIP_MIME[format] });
}
