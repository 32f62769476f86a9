/**
 * Edit and re-run, in Chromium through `obra serve`: the code panel is an
 * editor; Run runs the edited files together (a boss forks its edited
 * worker), Reset brings the originals back, a file that does not parse is
 * marked at its line and nothing runs, one's own files opened together fork
 * each other, and their story is told from their events. All under the page's
 * strict CSP, with no violation.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { LabEvent } from '../../shared/events';
import { expect, RESULTS_DIR, ROOT, test } from './fixtures';
import { bossOutput, waitForStatus, watchLab } from './ui-helpers';

const CREW = path.join(ROOT, 'tests', 'fixtures', 'editor', 'crew');

/** Every CSP violation the page reports, and every error it throws. */
async function watchPage(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.exposeFunction('reportCspViolation', (what: string) => problems.push(`CSP: ${what}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation(w: string): void }).reportCspViolation(`${e.violatedDirective} ${e.sample}`);
    });
  });
  return problems;
}

/** Find and replace in the editor of `file` through its own search panel (Ctrl+F). */
async function replaceIn(page: Page, file: string, find: string, replace: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${file.replace('.', '\\.')}`) }).click();
  await page.getByRole('textbox', { name: file, exact: true }).click();
  await page.keyboard.press('Control+f');
  await page.getByRole('textbox', { name: 'Find' }).fill(find);
  await page.getByRole('textbox', { name: 'Replace' }).fill(replace);
  await page.getByRole('button', { name: 'replace all' }).click();
  await page.keyboard.press('Escape');
}

async function runToEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
}

function messagesToBoss(events: readonly LabEvent[]): string[] {
  const boss = events.find((e) => e.type === 'run-start')?.pid;
  return events.filter((e) => e.type === 'message' && e.dir === 'recv' && e.pid === boss).map((e) => (e.type === 'message' ? e.preview : ''));
}

const shot = (name: string): string => path.join(RESULTS_DIR, 'screens', `editor-${name}.png`);

