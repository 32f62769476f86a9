// @ts-check
/**
 * The browser shell: `obra serve` in this process (127.0.0.1 only, a token in
 * the URL) with its own lab, opened in Chromium's app mode when installed,
 * else the URL printed. Ctrl-C closes it and stops every run.
 */
const path = require('node:path');

/**
 * @param {{ root: string, port: number, log: (line: string) => void }} opts
 * @returns {Promise<void>} once serving
 */
async function runBrowser({ root, port, log }) {
  const serveDir = path.join(root, 'out', 'node', 'electron', 'serve');
  const { startServer, closeOnSignals } = require(path.join(serveDir, 'index.js'));
  const { openInBrowser } = require(path.join(serveDir, 'open-browser.js'));
  const server = await startServer({ port, log });
  closeOnSignals(server, log);
  log(`Obra is at ${server.url}`);
  openInBrowser(server.url, log);
}

module.exports = { runBrowser };
