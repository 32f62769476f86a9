/**
 * Smoke test of the Electron shell with Playwright-Electron. Runs where
 * Electron's binary exists (and a display: xvfb-run -a); elsewhere it is
 * skipped with the reason. Build first: it launches out/main/index.js.
 */
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import type { EventBatch, ObraApi } from '../../shared/api';
import { expect, findElectronBinary, ROOT, test } from './fixtures';

const found = findElectronBinary();
if ('reason' in found) console.log(`electron.spec: skipped, ${found.reason}`);

type PageWithBridge = Window & { obra?: ObraApi; require?: unknown; process?: unknown; ipcRenderer?: unknown };

test.describe('the Electron shell', () => {
  test.skip('reason' in found, `Electron is not runnable here: ${'reason' in found ? found.reason : ''}`);

  let app: ElectronApplication;
  let win: Page;

  test.beforeAll(async () => {
    if (!('binary' in found)) return;
    app = await electron.launch({ executablePath: found.binary, args: ['.'], cwd: ROOT, timeout: 30_000 });
    win = await app.firstWindow();
    await win.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('shows our page from obra://app with the bridge and nothing else', async () => {
    expect(await win.evaluate(() => location.href)).toMatch(/^obra:\/\/app\/index\.html/);
    const exposed = await win.evaluate(() => {
      const w = window as PageWithBridge;
      return { keys: Object.keys(w.obra ?? {}).sort(), require: typeof w.require, process: typeof w.process, ipc: typeof w.ipcRenderer };
    });
    expect(exposed).toEqual({ keys: ['listDemos', 'pickScript', 'readDemo', 'startRun', 'stopRun', 'subscribe'], require: 'undefined', process: 'undefined', ipc: 'undefined' });
  });

  test('runs with the secure web preferences', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences() is real but missing from electron.d.ts.
      type Prefs = { contextIsolation?: boolean; sandbox?: boolean; nodeIntegration?: boolean; webSecurity?: boolean; webviewTag?: boolean };
      const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as { getLastWebPreferences(): Prefs | null };
      const p = contents.getLastWebPreferences();
      return p && { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, webviewTag: p.webviewTag };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  test('refuses new windows and malformed calls, and answers good ones', async () => {
    expect(await win.evaluate(() => window.open('obra://app/index.html') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
    const refused = await win.evaluate(() => (window as PageWithBridge).obra!.readDemo('../../etc').catch((e: { code: string }) => e.code));
    expect(refused).toBe('ERR_OBRA_BAD_REQUEST');
    const demos = await win.evaluate(() => (window as PageWithBridge).obra!.listDemos());
    expect(demos.map((d) => d.id)).toContain('spawn');
  });

  test('delivers a real run to the page, batch by batch, to its end', async () => {
    const events = await win.evaluate(async () => {
      const obra = (window as PageWithBridge).obra!;
      const seen: EventBatch[] = [];
      const done = new Promise<void>((resolve) => obra.subscribe((b) => (seen.push(b), b.end && resolve())));
      const { runId } = await obra.startRun({ demoId: 'spawn' });
      await done;
      return seen.filter((b) => b.runId === runId).flatMap((b) => b.events.map((e) => e.type));
    });
    expect(events[0]).toBe('run-start');
    expect(events).toContain('spawn');
    expect(events.at(-1)).toBe('run-end');
  });
});