test('an edited exec boss prints the new text; an edited fork worker sends the boss its new message; Reset restores both', async ({ page, obra }) => {
  const problems = await watchPage(page);
  const lab = watchLab(obra.lab);
  await page.goto(`${obra.url}#demo=exec`);
  await replaceIn(page, 'index.js', 'echo hola', 'echo editado');
  await expect(page.getByRole('tab', { name: 'index.js, changed' })).toBeVisible();
  await runToEnd(page);
  // What the edited command printed, handed to the boss's callback.
  expect(bossOutput(lab.latest())).toMatch(/stdout = "editado\\/);
  await expect(page.getByRole('region', { name: 'Console' })).toContainText('editado');
  // The run's code is not the lesson's: the narration says so.
  await expect(page.locator('.narration-edited')).toContainText('index.js');

  await page.goto(`${obra.url}#demo=fork`);
  await replaceIn(page, 'worker.js', "process.send({ type: 'ready', pid: process.pid });", "process.send({ type: 'ready', pid: process.pid, note: 'editado' });");
  await runToEnd(page);
  lab.stop();
  expect(messagesToBoss(lab.latest())[0]).toContain('"note":"editado"');
  // The step about the worker's first message is still bound (its line is still there), and tells the new message.
  const narration = page.locator('section.narration-panel');
  await expect(narration.locator('.narration-step').filter({ hasText: 'First message' })).toContainText('editado');
  await page.screenshot({ path: shot('fork-edited') });

  await page.getByRole('button', { name: 'Reset all' }).click();
  await page.getByRole('tab', { name: 'worker.js', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'worker.js', exact: true })).not.toContainText('editado');
  await page.getByLabel('Demo').selectOption('exec');
  await expect(page.getByRole('tab', { name: 'index.js, changed' })).toBeVisible();
  await page.getByRole('button', { name: 'Reset file' }).click();
  await expect(page.getByRole('tab', { name: 'index.js', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'index.js', exact: true })).toContainText("'echo hola; sleep 1;");
  // The editor styles itself with constructed style sheets in its shadow root: no <style> element, which the CSP refuses.
  const styling = await page.evaluate(() => ({ styleElements: document.querySelectorAll('style').length, adopted: document.querySelector('.code-editor')?.shadowRoot?.adoptedStyleSheets.length ?? 0 }));
  expect(styling.styleElements).toBe(0);
  expect(styling.adopted).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('a syntax error typed into a file shows at its line, and nothing runs', async ({ page, obra }) => {
  const problems = await watchPage(page);
  let batches = 0;
  const stop = obra.lab.subscribe(() => batches++);
  await page.goto(`${obra.url}#demo=fork`);
  await page.getByRole('tab', { name: 'worker.js' }).click();
  const editor = page.getByRole('textbox', { name: 'worker.js', exact: true });
  await editor.click();
  await page.keyboard.press('Control+Home');
  // Typed keys stay in the editor: "r", "s" and "n" are Run, Stop and Next demo elsewhere.
  await page.keyboard.type('const ready = ;\n');
  await expect(page.getByRole('status').filter({ hasText: 'Ready' })).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('ERR_OBRA_SYNTAX');
  await expect(page.getByRole('alert')).toContainText('SyntaxError in worker.js, line 1, column 15: Unexpected token');
  const marked = page.locator('section.code-panel .code-line.is-error');
  await expect(marked).toHaveAttribute('data-line', '1');
  await expect(page.locator('section.code-panel .cm-syntax-error-note')).toContainText('SyntaxError in worker.js, line 1, column 15: Unexpected token');
  await page.screenshot({ path: shot('syntax-error') });
  stop();
  expect(batches, 'batches of a run that should not have started').toBe(0);
  await expect(page.getByRole('status').filter({ hasText: 'Ready' })).toBeVisible();
  // Fixing the line clears the mark.
  await editor.click();
  await page.keyboard.press('Control+z');
  await expect(marked).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('three files opened together run together: the boss forks its siblings; the code shows first, read-only while it runs, and the story names the calls in order', async ({ page, obra }) => {
  const problems = await watchPage(page);
  const lab = watchLab(obra.lab);
  await page.goto(obra.url);
  await page.locator('input[type=file][multiple]').setInputFiles(['boss.js', 'cutter.js', 'welder.js'].map((f) => path.join(CREW, f)));
  // Shown, not run: the boss first, its siblings beside it.
  const boss = page.getByRole('textbox', { name: 'boss.js', exact: true });
  await expect(boss).toContainText("['cutter.js', 'welder.js']");
  await expect(page.getByRole('tab')).toHaveText(['boss.js', 'cutter.js', 'welder.js']);
  await expect(page.getByRole('status').filter({ hasText: 'Ready' })).toBeVisible();
  expect(lab.latest()).toEqual([]);

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Running');
  await expect(boss).toHaveAttribute('aria-readonly', 'true');
  await waitForStatus(page, 'Finished');
  await expect(boss).not.toHaveAttribute('aria-readonly', 'true');
  lab.stop();
  expect(messagesToBoss(lab.latest()).sort()).toEqual(['{"says":"cutter ready"}', '{"says":"welder ready"}']);

  const narration = page.locator('section.narration-panel[data-story]');
  await expect(narration).toContainText('The boss (pid');
  const told = await narration.locator('.narration-step').allTextContents();
  const calls = told.filter((t) => / calls fork\(/.test(t));
  expect(calls.map((t) => /fork\("(\w+\.js)"\)/.exec(t)?.[1])).toEqual(['cutter.js', 'welder.js']);
  expect(calls[0]).toContain('fork starts another Node program with an IPC channel');
  expect(told.some((t) => /\(cutter\.js\) → the boss \(pid \d+\), a message over the channel/.test(t))).toBe(true);
  await page.screenshot({ path: shot('own-story-en') });
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'ES' }).click();
  await expect(narration.locator('.narration-step').filter({ hasText: /llama a fork\("cutter\.js"\)/ })).toHaveCount(1);
  await page.screenshot({ path: shot('own-story-es') });
  expect(problems).toEqual([]);
});

test('a folder opened whole runs whole; replay shows the code read-only, following the playhead', async ({ page, obra }) => {
  const lab = watchLab(obra.lab);
  await page.goto(obra.url);
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(CREW);
  await expect(page.getByRole('tab')).toHaveText(['boss.js', 'cutter.js', 'welder.js']);
  await runToEnd(page);
  lab.stop();
  expect(messagesToBoss(lab.latest())).toHaveLength(2);

  // Back to the start, then play: the editor follows the playhead, read-only.
  await page.getByRole('button', { name: 'Previous event' }).click({ modifiers: [] });
  await page.getByRole('slider', { name: 'Playhead' }).fill('0');
  await page.getByRole('button', { name: 'Play' }).click();
  const boss = page.getByRole('textbox', { name: 'boss.js', exact: true });
  await expect(boss).toHaveAttribute('aria-readonly', 'true');
  const lines = new Set<string>();
  for (let i = 0; i < 20 && lines.size < 2; i++) {
    const line = await page.locator('section.code-panel').getAttribute('data-focus-line');
    if (line) lines.add(line);
    await page.waitForTimeout(100);
  }
  expect(lines.size, `lines marked while playing: ${[...lines].join(', ')}`).toBeGreaterThanOrEqual(1);
});

test('Save recording keeps the edited files; opening it shows the code that ran, marked as changed', async ({ page, obra }) => {
  await page.goto(`${obra.url}#demo=fork`);
  await replaceIn(page, 'worker.js', "type: 'ready'", "type: 'ready', note: 'grabado'");
  await runToEnd(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save recording' }).click()]);
  const saved = path.join(RESULTS_DIR, download.suggestedFilename());
  await download.saveAs(saved);
  const recording = JSON.parse(fs.readFileSync(saved, 'utf8')) as { sources: { path: string; text: string }[] };
  expect(recording.sources.find((s) => s.path === 'worker.js')?.text).toContain("note: 'grabado'");

  // Edits after the run are not what ran: the recording still holds the code that ran.
  await page.getByRole('button', { name: 'Reset all' }).click();
  await page.reload();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open recording' }).click()]);
  await chooser.setFiles(saved);
  await waitForStatus(page, 'Finished');
  await expect(page.getByRole('tab', { name: 'worker.js, changed' })).toBeVisible();
  await page.getByRole('tab', { name: 'worker.js, changed' }).click();
  await expect(page.getByRole('textbox', { name: 'worker.js', exact: true })).toContainText("note: 'grabado'");
  fs.rmSync(saved, { force: true });
});

for (const look of [
  { name: 'dark-es', lang: 'es', theme: 'dark', projector: false },
  { name: 'light-en-projector', lang: 'en', theme: 'light', projector: true },
  { name: 'dark-en-projector', lang: 'en', theme: 'dark', projector: true },
] as const) {
  test(`the editor with an edit and a syntax error, ${look.name}`, async ({ page, obra }) => {
    await page.addInitScript((lang) => localStorage.setItem('obra.lang', lang), look.lang);
    // The theme follows the system until chosen.
    await page.emulateMedia({ colorScheme: look.theme });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${obra.url}#demo=fork`);
    await page.getByRole('tab', { name: 'worker.js' }).click();
    await page.getByRole('textbox', { name: 'worker.js', exact: true }).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nprocess.send({ ok: });');
    await page.getByRole('button', { name: look.lang === 'es' ? 'Ejecutar' : 'Run', exact: true }).click();
    await expect(page.locator('section.code-panel .code-line.is-error')).toHaveCount(1);
    // The banner tells it in the page's language too.
    await expect(page.getByRole('alert')).toContainText(look.lang === 'es' ? 'No se ejecutó nada.' : 'Nothing was run.');
    await expect(page.locator('html')).toHaveAttribute('data-theme', look.theme);
    if (look.projector) {
      await page.keyboard.press('Escape');
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('p');
      await page.keyboard.press('c');
      await expect(page.locator('.app.projector')).toBeVisible();
    }
    // The search panel open too: its fields and buttons are read and checked with the rest.
    await page.getByRole('textbox', { name: 'worker.js', exact: true }).click();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('ok');
    await page.screenshot({ path: shot(look.name) });
    const { violations } = await new AxeBuilder({ page }).include('section.code-panel').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
