/**
 * Writing EBML, the binary format under Matroska and WebM: an element is its
 * ID (1–4 bytes, marker bits included), its data size as a variable-length
 * integer, and its data. Enough for a WebM muxer: unsigned integers, floats,
 * strings, binary data and master elements that hold others.
 */

/** Data size of an element whose end is not known yet (live streams). */
export const UNKNOWN_SIZE = -1;

/** The bytes of an element ID as written (its marker bits are part of it). */
export function idBytes(id: number): Uint8Array {
  const length = id >= 0x1000000 ? 4 : id >= 0x10000 ? 3 : id >= 0x100 ? 2 : 1;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(id / 2 ** (8 * (length - 1 - i))) & 0xff;
  return out;
}

/** A data size as an EBML variable-length integer: the shortest form, or exactly `length` bytes. */
export function sizeBytes(size: number, length?: number): Uint8Array {
  if (size === UNKNOWN_SIZE) return Uint8Array.of(0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
  let n = length ?? 1;
  // 2^(7n) - 1 (all ones) is reserved for "unknown".
  while (size >= 2 ** (7 * n) - 1) n++;
  if (n > 8) throw new RangeError(`EBML size ${size} is too large`);
  const out = new Uint8Array(n);
  let rest = size;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  out[0] |= 0x80 >> (n - 1);
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** An element with binary data. */
export function element(id: number, data: Uint8Array, sizeLength?: number): Uint8Array {
  return concat([idBytes(id), sizeBytes(data.length, sizeLength), data]);
}

/** A master element holding `children`. */
export function master(id: number, children: readonly Uint8Array[]): Uint8Array {
  return element(id, concat(children));
}

/** An unsigned integer in the fewest bytes, or in exactly `width` bytes (so a later rewrite keeps the size). */
export function uint(id: number, value: number, width?: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`EBML uint ${value}`);
  let n = width ?? 1;
  while (!width && n < 8 && value >= 2 ** (8 * n)) n++;
  const out = new Uint8Array(n);
  let rest = value;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return element(id, out);
}

/** A 64-bit float. */
export function float(id: number, value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setFloat64(0, value);
  return element(id, out);
}

export function string(id: number, value: string): Uint8Array {
  return element(id, new TextEncoder().encode(value));
}

/** Element IDs used by Obra's WebM files (Matroska's numbering). */
export const ID = {
  EBML: 0x1a45dfa3,
  EBMLVersion: 0x4286,
  EBMLReadVersion: 0x42f7,
  EBMLMaxIDLength: 0x42f2,
  EBMLMaxSizeLength: 0x42f3,
  DocType: 0x4282,
  DocTypeVersion: 0x4287,
  DocTypeReadVersion: 0x4285,
  Segment: 0x18538067,
  SeekHead: 0x114d9b74,
  Seek: 0x4dbb,
  SeekID: 0x53ab,
  SeekPosition: 0x53ac,
  Info: 0x1549a966,
  TimecodeScale: 0x2ad7b1,
  Duration: 0x4489,
  MuxingApp: 0x4d80,
  WritingApp: 0x5741,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackNumber: 0xd7,
  TrackUID: 0x73c5,
  TrackType: 0x83,
  FlagLacing: 0x9c,
  CodecID: 0x86,
  Video: 0xe0,
  PixelWidth: 0xb0,
  PixelHeight: 0xba,
  Cluster: 0x1f43b675,
  Timecode: 0xe7,
  SimpleBlock: 0xa3,
  BlockGroup: 0xa0,
  Block: 0xa1,
  ReferenceBlock: 0xfb,
  Cues: 0x1c53bb6b,
  CuePoint: 0xbb,
  CueTime: 0xb3,
  CueTrackPositions: 0xb7,
  CueTrack: 0xf7,
  CueClusterPosition: 0xf1,
  Void: 0xec,
  Tags: 0x1254c367,
  Chapters: 0x1043a770,
  Attachments: 0x1941a469,
} as const;
