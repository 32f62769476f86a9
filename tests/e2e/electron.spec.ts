/**
 * Smoke test of the Electron shell with Playwright-Electron. Runs where
 * Electron's binary exists (and a display: xvfb-run -a); elsewhere it is
 * skipped with the reason. Build first: it launches out/main/index.js.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import type { EventBatch, ObraApi } from '../../shared/api';
import { expect, findElectronBinary, ROOT, test } from './fixtures';
import { processItem, waitForStatus } from './ui-helpers';

const found = findElectronBinary();
if ('reason' in found) console.log(`electron.spec: skipped, ${found.reason}`);

type PageWithBridge = Window & { obra?: ObraApi; require?: unknown; process?: unknown; ipcRenderer?: unknown };

test.describe('the Electron shell', () => {
  test.skip('reason' in found, `Electron is not runnable here: ${'reason' in found ? found.reason : ''}`);

  let app: ElectronApplication;
  let win: Page;
  let profile: string;

  test.beforeAll(async () => {
    if (!('binary' in found)) return;
    // A profile of its own: Obra holds a single-instance lock on its profile, so an Obra already
    // open on this machine would otherwise take the launch and this instance would quit; and the
    // reader's saved choices (language, theme) stay out of the test. English, for the buttons' names.
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-electron-profile-'));
    app = await electron.launch({ executablePath: found.binary, args: ['.', `--user-data-dir=${profile}`, '--lang=en-US'], cwd: ROOT, timeout: 30_000 });
    win = await app.firstWindow();
    await win.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test('shows our page from obra://app with the bridge and nothing else', async () => {
    expect(await win.evaluate(() => location.href)).toMatch(/^obra:\/\/app\/index\.html/);
    const exposed = await win.evaluate(() => {
      const w = window as PageWithBridge;
      return { keys: Object.keys(w.obra ?? {}).sort(), require: typeof w.require, process: typeof w.process, ipc: typeof w.ipcRenderer };
    });
    expect(exposed).toEqual({ keys: ['listDemos', 'openLesson', 'openRecording', 'pickScript', 'readDemo', 'saveFile', 'startRun', 'stopRun', 'subscribe'], require: 'undefined', process: 'undefined', ipc: 'undefined' });
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

  test('saves a recording and opens it again through the native dialogs, starting no process', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-electron-'));
    const target = path.join(dir, 'lesson.obra.json');
    // Runs in the main process (no closure over this file). Its dialogs answer as a reader would: save here, then open that file. They record what they offered.
    await app.evaluate(({ dialog }, file) => {
      const offered: string[] = [];
      (globalThis as { offered?: string[] }).offered = offered;
      dialog.showSaveDialog = (async (_win: unknown, options: Electron.SaveDialogOptions) => {
        offered.push(`save ${(options.defaultPath ?? '').split(/[\\/]/).pop()} ${options.filters?.[0]?.extensions.join(',')}`);
        return { canceled: false, filePath: file };
      }) as typeof dialog.showSaveDialog;
      dialog.showOpenDialog = (async (_win: unknown, options: Electron.OpenDialogOptions) => {
        offered.push(`open ${options.filters?.[0]?.extensions.join(',')}`);
        return { canceled: false, filePaths: [file] };
      }) as typeof dialog.showOpenDialog;
    }, target);

    await win.evaluate(() => (location.hash = 'demo=fork'));
    await win.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForStatus(win, 'Finished');
    const pids = (await win.getByRole('list', { name: 'Processes' }).getByRole('listitem').allTextContents()).map((t) => Number(/^\s*(\d+)/.exec(t)?.[1])).filter((n) => n > 0);
    expect(pids.length).toBeGreaterThan(1);

    await win.getByRole('button', { name: 'Save recording' }).click();
    await expect.poll(() => fs.existsSync(target), { timeout: 15_000 }).toBe(true);
    const saved = JSON.parse(fs.readFileSync(target, 'utf8')) as { header: { demoId: string }; events: unknown[] };
    expect(saved.header.demoId).toBe('fork');
    expect(saved.events.length).toBeGreaterThan(0);

    await win.reload();
    await expect(win.getByRole('list', { name: 'Processes' }).getByRole('listitem')).toHaveCount(0);
    const started = await win.evaluate(() => {
      const seen = { batches: 0 };
      (window as PageWithBridge).obra!.subscribe(() => seen.batches++);
      (window as unknown as { seen: typeof seen }).seen = seen;
      return seen.batches;
    });
    await win.getByRole('button', { name: 'Open recording' }).click();
    await waitForStatus(win, 'Finished');
    for (const pid of pids) await expect(processItem(win, pid)).toBeVisible();
    expect(await win.evaluate(() => (window as unknown as { seen: { batches: number } }).seen.batches), 'batches from the lab while opening').toBe(started);
    const offered = await app.evaluate(() => (globalThis as { offered?: string[] }).offered);
    expect(offered).toEqual([expect.stringMatching(/^save fork-.*\.obra\.json json$/), 'open json,ndjson']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/**
 * The page's side of the native dialogs, in Chromium: an init script stands in
 * for the preload bridge as contextBridge gives it (plain { code, message }
 * rejections), answering like the dialogs would. The recording is a real run
 * of the lab behind `obra serve`.
 */
