/**
 * Encoding a clip with WebCodecs: each frame painted, handed to a VP9 (else
 * VP8) VideoEncoder with its exact timestamp, and the encoded chunks muxed
 * into WebM by our muxer — faster than real time, and every frame is there.
 */
import { WebmMuxer, type WebmCodec } from '../webm/webmMuxer';
import { cursorAtFrame, frameTimestamp, type VideoPlan } from './videoPlan';
import type { VideoFrames } from './videoFrames';

/** Frames painted and handed to the encoder so far (of plan.frames). */
export interface ClipProgress {
  (framesDone: number): void;
}

const CODECS: Array<{ config: string; webm: WebmCodec }> = [
  { config: 'vp09.00.10.08', webm: 'V_VP9' },
  { config: 'vp8', webm: 'V_VP8' },
];
/** A key frame every 2 s: a player can seek, a frame lost costs little. */
const KEY_EVERY_S = 2;
/** Frames waiting in the encoder before painting waits for it. */
const MAX_QUEUE = 6;

export function hasWebCodecs(): boolean {
  return typeof VideoEncoder === 'function' && typeof VideoFrame === 'function';
}

async function pickCodec(width: number, height: number, fps: number): Promise<{ config: VideoEncoderConfig; webm: WebmCodec }> {
  const bitrate = Math.round(Math.min(8_000_000, Math.max(1_000_000, width * height * fps * 0.08)));
  for (const codec of CODECS) {
    const config: VideoEncoderConfig = { codec: codec.config, width, height, bitrate, framerate: fps };
    const support = await VideoEncoder.isConfigSupported(config).catch(() => null);
    if (support?.supported) return { config, webm: codec.webm };
  }
  throw new Error('this browser cannot encode VP8 or VP9 video');
}

export async function encodeClip(frames: VideoFrames, plan: VideoPlan, progress: ClipProgress, signal: AbortSignal): Promise<Blob> {
  const { width, height } = frames.canvas;
  const { config, webm } = await pickCodec(width, height, plan.fps);
  signal.throwIfAborted();
  const muxer = new WebmMuxer({ codec: webm, width, height });
  let failure: Error | null = null;
  const encoder = new VideoEncoder({
    output: (chunk) => {
      const data = new Uint8Array(chunk.byteLength);
      chunk.copyTo(data);
      muxer.addFrame({ data, timestampUs: chunk.timestamp, key: chunk.type === 'key' });
    },
    error: (error) => {
      failure = error instanceof Error ? error : new Error(String(error));
    },
  });
  // Cancel stops the encoder at once: its queue is dropped, a flush under way rejects.
  const stop = (): void => {
    if (encoder.state !== 'closed') encoder.close();
  };
  signal.addEventListener('abort', stop, { once: true });
  encoder.configure(config);
  try {
    for (let k = 0; k < plan.frames; k++) {
      signal.throwIfAborted();
      if (failure) throw failure;
      await frames.paint(cursorAtFrame(plan, k));
      signal.throwIfAborted();
      const frame = new VideoFrame(frames.canvas, { timestamp: frameTimestamp(plan, k), duration: Math.round(1_000_000 / plan.fps) });
      encoder.encode(frame, { keyFrame: k % (KEY_EVERY_S * plan.fps) === 0 });
      frame.close();
      while (encoder.encodeQueueSize > MAX_QUEUE && !signal.aborted) await new Promise((resolve) => setTimeout(resolve, 4));
      progress(k + 1);
    }
    await encoder.flush().catch((error: unknown) => {
      signal.throwIfAborted();
      throw error;
    });
    if (failure) throw failure;
  } finally {
    signal.removeEventListener('abort', stop);
    stop();
  }
  signal.throwIfAborted();
  const bytes = muxer.finish(plan.durationUs);
  return new Blob([bytes.buffer as ArrayBuffer], { type: 'video/webm' });
}
