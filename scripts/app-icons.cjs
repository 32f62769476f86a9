#!/usr/bin/env node
/**
 * The app's icons for electron-builder, drawn from our own artwork
 * (assets/art/icon.svg, itself generated from the stage's components):
 *
 *   <out>/icons/<N>x<N>.png   Linux (hicolor sizes 16–512; the AppImage and the .deb)
 *   <out>/icon.png            512 px
 *   <out>/icon.ico            Windows (16–256)
 *   <out>/icon.icns           macOS (16–1024)
 *
 * Every size is rasterised from the vector by Chromium — the one the browser
 * tests use, through playwright-core — rather than scaled down from one bitmap,
 * and the ICO and ICNS are laid out by icon-files.cjs. electron-builder finds
 * them already in its formats, so it converts nothing (its converter would
 * download a toolset at package time).
 *
 * Usage: node scripts/app-icons.cjs [outDir]   (default: build/, electron-builder's
 * buildResources; `npm run package` runs it). Chromium: $OBRA_CHROMIUM, else
 * /usr/bin/chromium, else an installed Google Chrome.
 */
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { icnsFile, icoFile } = require('./icon-files.cjs');
/* global Image, document -- in the page (page.evaluate) */

const ROOT = path.resolve(__dirname, '..');
const SOURCE = path.join(ROOT, 'assets', 'art', 'icon.svg');
const LINUX_SIDES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIDES = [16, 24, 32, 48, 64, 128, 256];
const ICNS_SIDES = [16, 32, 64, 128, 256, 512, 1024];

async function launchChromium() {
  const executablePath = process.env.OBRA_CHROMIUM ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
  try {
    return await chromium.launch(executablePath ? { executablePath, args } : { channel: 'chrome', args });
  } catch (err) {
    throw new Error(`app-icons: no Chromium to draw the icons with (set OBRA_CHROMIUM to a Chromium or Chrome binary): ${err.message.split('\n')[0]}`);
  }
}

/**
 * PNGs of the SVG at each side, drawn on a canvas of exactly that size (transparent outside the art).
 * @returns {Promise<Map<number, Buffer>>}
 */
async function rasterise(svg, sides) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const encoded = await page.evaluate(
      async ({ svg, sides }) => {
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
        await image.decode();
        const out = {};
        for (const side of sides) {
          const canvas = document.createElement('canvas');
          canvas.width = side;
          canvas.height = side;
          const context = canvas.getContext('2d');
          context.imageSmoothingQuality = 'high';
          context.drawImage(image, 0, 0, side, side);
          out[side] = canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
        }
        return out;
      },
      { svg, sides },
    );
    return new Map(sides.map((side) => [side, Buffer.from(encoded[side], 'base64')]));
  } finally {
    await browser.close();
  }
}

/** Writes every icon file under `outDir`; returns their paths. */
async function writeAppIcons(outDir) {
  const svg = fs.readFileSync(SOURCE, 'utf8');
  const sides = [...new Set([...LINUX_SIDES, ...ICO_SIDES, ...ICNS_SIDES])].sort((a, b) => a - b);
  const png = await rasterise(svg, sides);
  const written = [];
  const write = (file, bytes) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    written.push(file);
  };
  for (const side of LINUX_SIDES) write(path.join(outDir, 'icons', `${side}x${side}.png`), png.get(side));
  write(path.join(outDir, 'icon.png'), png.get(512));
  write(path.join(outDir, 'icon.ico'), icoFile(ICO_SIDES.map((side) => png.get(side))));
  write(path.join(outDir, 'icon.icns'), icnsFile(ICNS_SIDES.map((side) => png.get(side))));
  return written;
}

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] ?? path.join(ROOT, 'build'));
  writeAppIcons(outDir).then(
    (files) => console.log(`app-icons: ${files.length} files in ${path.relative(process.cwd(), outDir) || '.'}`),
    (err) => {
      console.error(err.message);
      process.exitCode = 1;
    },
  );
}

module.exports = { writeAppIcons, LINUX_SIDES, ICO_SIDES, ICNS_SIDES };
