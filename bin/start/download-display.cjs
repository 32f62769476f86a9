// @ts-check
/**
 * What `npm start` prints while Electron's installer downloads: the zip's name,
 * size and host once the server answers, then how far it got — one line
 * redrawn in place on a terminal, a line per quarter when the output is a file
 * or a pipe. Only the Electron zip is shown (the checksum file is tiny).
 */
const { isZip } = require('./install.cjs');

/** @param {number} bytes */
function formatSize(bytes) {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(0)} kB`;
  return `${bytes} B`;
}

/** @param {string} url */
function nameAndHost(url) {
  const parsed = new URL(url);
  return { name: decodeURIComponent(parsed.pathname.split('/').pop() ?? ''), host: parsed.host };
}

/**
 * @param {{ write(text: string): unknown, isTTY?: boolean }} out
 * @param {() => number} [now]
 * @returns {(report: import('./install.cjs').DownloadReport) => void}
 */
function downloadDisplay(out, now = Date.now) {
  let started = 0;
  let quarter = 0;
  let redrawn = false;
  const endRedraw = () => {
    if (redrawn) out.write('\n');
    redrawn = false;
  };
  return (report) => {
    if (!isZip(report.url)) return;
    if (report.kind === 'response' && report.status < 400) {
      started = now();
      quarter = 0;
      // A redirect may end at a storage host with an opaque path: the file is named by the URL asked.
      const { name, host: asked } = nameAndHost(report.url);
      const { host } = nameAndHost(report.finalUrl || report.url);
      const size = report.total === null ? 'size not given' : formatSize(report.total);
      out.write(`obra: downloading ${name} (${size}) from ${asked}${asked === host ? '' : ` via ${host}`}\n`);
    } else if (report.kind === 'progress') {
      const done = report.total ? `${Math.floor((100 * report.bytes) / report.total)}% of ${formatSize(report.total)}` : formatSize(report.bytes);
      if (out.isTTY) {
        out.write(`\r\x1b[2Kobra:   ${done}`);
        redrawn = true;
      } else if (report.total && Math.floor((4 * report.bytes) / report.total) > quarter) {
        quarter = Math.floor((4 * report.bytes) / report.total);
        out.write(`obra:   ${done}\n`);
      }
    } else if (report.kind === 'done') {
      endRedraw();
      const seconds = ((now() - started) / 1000).toFixed(1);
      out.write(`obra: downloaded ${formatSize(report.bytes)} in ${seconds} s; checking and unpacking it\n`);
    } else if (report.kind === 'failed') {
      endRedraw();
    }
  };
}

module.exports = { downloadDisplay, formatSize };
