/**
 * What the video form says about the clip before it starts, besides its
 * length: the frame's size (the picture's height follows its lanes and the
 * stage's shape), what an MP4 will hold here (asked of the runtime's
 * encoders, which load for the question), and a GIF's estimated weight.
 */
import { useEffect, useMemo, useState } from 'react';
import type { VideoCodec } from 'mediabunny';
import type { PictureChoice } from '../exportActions';
import { clipFrameSize } from '../exportActions';
import type { ExportSubject } from '../exportSubject';
import { estimateGifBytes, GIF_WARN_BYTES } from '../gif/gifSize';
import type { ClipFormat } from './clipFormat';

export interface ClipFacts {
  size: { width: number; height: number };
  /** What an MP4 holds here: 'avc' (H.264), another codec, null (no MP4 can be made), or undefined while asked. */
  mp4Codec: VideoCodec | null | undefined;
  /** A GIF's estimated bytes (null for a video). */
  gifBytes: number | null;
  tooBig: boolean;
}

export function useClipFacts(subject: ExportSubject, choice: PictureChoice, format: ClipFormat, width: number, fps: number, frames: number | null): ClipFacts {
  const { content, theme } = choice;
  const size = useMemo(() => clipFrameSize(subject, { content, theme }, width), [subject, content, theme, width]);
  const [asked, setAsked] = useState<{ key: string; codec: VideoCodec | null } | null>(null);
  const key = `${size.width}x${size.height}@${fps}`;
  useEffect(() => {
    if (format !== 'mp4') return;
    let live = true;
    import('./videoCodecs')
      .then((codecs) => codecs.mp4Codec({ ...size, fps }))
      .catch(() => null)
      .then((codec) => {
        if (live) setAsked({ key, codec });
      });
    return () => {
      live = false;
    };
  }, [format, size, fps, key]);
  const gifBytes = format === 'gif' && frames !== null ? estimateGifBytes(size, frames, content) : null;
  return { size, mp4Codec: asked?.key === key ? asked.codec : undefined, gifBytes, tooBig: gifBytes !== null && gifBytes > GIF_WARN_BYTES };
}
