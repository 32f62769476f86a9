/**
 * The browser transport refuses what it must and lives on: a wrong token gets
 * 401, another Origin 403, and malformed, unknown or oversized messages are
 * refused, after which the API still answers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import NodeWebSocket from 'ws';
import { MAX_REQUEST_BYTES } from '../../shared/api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startServer } from '../../electron/serve/index';
import { expect, test as withObra, type ObraServer } from './fixtures';

/** `blankObra`: obra serve on the worker's lab, serving a blank page instead of the renderer. */
const test = withObra.extend<{ blankObra: ObraServer }>({
  blankObra: async ({ obra }, use) => {
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-blank-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>blank</title>');
    const server = await startServer({ port: 0, lab: obra.lab, rendererDir });
    const origin = `http://127.0.0.1:${server.port}`;
    await use({ ...obra, url: server.url, origin, port: server.port, token: server.token, apiUrl: `ws://127.0.0.1:${server.port}/api?token=${server.token}` });
    await server.close();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  },
});

/** The HTTP status of a WebSocket handshake (101 when accepted), made from Node so any Origin can be sent. */
function handshakeStatus(url: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new NodeWebSocket(url, origin ? { origin } : {});
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(body === '' ? (res.statusCode ?? 0) : -1));
    });
    socket.on('error', reject);
  });
}

/**
 * Open the server's own page in real Chromium, to act as a page of ours would
 * (its WebSocket carries our Origin). The transport is under test, not the
 * renderer: the server here serves a blank page (see `blankObra`), so no app
 * code runs. (Playwright's page.route cannot stand in: with a route set,
 * Chromium's WebSockets never reach the server.)
 */
async function openOurPage(page: Page, server: ObraServer): Promise<void> {
  const response = await page.goto(server.url);
  expect(response?.status()).toBe(200);
}

/** In the page: open the API socket, send frames, collect replies until `count` arrive or it closes. */
function exchange(page: Page, apiUrl: string, frames: string[], count: number) {
  return page.evaluate(
    ({ apiUrl, frames, count }) =>
      new Promise<{ replies: unknown[]; closeCode: number | null }>((resolve) => {
        const replies: unknown[] = [];
        const ws = new WebSocket(apiUrl);
        ws.onopen = () => frames.forEach((f) => ws.send(f));
        ws.onmessage = (e) => {
          replies.push(JSON.parse(e.data as string));
          if (replies.length === count) {
            ws.close();
            resolve({ replies, closeCode: null });
          }
        };
        ws.onclose = (e) => resolve({ replies, closeCode: e.code });
      }),
    { apiUrl, frames, count },
  );
}

const listDemos = (id: number) => JSON.stringify({ id, method: 'listDemos', params: [] });

test.describe('obra serve refuses strangers', () => {
  test('a wrong or missing token gets 401 and an empty body', async ({ request, obra }) => {
    for (const url of [`${obra.origin}/`, `${obra.origin}/?token=wrong`, `${obra.origin}/?token=${obra.token}x`, `${obra.origin}/assets/index.js`]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(401);
      expect(await res.body(), url).toHaveLength(0);
    }
    expect(await handshakeStatus(`ws://127.0.0.1:${obra.port}/api?token=wrong`, obra.origin)).toBe(401);
    expect(await handshakeStatus(`ws://127.0.0.1:${obra.port}/api`, obra.origin)).toBe(401);
    expect(await handshakeStatus(obra.apiUrl, obra.origin)).toBe(101);
  });

  test('another Origin gets 403, even with the right token', async ({ request, obra }) => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${obra.port + 1}`, `http://localhost:${obra.port}`, 'null']) {
      expect(await handshakeStatus(obra.apiUrl, origin), origin).toBe(403);
    }
    // No Origin at all (not a browser): refused too.
    expect(await handshakeStatus(obra.apiUrl)).toBe(403);
    const res = await request.get(obra.url, { headers: { origin: 'http://evil.example' } });
    expect(res.status()).toBe(403);
    expect(await res.body()).toHaveLength(0);
  });

  test('a page on another local port cannot open the API socket, even knowing the token', async ({ page, blankObra }) => {
    const tryToConnect = (apiUrl: string) =>
      page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const ws = new WebSocket(url);
            ws.onopen = () => {
              ws.close();
              resolve('open');
            };
            ws.onerror = () => resolve('refused');
          }),
        apiUrl,
      );
    await openOurPage(page, blankObra);
    expect(await tryToConnect(blankObra.apiUrl)).toBe('open');
    const foreign = http.createServer((_req, res) => res.end('<!doctype html><title>elsewhere</title>'));
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
      expect(await tryToConnect(blankObra.apiUrl)).toBe('refused');
    } finally {
      foreign.close();
    }
  });
});

