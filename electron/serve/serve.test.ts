/**
 * `obra serve` end to end in Node: real HTTP, a real WebSocket, a real lab
 * running real scripts, and the renderer's own client (ws-client.ts) on the
 * other side, given the `ws` package as its WebSocket.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EventBatch } from '../../shared/api';
import { Lab } from '../lab/index';
import { createWsApi } from '../../renderer/transport/ws-client';
import { startServer, type RunningServer } from './index';

let rendererDir: string;
let lab: Lab;
let server: RunningServer;
let origin: string;

/** The browser's WebSocket, as a page of ours would open it (with our Origin). */
function pageSocketClass(pageOrigin: string): typeof globalThis.WebSocket {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { origin: pageOrigin });
    }
  } as unknown as typeof globalThis.WebSocket;
}

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'obra-serve-'));
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Obra</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {}');
  lab = new Lab();
  server = await startServer({ port: 0, lab, rendererDir });
  origin = `http://127.0.0.1:${server.port}`;
  globalThis.WebSocket = pageSocketClass(origin);
});

afterAll(async () => {
  await server?.close();
  await lab?.shutdown();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('the page', () => {
  it('is served with its token, a strict CSP and an asset cookie; refused without', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
    expect(page.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);

    const bare = await fetch(`${origin}/`);
    expect(bare.status).toBe(401);
    expect(await bare.text()).toBe('');
    expect((await fetch(`${origin}/assets/app.js`)).status).toBe(401);
    const asset = await fetch(`${origin}/assets/app.js`, { headers: { cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    // The cookie opens assets, not the page: the API token is never in a cookie.
    expect((await fetch(`${origin}/`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('the API over WebSocket', () => {
  it('answers the renderer client and pushes a real run to its end', async () => {
    const api = createWsApi(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
    try {
      const demos = await api.listDemos();
      expect(demos.map((d) => d.id)).toContain('spawn');
      const batches: EventBatch[] = [];
      const ended = new Promise<void>((resolve) => {
        api.subscribe((batch) => {
          batches.push(batch);
          if (batch.end) resolve();
        });
      });
      const { runId } = await api.startRun({ source: { name: 'hello.js', text: "console.log('hola obra')" } });
      await ended;
      const events = batches.filter((b) => b.runId === runId).flatMap((b) => b.events);
      expect(events[0]?.type).toBe('run-start');
      expect(events.at(-1)).toMatchObject({ type: 'run-end', reason: 'exit', code: 0 });
    } finally {
      api.close();
    }
  });

  it('rejects with the lab’s own error code, and void results arrive', async () => {
    const api = createWsApi(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
    try {
      await expect(api.startRun({ file: '/nonexistent/obra-test.js' })).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(api.readDemo('no-such-demo')).rejects.toHaveProperty('code');
      const { runId } = await api.startRun({ source: { name: 'wait.js', text: 'setInterval(() => {}, 1000)' } });
      await expect(api.stopRun(runId)).resolves.toBeUndefined();
      await expect(lab.ended(runId)).resolves.toMatchObject({ reason: 'stopped' });
    } finally {
      api.close();
    }
  });

  it('runs a script on disk by its path (file), where it is: it forks its sibling (the token holder is the user)', async () => {
    const api = createWsApi(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
    try {
      const script = path.resolve(__dirname, '../../tests/fixtures/probe/message-boss.js');
      const info = await api.startRun({ file: script, args: ['3'] });
      expect(info.header.script).toBe(script);
      expect(info.sources?.[0]).toMatchObject({ path: 'message-boss.js' });
      await expect(lab.ended(info.runId)).resolves.toMatchObject({ reason: 'exit', code: 0 });
      const log = lab.log(info.runId);
      const fork = log.find((e) => e.type === 'call');
      expect(fork).toMatchObject({ api: 'fork', command: path.join(path.dirname(script), 'message-worker.js') });
      expect(log.filter((e) => e.type === 'message' && e.dir === 'recv').length).toBeGreaterThan(0);
    } finally {
      api.close();
    }
  });

  it('stops the runs of a page whose socket closes', async () => {
    const api = createWsApi(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
    const { runId } = await api.startRun({ source: { name: 'forever.js', text: 'setInterval(() => {}, 1000)' } });
    api.close();
    await expect(lab.ended(runId)).resolves.toMatchObject({ reason: 'stopped' });
  });
});
