/**
 * Reading WebM back: the elements of an EBML file, including the
 * unknown-size Segment and Clusters a live recorder (MediaRecorder) writes,
 * and from them a video's Duration, its track and its frames. The tests use
 * it to check a file's length; the MediaRecorder fallback uses it to write
 * the file again with a Duration.
 */
import { ID } from './ebml';
import type { EncodedFrame, WebmCodec } from './webmMuxer';

export interface EbmlElement {
  id: number;
  /** Offsets in the file: where the element starts, where its data starts and ends. */
  start: number;
  dataStart: number;
  dataEnd: number;
  /** Its size was written as "unknown" (it ends where its parent, or a sibling of its parent, begins). */
  unknownSize: boolean;
}

/** Elements that belong to the Segment: an unknown-size Cluster ends where one of these starts. */
const SEGMENT_CHILDREN: ReadonlySet<number> = new Set([ID.SeekHead, ID.Info, ID.Tracks, ID.Cluster, ID.Cues, ID.Tags, ID.Chapters, ID.Attachments]);

function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number; allOnes: boolean } {
  const first = bytes[at];
  if (first === undefined || first === 0) throw new Error(`bad EBML number at ${at}`);
  let length = 1;
  while (!(first & (0x80 >> (length - 1)))) length++;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const b = bytes[at + i];
    if (b === undefined) throw new Error(`EBML number cut at ${at}`);
    value = value * 256 + b;
    if (b !== 0xff) allOnes = false;
  }
  return { value, length, allOnes };
}

/** The elements in bytes[from, to): each one's header is read, its data skipped. */
export function* children(bytes: Uint8Array, from: number, to: number, inside?: number): Generator<EbmlElement> {
  let at = from;
  while (at < to) {
    const id = readVint(bytes, at, true);
    // An unknown-size Cluster ends where the next Segment-level element starts.
    if (inside === ID.Cluster && SEGMENT_CHILDREN.has(id.value)) return;
    const size = readVint(bytes, at + id.length, false);
    const dataStart = at + id.length + size.length;
    const unknownSize = size.allOnes;
    let dataEnd = unknownSize ? to : Math.min(to, dataStart + size.value);
    const element = { id: id.value, start: at, dataStart, dataEnd, unknownSize };
    if (unknownSize && id.value === ID.Cluster) {
      dataEnd = dataStart;
      for (const child of children(bytes, dataStart, to, ID.Cluster)) dataEnd = child.dataEnd;
      element.dataEnd = dataEnd;
    }
    yield element;
    at = dataEnd;
  }
}

export function find(bytes: Uint8Array, parent: EbmlElement, id: number): EbmlElement | undefined {
  for (const child of children(bytes, parent.dataStart, parent.dataEnd, parent.id)) if (child.id === id) return child;
  return undefined;
}

function uintOf(bytes: Uint8Array, e: EbmlElement): number {
  let value = 0;
  for (let i = e.dataStart; i < e.dataEnd; i++) value = value * 256 + bytes[i];
  return value;
}

function floatOf(bytes: Uint8Array, e: EbmlElement): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + e.dataStart, e.dataEnd - e.dataStart);
  return e.dataEnd - e.dataStart === 4 ? view.getFloat32(0) : view.getFloat64(0);
}

export interface WebmFile {
  codec: WebmCodec | string;
  width: number;
  height: number;
  /** From Info's Duration, ms; null when the file has none (a live recording). */
  durationMs: number | null;
  frames: EncodedFrame[];
}

/** The segment of a WebM file (after its EBML header). */
function segmentOf(bytes: Uint8Array): EbmlElement {
  const top = [...children(bytes, 0, bytes.length)];
  if (top[0]?.id !== ID.EBML) throw new Error('not an EBML file');
  const segment = top.find((e) => e.id === ID.Segment);
  if (!segment) throw new Error('no Segment in the WebM file');
  return segment;
}

/** The Duration a WebM file declares, in ms (null if it declares none). */
export function webmDurationMs(bytes: Uint8Array): number | null {
  const segment = segmentOf(bytes);
  const info = find(bytes, segment, ID.Info);
  const duration = info && find(bytes, info, ID.Duration);
  if (!info || !duration) return null;
  const scale = find(bytes, info, ID.TimecodeScale);
  return (floatOf(bytes, duration) * (scale ? uintOf(bytes, scale) : 1_000_000)) / 1_000_000;
}

/** The first video track and every frame of it (SimpleBlocks, and Blocks in BlockGroups). */
export function readWebm(bytes: Uint8Array): WebmFile {
  const segment = segmentOf(bytes);
  const info = find(bytes, segment, ID.Info);
  const scale = info ? find(bytes, info, ID.TimecodeScale) : undefined;
  const nsPerTick = scale ? uintOf(bytes, scale) : 1_000_000;
  const tracks = find(bytes, segment, ID.Tracks);
  const entry = tracks && find(bytes, tracks, ID.TrackEntry);
  if (!entry) throw new Error('no track in the WebM file');
  const number = find(bytes, entry, ID.TrackNumber);
  const codec = find(bytes, entry, ID.CodecID);
  const video = find(bytes, entry, ID.Video);
  const width = video && find(bytes, video, ID.PixelWidth);
  const height = video && find(bytes, video, ID.PixelHeight);
  const trackNumber = number ? uintOf(bytes, number) : 1;
  const frames: EncodedFrame[] = [];
  for (const cluster of children(bytes, segment.dataStart, segment.dataEnd, ID.Segment)) {
    if (cluster.id !== ID.Cluster) continue;
    let base = 0;
    for (const child of children(bytes, cluster.dataStart, cluster.dataEnd, ID.Cluster)) {
      if (child.id === ID.Timecode) base = uintOf(bytes, child);
      else if (child.id === ID.SimpleBlock) pushBlock(bytes, child, base, nsPerTick, trackNumber, frames, null);
      else if (child.id === ID.BlockGroup) {
        const block = find(bytes, child, ID.Block);
        if (block) pushBlock(bytes, block, base, nsPerTick, trackNumber, frames, !find(bytes, child, ID.ReferenceBlock));
      }
    }
  }
  const durationMs = webmDurationMs(bytes);
  return {
    codec: codec ? new TextDecoder().decode(bytes.subarray(codec.dataStart, codec.dataEnd)) : '',
    width: width ? uintOf(bytes, width) : 0,
    height: height ? uintOf(bytes, height) : 0,
    durationMs,
    frames,
  };
}

function pushBlock(bytes: Uint8Array, block: EbmlElement, base: number, nsPerTick: number, track: number, frames: EncodedFrame[], key: boolean | null): void {
  const number = readVint(bytes, block.dataStart, false);
  if (number.value !== track) return;
  const at = block.dataStart + number.length;
  const relative = new DataView(bytes.buffer, bytes.byteOffset + at, 2).getInt16(0);
  const flags = bytes[at + 2];
  if (flags & 0x06) throw new Error('laced blocks are not supported');
  frames.push({
    data: bytes.slice(at + 3, block.dataEnd),
    timestampUs: ((base + relative) * nsPerTick) / 1000,
    key: key ?? (flags & 0x80) !== 0,
  });
}