test.describe('the page with a bridge that has native dialogs', () => {
  type Bridged = Window & { dialogCalls: string[]; savedFile?: { suggestedName: string; kind: string; text: string } };

  test('Open recording and Save recording use the bridge’s dialogs, not the file picker or a download; a failure shows its code', async ({ page, obra, saveScreenshot }) => {
    const { runId, header } = await obra.lab.startRun({ demoId: 'fork' });
    const events: unknown[] = [];
    const stop = obra.lab.subscribe((batch) => batch.runId === runId && events.push(...batch.events));
    await obra.lab.ended(runId);
    stop();
    const recording = JSON.stringify({ header, events, sources: [] });
    const spawned = (events as Array<{ type: string; pid: number }>).filter((e) => e.type === 'spawn').map((e) => e.pid);
    expect(spawned.length).toBeGreaterThan(0);

    await page.addInitScript((text) => {
      const w = window as unknown as Bridged & { obra: unknown };
      w.dialogCalls = [];
      let opens = 0;
      w.obra = {
        listDemos: async () => [],
        readDemo: async () => [],
        startRun: () => Promise.reject({ code: 'ERR_OBRA_BAD_REQUEST', message: 'no run in this test' }),
        stopRun: async () => {},
        subscribe: () => () => {},
        saveFile: async (file: { suggestedName: string; kind: string; data: string | Uint8Array; lang?: string }) => {
          w.dialogCalls.push(`save:${file.lang}`);
          w.savedFile = { suggestedName: file.suggestedName, kind: file.kind, text: typeof file.data === 'string' ? file.data : new TextDecoder().decode(file.data) };
          return `/home/ana/${file.suggestedName}`;
        },
        openRecording: async (options?: { lang?: string }) => {
          w.dialogCalls.push(`open:${options?.lang}`);
          if (opens++ === 0) return { name: 'lesson.obra.json', data: new TextEncoder().encode(text) };
          return Promise.reject({ code: 'ERR_OBRA_TOO_LARGE', message: 'the file is 300 MiB, more than the 256 MiB a native dialog carries' });
        },
      };
    }, recording);
    let pickersOrDownloads = 0;
    page.on('filechooser', () => pickersOrDownloads++);
    page.on('download', () => pickersOrDownloads++);
    await page.goto(obra.url);

    await page.getByRole('button', { name: 'Open recording' }).click();
    await waitForStatus(page, 'Finished');
    for (const pid of spawned) await expect(processItem(page, pid)).toBeVisible();

    await page.getByRole('button', { name: 'Save recording' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as Bridged).savedFile?.kind)).toBe('recording');
    const saved = await page.evaluate(() => (window as unknown as Bridged).savedFile!);
    expect(saved.suggestedName).toMatch(/^fork-.*\.obra\.json$/);
    expect((JSON.parse(saved.text) as { events: unknown[] }).events).toHaveLength(events.length);

    // ES chosen in the page: the next dialog is asked for in Spanish (the system's language may be another).
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'ES' }).click();
    await page.getByRole('button', { name: 'Abrir grabación' }).click();
    await expect(page.getByRole('alert')).toContainText('ERR_OBRA_TOO_LARGE');
    await saveScreenshot(page, 'native-dialog-open-too-large');
    expect(await page.evaluate(() => (window as unknown as Bridged).dialogCalls)).toEqual(['open:en', 'save:en', 'open:es']);
    expect(pickersOrDownloads, 'browser file pickers and downloads').toBe(0);
  });
});
