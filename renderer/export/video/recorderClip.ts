/**
 * The clip where WebCodecs is missing: the frames painted on a canvas at
 * their real pace, captured as a stream and recorded by MediaRecorder. Its
 * WebM is a live stream's (no Duration: Chromium's <video> says Infinity),
 * so the recording is written again by our muxer with its Duration and Cues.
 */
import { remuxWithDuration } from '../webm/webmRemux';
import type { ClipProgress } from './webCodecsClip';
import { cursorAtFrame, type VideoPlan } from './videoPlan';
import type { VideoFrames } from './videoFrames';

const TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];

export function hasMediaRecorder(): boolean {
  return typeof MediaRecorder === 'function' && typeof HTMLCanvasElement.prototype.captureStream === 'function';
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function recordClip(frames: VideoFrames, plan: VideoPlan, progress: ClipProgress, signal: AbortSignal): Promise<Blob> {
  const mimeType = TYPES.find((type) => MediaRecorder.isTypeSupported(type));
  if (!mimeType) throw new Error('this browser can record no WebM video');
  await frames.paint(cursorAtFrame(plan, 0));
  const stream = frames.canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 4_000_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  };
  const stopped = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve(), { once: true }));
  const frameMs = 1000 / plan.fps;
  recorder.start();
  const began = performance.now();
  try {
    for (let k = 0; k < plan.frames; k++) {
      signal.throwIfAborted();
      if (k > 0) await frames.paint(cursorAtFrame(plan, k));
      track.requestFrame();
      progress(k + 1);
      await sleep(began + (k + 1) * frameMs - performance.now());
    }
  } finally {
    recorder.stop();
    for (const t of stream.getTracks()) t.stop();
    await stopped;
  }
  // Cancelled: what was recorded is dropped, nothing is saved.
  signal.throwIfAborted();
  const recorded = new Uint8Array(await new Blob(chunks).arrayBuffer());
  try {
    return new Blob([remuxWithDuration(recorded).buffer as ArrayBuffer], { type: 'video/webm' });
  } catch {
    // A recording we cannot read back is still a video: saved as recorded.
    return new Blob([recorded.buffer as ArrayBuffer], { type: 'video/webm' });
  }
}
