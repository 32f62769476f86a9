/**
 * A live recording made whole: MediaRecorder writes WebM as a stream —
 * Segment and Clusters of unknown size, no Duration, no Cues — which
 * Chromium's own <video> reports as lasting Infinity and cannot seek. Its
 * frames, written again by our muxer, make a file with a Duration and Cues.
 */
import { readWebm } from './ebmlReader';
import { WebmMuxer, type WebmCodec } from './webmMuxer';

const CODECS: ReadonlySet<string> = new Set(['V_VP8', 'V_VP9']);

/** The same video with its Duration (`durationUs`, else the frames' span plus one frame). */
export function remuxWithDuration(bytes: Uint8Array, durationUs?: number): Uint8Array {
  const file = readWebm(bytes);
  if (!CODECS.has(file.codec)) throw new Error(`cannot rewrite a ${file.codec || 'codec-less'} WebM`);
  if (file.frames.length === 0) throw new Error('the recording has no frames');
  const first = file.frames[0].timestampUs;
  const muxer = new WebmMuxer({ codec: file.codec as WebmCodec, width: file.width, height: file.height });
  for (const frame of file.frames) muxer.addFrame({ ...frame, timestampUs: frame.timestampUs - first });
  const last = file.frames[file.frames.length - 1].timestampUs - first;
  const step = file.frames.length > 1 ? last / (file.frames.length - 1) : 1_000_000 / 30;
  return muxer.finish(durationUs ?? last + step);
}