test.describe('obra serve refuses bad messages and lives on', () => {
  test('malformed JSON, unknown methods and bad params get an error reply; the socket still answers', async ({ page, blankObra }) => {
    await openOurPage(page, blankObra);
    const frames = [
      '{not json',
      JSON.stringify([1, 2, 3]),
      JSON.stringify({ id: 'x', method: 'listDemos', params: [] }),
      JSON.stringify({ id: 1, method: 'eval', params: ['process.exit()'] }),
      JSON.stringify({ id: 2, method: 'constructor', params: [] }),
      JSON.stringify({ id: 3, method: 'readDemo', params: ['../../etc/passwd'] }),
      JSON.stringify({ id: 4, method: 'startRun', params: [{ demoId: 'spawn', env: { NODE_OPTIONS: '--inspect' } }] }),
      JSON.stringify({ id: 5, method: 'stopRun', params: 'all' }),
      listDemos(6),
    ];
    const { replies } = await exchange(page, blankObra.apiUrl, frames, frames.length);
    const errors = replies.slice(0, -1) as { id: number | null; error: { code: string } }[];
    expect(errors.map((r) => r.id)).toEqual([null, null, null, 1, 2, 3, 4, 5]);
    for (const reply of errors) expect(reply.error.code).toBe('ERR_OBRA_BAD_REQUEST');
    const last = replies.at(-1) as { id: number; result: { id: string }[] };
    expect(last.id).toBe(6);
    expect(last.result.map((d) => d.id)).toContain('spawn');
  });

  test('an oversized message closes that socket (1009); the server still answers a new one', async ({ page, blankObra }) => {
    await openOurPage(page, blankObra);
    const huge = JSON.stringify({ id: 1, method: 'startRun', params: [{ source: { name: 'big.js', text: 'x'.repeat(MAX_REQUEST_BYTES) } }] });
    const oversized = await exchange(page, blankObra.apiUrl, [huge], 1);
    expect(oversized.replies).toEqual([]);
    // The server closes with 1009 (message too big) while Chromium may still be sending: it then reports 1006.
    expect([1006, 1009]).toContain(oversized.closeCode);
    const after = await exchange(page, blankObra.apiUrl, [listDemos(2)], 1);
    expect((after.replies[0] as { id: number }).id).toBe(2);
  });

  test('binary frames and floods of calls are refused without harm', async ({ obra }) => {
    const socket = new NodeWebSocket(obra.apiUrl, { origin: obra.origin });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const replies: { id: number | null; error?: { code: string } }[] = [];
    socket.on('message', (data) => replies.push(JSON.parse(data.toString())));
    socket.send(Buffer.from([1, 2, 3]), { binary: true });
    for (let id = 1; id <= 200; id++) socket.send(listDemos(id));
    await expect.poll(() => replies.length, { timeout: 15_000 }).toBe(201);
    expect(replies[0]).toMatchObject({ id: null, error: { code: 'ERR_OBRA_BAD_REQUEST' } });
    const answered = replies.filter((r) => typeof r.id === 'number' && !r.error).length;
    expect(answered).toBeGreaterThan(0);
    socket.close();
    expect(await handshakeStatus(obra.apiUrl, obra.origin)).toBe(101);
  });
});
