/**
 * The Windows (.ico) and macOS (.icns) icon containers, written from PNG
 * images. Both formats are a header, a directory and the images: Windows has
 * read PNG images inside an ICO since Vista, macOS reads PNG inside the ICNS
 * types ic07–ic14, icp4 and icp5 since 10.7 — every system Electron 45 runs on.
 * So no image is converted here: each size is a PNG drawn from the artwork
 * (app-icons.cjs), and these functions only lay them out.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Width and height of a PNG, from its IHDR chunk.
 * @param {Buffer} png
 * @returns {{ width: number, height: number }}
 */
function pngSize(png) {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG image');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** @param {Buffer} png */
function squareSide(png) {
  const { width, height } = pngSize(png);
  if (width !== height) throw new Error(`icon images must be square, got ${width}×${height}`);
  return width;
}

/**
 * An ICO file holding the given PNGs (square, 1–256 px), one directory entry each.
 * @param {Buffer[]} pngs
 * @returns {Buffer}
 */
function icoFile(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = 6 + 16 * pngs.length;
  for (const png of pngs) {
    const side = squareSide(png);
    if (side > 256) throw new Error(`an ICO image is at most 256 px, got ${side}`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(side === 256 ? 0 : side, 0); // 0 means 256
    entry.writeUInt8(side === 256 ? 0 : side, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...pngs]);
}

/** ICNS types that hold a PNG, by the side of the image they hold (the @2x types share sides with the 1x ones). */
const ICNS_TYPES_BY_SIDE = {
  16: ['icp4'],
  32: ['icp5', 'ic11'], // 32 px, and 16 pt @2x
  64: ['ic12'], // 32 pt @2x
  128: ['ic07'],
  256: ['ic08', 'ic13'], // 256 px, and 128 pt @2x
  512: ['ic09', 'ic14'], // 512 px, and 256 pt @2x
  1024: ['ic10'], // 512 pt @2x
};

/**
 * An ICNS file holding the given PNGs, each under every type its side fills.
 * @param {Buffer[]} pngs
 * @returns {Buffer}
 */
function icnsFile(pngs) {
  const chunks = [];
  for (const png of pngs) {
    const side = squareSide(png);
    const types = ICNS_TYPES_BY_SIDE[side];
    if (!types) throw new Error(`no ICNS type holds a ${side} px image (sides: ${Object.keys(ICNS_TYPES_BY_SIDE).join(', ')})`);
    for (const type of types) {
      const head = Buffer.alloc(8);
      head.write(type, 0, 'latin1');
      head.writeUInt32BE(8 + png.length, 4);
      chunks.push(head, png);
    }
  }
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

module.exports = { pngSize, icoFile, icnsFile, ICNS_TYPES_BY_SIDE };
