/**
 * The icons the packages carry, drawn from assets/art/icon.svg by Chromium
 * (/usr/bin/chromium, as in the browser tests). Chromium's own ICO decoder
 * reads the ICO back: a reader we did not write.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICNS_SIDES, ICO_SIDES, LINUX_SIDES, writeAppIcons } from './app-icons.cjs';
import { pngSize } from './icon-files.cjs';

let out: string;
let written: string[];

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'obra-icons-'));
  written = await writeAppIcons(out);
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the app icons', () => {
  it('writes the Linux sizes, the 512 px PNG, the ICO and the ICNS, each image at its own size', () => {
    expect(written.map((f) => path.relative(out, f)).sort()).toEqual(
      ['icon.icns', 'icon.ico', 'icon.png', ...LINUX_SIDES.map((s) => path.join('icons', `${s}x${s}.png`))].sort(),
    );
    for (const side of LINUX_SIDES) expect(pngSize(readFileSync(path.join(out, 'icons', `${side}x${side}.png`)))).toEqual({ width: side, height: side });
    expect(pngSize(readFileSync(path.join(out, 'icon.png')))).toEqual({ width: 512, height: 512 });
  });

  it('lays every ICO and ICNS size out, the largest ICO image being 256 px', () => {
    const ico = readFileSync(path.join(out, 'icon.ico'));
    expect(ico.readUInt16LE(4)).toBe(ICO_SIDES.length);
    const icoSides = ICO_SIDES.map((_, i) => ico[6 + 16 * i] || 256);
    expect(icoSides).toEqual(ICO_SIDES);
    const icns = readFileSync(path.join(out, 'icon.icns'));
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const sides = new Set<number>();
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) sides.add(pngSize(icns.subarray(at + 8)).width);
    expect([...sides]).toEqual(ICNS_SIDES);
  });

  it('gives an ICO that Chromium decodes, transparent in the corners and drawn in the middle', async () => {
    const browser = await chromium.launch({ executablePath: process.env.OBRA_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const seen = await page.evaluate(async (base64) => {
        const image = new Image();
        image.src = `data:image/x-icon;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const alpha = (x: number, y: number) => context.getImageData(x, y, 1, 1).data[3];
        const mid = image.naturalWidth / 2;
        return { width: image.naturalWidth, corner: alpha(1, 1), middle: alpha(mid, mid) };
      }, readFileSync(path.join(out, 'icon.ico')).toString('base64'));
      expect(seen).toEqual({ width: 256, corner: 0, middle: 255 });
    } finally {
      await browser.close();
    }
  });
});
