import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { icnsFile, icoFile, pngSize } from './icon-files.cjs';

/** A real (tiny, one-colour) PNG of the given size: signature, IHDR, IDAT, IEND with their CRCs. */
function png(width: number, height = width): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(height * (1 + width * 4), 0x7f);
  for (let y = 0; y < height; y++) rows[y * (1 + width * 4)] = 0; // filter: none
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

describe('pngSize', () => {
  it('reads the width and height from the IHDR chunk, and refuses what is not a PNG', () => {
    expect(pngSize(png(48, 32))).toEqual({ width: 48, height: 32 });
    expect(() => pngSize(Buffer.from('GIF89a and then some bytes'))).toThrow('not a PNG image');
  });
});

describe('icoFile', () => {
  it('lists every image in its directory, 256 px written as 0, each pointing at its PNG', () => {
    const images = [png(16), png(32), png(256)];
    const ico = icoFile(images);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
    const entries = images.map((_, i) => {
      const at = 6 + 16 * i;
      return { side: ico[at], planes: ico.readUInt16LE(at + 4), bits: ico.readUInt16LE(at + 6), bytes: ico.readUInt32LE(at + 8), offset: ico.readUInt32LE(at + 12) };
    });
    expect(entries.map((e) => [e.side, e.planes, e.bits])).toEqual([
      [16, 1, 32],
      [32, 1, 32],
      [0, 1, 32],
    ]);
    for (const [i, e] of entries.entries()) expect(ico.subarray(e.offset, e.offset + e.bytes).equals(images[i])).toBe(true);
    const last = entries[entries.length - 1];
    expect(last.offset + last.bytes).toBe(ico.length);
  });

  it('refuses images larger than 256 px or not square', () => {
    expect(() => icoFile([png(512)])).toThrow('at most 256 px');
    expect(() => icoFile([png(32, 16)])).toThrow('must be square');
  });
});

describe('icnsFile', () => {
  /** The (type, PNG side) pairs of an ICNS file, read back chunk by chunk. */
  function chunks(icns: Buffer): Array<[string, number]> {
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const out: Array<[string, number]> = [];
    for (let at = 8; at < icns.length; ) {
      const length = icns.readUInt32BE(at + 4);
      out.push([icns.toString('latin1', at, at + 4), pngSize(icns.subarray(at + 8, at + length)).width]);
      at += length;
    }
    return out;
  }

  it('files each PNG under every type its side fills, @2x types included', () => {
    const icns = icnsFile([16, 32, 64, 128, 256, 512, 1024].map((side) => png(side)));
    expect(chunks(icns)).toEqual([
      ['icp4', 16],
      ['icp5', 32],
      ['ic11', 32],
      ['ic12', 64],
      ['ic07', 128],
      ['ic08', 256],
      ['ic13', 256],
      ['ic09', 512],
      ['ic14', 512],
      ['ic10', 1024],
    ]);
  });

  it('refuses a side no ICNS type holds', () => {
    expect(() => icnsFile([png(100)])).toThrow('no ICNS type holds a 100 px image');
  });
});
