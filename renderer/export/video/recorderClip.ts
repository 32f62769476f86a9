/**
 * The clip where WebCodecs is missing: the frames painted on a canvas at
 * their real pace, captured as a stream and recorded by MediaRecorder. A
 * recorder writes a live stream's file (a WebM with no Duration, which
 * Chromium's <video> says lasts Infinity; a fragmented MP4), so the recording
 * is muxed again by mediabunny — the same frames, copied, not encoded again,
 * starting at 0 and each lasting a frame — into a whole file with its
 * duration and index.
 */
import { BufferSource, BufferTarget, EncodedPacketSink, EncodedVideoPacketSource, Input, MP4, Mp4OutputFormat, Output, WEBM, WebMOutputFormat } from 'mediabunny';
import { CLIP_MIME } from './clipFormat';
import type { VideoFormat } from './videoCodecs';
import type { ClipProgress } from './webCodecsClip';
import { cursorAtFrame, type VideoPlan } from './videoPlan';
import type { VideoFrames } from './videoFrames';

const TYPES: Record<VideoFormat, readonly string[]> = {
  mp4: ['video/mp4;codecs=avc1', 'video/mp4;codecs=avc3', 'video/mp4'],
  webm: ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'],
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function recordClip(frames: VideoFrames, plan: VideoPlan, format: VideoFormat, progress: ClipProgress, signal: AbortSignal): Promise<Blob> {
  const mimeType = TYPES[format].find((type) => MediaRecorder.isTypeSupported(type));
  if (!mimeType) throw new Error(`this browser can record no ${format === 'mp4' ? 'MP4' : 'WebM'} video`);
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
  const recorded = await new Blob(chunks).arrayBuffer();
  try {
    return await remux(recorded, format, plan.fps);
  } catch {
    // A recording that cannot be read back is still a video: saved as recorded.
    return new Blob([recorded], { type: CLIP_MIME[format] });
  }
}

/** The recording's frames in a whole file of the same format. */
async function remux(recorded: ArrayBuffer, format: VideoFormat, fps: number): Promise<Blob> {
  const input = new Input({ source: new BufferSource(recorded), formats: [WEBM, MP4] });
  const track = await input.getPrimaryVideoTrack();
  const codec = track?.codec;
  const config = await track?.getDecoderConfig();
  if (!track || !codec || !config) throw new Error('the recording has no video track to read');
  const output = new Output({ format: format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(), target: new BufferTarget() });
  const source = new EncodedVideoPacketSource(codec);
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  let first: number | null = null;
  for await (const packet of new EncodedPacketSink(track).packets()) {
    first ??= packet.timestamp;
    await source.add(packet.clone({ timestamp: packet.timestamp - first, duration: 1 / fps }), first === packet.timestamp ? { decoderConfig: config } : undefined);
  }
  await output.finalize();
  input.dispose();
  const bytes = output.target.buffer;
  if (!bytes) throw new Error('the recording was muxed into nothing');
  return new Blob([bytes], { type: CLIP_MIME[format] });
}
