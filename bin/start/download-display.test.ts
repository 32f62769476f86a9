/**
 * What npm start prints while Electron downloads, on a terminal and in a log.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { downloadDisplay, formatSize } = require('./download-display.cjs') as typeof import('./download-display.cjs');
type DownloadReport = import('./install.cjs').DownloadReport;

const ZIP = 'https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip';
const STORAGE = 'https://release-assets.githubusercontent.com/github-production-release-asset/9384267/abc?sp=r';
const TOTAL = 112_345_678;

function show(reports: DownloadReport[], isTTY: boolean): string {
  let text = '';
  let clock = 0;
  const display = downloadDisplay({ isTTY, write: (t: string) => (text += t) }, () => clock);
  for (const report of reports) {
    clock += 1000;
    display(report);
  }
  return text;
}

const download: DownloadReport[] = [
  { kind: 'request', url: ZIP },
  { kind: 'response', url: ZIP, finalUrl: STORAGE, status: 200, total: TOTAL },
  ...[0.1, 0.3, 0.6, 0.8].map((f): DownloadReport => ({ kind: 'progress', url: ZIP, bytes: Math.ceil(f * TOTAL), total: TOTAL })),
  { kind: 'done', url: ZIP, bytes: TOTAL, total: TOTAL },
  { kind: 'request', url: 'https://github.com/electron/electron/releases/download/v45.5.0/SHASUMS256.txt' },
];

describe('the download, as npm start shows it', () => {
  it('names the zip, its size and where it comes from, then redraws one progress line on a terminal', () => {
    expect(show(download, true)).toBe(
      'obra: downloading electron-v45.5.0-linux-x64.zip (112.3 MB) from github.com via release-assets.githubusercontent.com\n' +
        '\r\x1b[2Kobra:   10% of 112.3 MB\r\x1b[2Kobra:   30% of 112.3 MB\r\x1b[2Kobra:   60% of 112.3 MB\r\x1b[2Kobra:   80% of 112.3 MB\n' +
        'obra: downloaded 112.3 MB in 5.0 s; checking and unpacking it\n',
    );
  });

  it('writes a line per quarter into a log or a pipe', () => {
    expect(show(download, false)).toBe(
      'obra: downloading electron-v45.5.0-linux-x64.zip (112.3 MB) from github.com via release-assets.githubusercontent.com\n' +
        'obra:   30% of 112.3 MB\nobra:   60% of 112.3 MB\nobra:   80% of 112.3 MB\n' +
        'obra: downloaded 112.3 MB in 5.0 s; checking and unpacking it\n',
    );
  });

  it('says when the server gives no size', () => {
    const text = show([{ kind: 'response', url: ZIP, finalUrl: ZIP, status: 200, total: null }], false);
    expect(text).toBe('obra: downloading electron-v45.5.0-linux-x64.zip (size not given) from github.com\n');
  });

  it('sizes in B, kB, MB and GB', () => {
    expect([512, 4_096, 105_300_000, 1_234_000_000].map(formatSize)).toEqual(['512 B', '4 kB', '105.3 MB', '1.23 GB']);
  });
});
