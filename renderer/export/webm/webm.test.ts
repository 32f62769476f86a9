import { describe, expect, it } from 'vitest';
import { concat, element, float, ID, master, sizeBytes, string, uint, UNKNOWN_SIZE, idBytes } from './ebml';
import { readWebm, webmDurationMs } from './ebmlReader';
import { remuxWithDuration } from './webmRemux';
import { WebmMuxer } from './webmMuxer';

/** Frames with recognisable bytes (a container test: the muxer never looks inside a frame). */
function frames(count: number, fps: number, keyEvery: number) {
  return Array.from({ length: count }, (_, i) => ({ data: Uint8Array.from({ length: 10 + (i % 7) }, (_, k) => (i * 31 + k) & 0xff), timestampUs: Math.round((i * 1_000_000) / fps), key: i % keyEvery === 0 }));
}

describe('EBML numbers', () => {
  it('writes sizes in the shortest form, never as all ones (that means unknown)', () => {
    expect([...sizeBytes(0)]).toEqual([0x80]);
    expect([...sizeBytes(126)]).toEqual([0xfe]);
    expect([...sizeBytes(127)]).toEqual([0x40, 0x7f]);
    expect([...sizeBytes(5, 4)]).toEqual([0x10, 0, 0, 5]);
    expect([...idBytes(ID.Segment)]).toEqual([0x18, 0x53, 0x80, 0x67]);
  });
});

describe('the WebM muxer', () => {
  it('writes a file whose frames, size, codec and Duration read back as written', () => {
    const muxer = new WebmMuxer({ codec: 'V_VP9', width: 1280, height: 720 });
    const input = frames(95, 30, 60);
    for (const f of input) muxer.addFrame(f);
    const bytes = muxer.finish(95_000_000 / 30);
    const file = readWebm(bytes);
    expect(file).toMatchObject({ codec: 'V_VP9', width: 1280, height: 720 });
    expect(file.durationMs).toBeCloseTo(95_000 / 30, 3);
    expect(file.frames.map((f) => f.key)).toEqual(input.map((f) => f.key));
    expect(file.frames.map((f) => Math.round(f.timestampUs / 1000))).toEqual(input.map((f) => Math.round(f.timestampUs / 1000)));
    expect(file.frames[50].data).toEqual(input[50].data);
  });

  it('refuses to start on a frame that is not a key frame', () => {
    const muxer = new WebmMuxer({ codec: 'V_VP8', width: 2, height: 2 });
    expect(() => muxer.addFrame({ data: new Uint8Array(3), timestampUs: 0, key: false })).toThrow(/key frame/);
  });

  it('starts a new cluster at least every 30 s (block times are 16-bit ms)', () => {
    const muxer = new WebmMuxer({ codec: 'V_VP8', width: 2, height: 2 });
    for (const f of frames(70, 1, 1000)) muxer.addFrame(f);
    const file = readWebm(muxer.finish());
    expect(file.frames).toHaveLength(70);
    expect(file.frames[69].timestampUs).toBe(69_000_000);
  });
});

describe('a live recording, rewritten', () => {
  /** What MediaRecorder writes: Segment and Clusters of unknown size, no Duration. */
  function liveRecording(): Uint8Array {
    const header = master(ID.EBML, [uint(ID.EBMLVersion, 1), string(ID.DocType, 'webm')]);
    const info = master(ID.Info, [uint(ID.TimecodeScale, 1_000_000), string(ID.MuxingApp, 'Chrome')]);
    const tracks = master(ID.Tracks, [master(ID.TrackEntry, [uint(ID.TrackNumber, 1), uint(ID.TrackType, 1), string(ID.CodecID, 'V_VP8'), master(ID.Video, [uint(ID.PixelWidth, 640), uint(ID.PixelHeight, 360)])])]);
    const block = (ms: number, key: boolean) => element(ID.SimpleBlock, Uint8Array.of(0x81, 0, ms, key ? 0x80 : 0, 1, 2, 3));
    const cluster = (timecode: number, blocks: Uint8Array[]) => concat([idBytes(ID.Cluster), sizeBytes(UNKNOWN_SIZE), uint(ID.Timecode, timecode), ...blocks]);
    const body = concat([info, tracks, cluster(0, [block(0, true), block(33, false), block(66, false)]), cluster(100, [block(0, true), block(33, false)])]);
    return concat([header, idBytes(ID.Segment), sizeBytes(UNKNOWN_SIZE), body]);
  }

  it('reads the frames of unknown-size clusters, and has no Duration', () => {
    const file = readWebm(liveRecording());
    expect(file.durationMs).toBeNull();
    expect(file.frames.map((f) => f.timestampUs / 1000)).toEqual([0, 33, 66, 100, 133]);
    expect(file.frames.map((f) => f.key)).toEqual([true, false, false, true, false]);
  });

  it('gets a Duration when written again, and keeps every frame', () => {
    const fixed = remuxWithDuration(liveRecording());
    expect(webmDurationMs(fixed)).toBeCloseTo(133 + 133 / 4, 3);
    expect(readWebm(fixed).frames).toHaveLength(5);
    expect(webmDurationMs(remuxWithDuration(liveRecording(), 5_000_000))).toBe(5_000);
  });

  it('reads a 4-byte float Duration too', () => {
    const info = master(ID.Info, [uint(ID.TimecodeScale, 1_000_000), element(ID.Duration, Uint8Array.of(0x44, 0x7a, 0, 0))]);
    const bytes = concat([master(ID.EBML, [string(ID.DocType, 'webm')]), master(ID.Segment, [info])]);
    expect(webmDurationMs(bytes)).toBe(1000);
    expect(float(ID.Duration, 1)).toHaveLength(2 + 1 + 8);
  });
});
