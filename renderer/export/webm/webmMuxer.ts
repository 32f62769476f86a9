/**
 * A small WebM muxer for one video track (VP8 or VP9), written for Obra's
 * video export: encoded frames in, one finished file out, with its Duration
 * set (players show the length and can seek) and Cues pointing at each
 * cluster. The whole file is built in memory when it is finished, so every
 * size is known: a teaching clip is a few megabytes.
 */
import { concat, element, float, ID, idBytes, master, sizeBytes, string, uint } from './ebml';

export type WebmCodec = 'V_VP8' | 'V_VP9';

export interface WebmTrack {
  codec: WebmCodec;
  width: number;
  height: number;
}

export interface EncodedFrame {
  data: Uint8Array;
  /** Presentation time, µs from the start. */
  timestampUs: number;
  key: boolean;
}

/** Time unit of the file: 1 ms (TimecodeScale in ns). */
const TIMECODE_SCALE_NS = 1_000_000;
/** A cluster's blocks are timed relative to it with a signed 16-bit number of ms. */
const MAX_CLUSTER_MS = 30_000;
const APP = 'Obra';

interface Cluster {
  timecode: number;
  blocks: Uint8Array[];
}

export class WebmMuxer {
  private readonly clusters: Cluster[] = [];
  private lastTimestampUs = 0;
  private frameCount = 0;

  constructor(private readonly track: WebmTrack) {}

  get frames(): number {
    return this.frameCount;
  }

  addFrame(frame: EncodedFrame): void {
    if (this.frameCount === 0 && !frame.key) throw new Error('a WebM must start with a key frame');
    const ms = Math.round(frame.timestampUs / 1000);
    let cluster = this.clusters[this.clusters.length - 1];
    if (!cluster || (frame.key && ms > cluster.timecode) || ms - cluster.timecode > MAX_CLUSTER_MS) {
      cluster = { timecode: ms, blocks: [] };
      this.clusters.push(cluster);
    }
    cluster.blocks.push(simpleBlock(frame, ms - cluster.timecode));
    this.lastTimestampUs = Math.max(this.lastTimestampUs, frame.timestampUs);
    this.frameCount++;
  }

  /** The file. `durationUs`: the video's length (default: the last frame's time plus one frame at 30 fps). */
  finish(durationUs = this.lastTimestampUs + 1_000_000 / 30): Uint8Array {
    const header = master(ID.EBML, [
      uint(ID.EBMLVersion, 1),
      uint(ID.EBMLReadVersion, 1),
      uint(ID.EBMLMaxIDLength, 4),
      uint(ID.EBMLMaxSizeLength, 8),
      string(ID.DocType, 'webm'),
      uint(ID.DocTypeVersion, 2),
      uint(ID.DocTypeReadVersion, 2),
    ]);
    const info = master(ID.Info, [uint(ID.TimecodeScale, TIMECODE_SCALE_NS), float(ID.Duration, durationUs / 1000), string(ID.MuxingApp, APP), string(ID.WritingApp, APP)]);
    const tracks = master(ID.Tracks, [
      master(ID.TrackEntry, [
        uint(ID.TrackNumber, 1),
        uint(ID.TrackUID, 1),
        uint(ID.TrackType, 1),
        uint(ID.FlagLacing, 0),
        string(ID.CodecID, this.track.codec),
        master(ID.Video, [uint(ID.PixelWidth, this.track.width), uint(ID.PixelHeight, this.track.height)]),
      ]),
    ]);
    const clusters = this.clusters.map((c) => master(ID.Cluster, [uint(ID.Timecode, c.timecode), ...c.blocks]));

    // Positions are counted from the start of the Segment's data; the SeekHead's own size is fixed (8-byte positions).
    const seekHeadSize = seekHead(0, 0, 0).length;
    const infoAt = seekHeadSize;
    const tracksAt = infoAt + info.length;
    let at = tracksAt + tracks.length;
    const cuePoints: Uint8Array[] = [];
    this.clusters.forEach((c, i) => {
      cuePoints.push(master(ID.CuePoint, [uint(ID.CueTime, c.timecode), master(ID.CueTrackPositions, [uint(ID.CueTrack, 1), uint(ID.CueClusterPosition, at)])]));
      at += clusters[i].length;
    });
    const cues = master(ID.Cues, cuePoints);
    const segment = element(ID.Segment, concat([seekHead(infoAt, tracksAt, at), info, tracks, ...clusters, cues]));
    return concat([header, segment]);
  }
}

function seekHead(infoAt: number, tracksAt: number, cuesAt: number): Uint8Array {
  const seek = (id: number, position: number): Uint8Array => master(ID.Seek, [element(ID.SeekID, idBytes(id)), uint(ID.SeekPosition, position, 8)]);
  return master(ID.SeekHead, [seek(ID.Info, infoAt), seek(ID.Tracks, tracksAt), seek(ID.Cues, cuesAt)]);
}

/** A SimpleBlock: track 1, time relative to its cluster (signed 16-bit ms), flags (key frame), the frame. */
function simpleBlock(frame: EncodedFrame, relativeMs: number): Uint8Array {
  const head = new Uint8Array(4);
  head[0] = 0x81;
  new DataView(head.buffer).setInt16(1, relativeMs);
  head[3] = frame.key ? 0x80 : 0x00;
  return concat([idBytes(ID.SimpleBlock), sizeBytes(head.length + frame.data.length), head, frame.data]);
}
