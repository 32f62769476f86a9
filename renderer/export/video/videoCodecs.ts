/**
 * Which codec a video clip is encoded with, asked of the runtime's own
 * WebCodecs (VideoEncoder.isConfigSupported, through mediabunny) for the
 * clip's size and frame rate. An MP4 wants H.264, the one codec PowerPoint
 * and Keynote play everywhere; where the runtime cannot encode it (a browser
 * built without proprietary codecs), it holds VP9, else AV1, which PowerPoint
 * plays on Windows 10 and 11 through the system's video extensions and
 * Keynote does not — the form says so. A WebM holds VP9, else VP8.
 */
import { getFirstEncodableVideoCodec, QUALITY_HIGH, type VideoCodec } from 'mediabunny';
import type { ClipFormat } from './clipFormat';
import { hasWebCodecs } from './clipRuntime';

export type VideoFormat = Exclude<ClipFormat, 'gif'>;

export const CODEC_ORDER: Record<VideoFormat, readonly VideoCodec[]> = {
  mp4: ['avc', 'vp9', 'av1'],
  webm: ['vp9', 'vp8'],
};

/** Sharp text and thin lines: a slide's clip is more like a screen than a film. */
export const CLIP_QUALITY = QUALITY_HIGH;

export interface ClipSize {
  width: number;
  height: number;
  fps: number;
}

/** The first codec of the format's order this runtime encodes at that size, or null. */
export async function clipCodec(format: VideoFormat, size: ClipSize): Promise<VideoCodec | null> {
  if (!hasWebCodecs()) return null;
  return getFirstEncodableVideoCodec([...CODEC_ORDER[format]], { width: size.width, height: size.height, frameRate: size.fps, quality: CLIP_QUALITY });
}

/** What an MP4 of that size will hold here: H.264 when the runtime encodes it (with WebCodecs, else by recording), else VP9 or AV1, or null when it can make no MP4. */
export async function mp4Codec(size: ClipSize): Promise<VideoCodec | null> {
  if (hasWebCodecs()) return clipCodec('mp4', size);
  return typeof MediaRecorder === 'function' && MediaRecorder.isTypeSupported('video/mp4;codecs=avc1') ? 'avc' : null;
}
