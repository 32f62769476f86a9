/**
 * The screen, end to end in Chromium through `obra serve`: real runs started
 * from the UI, their real pids in the Processes list (checked against the
 * lab's own events and what the scripts printed), Stop, and errors shown.
 */
import path from 'node:path';
import { test, expect, RESULTS_DIR } from './fixtures';
import { bossOutput, fixture, isAlive, pidsOf, processItem, shootStageAndTimeline, waitForStatus, watchLab } from './ui-helpers';

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  // The UI follows the system's language until one is chosen: these tests read English.
  await page.addInitScript(() => localStorage.getItem('obra.lang') ?? localStorage.setItem('obra.lang', 'en'));
});

test('the spawn demo, picked by #demo=spawn and run, lists the boss and its spawned children by their real pids', async ({ page, obra }) => {
  const lab = watchLab(obra.lab);
  await page.goto(`${obra.url}#demo=spawn`);
  await expect(page.getByLabel('Demo')).toHaveValue('spawn');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
  lab.stop();

  const events = lab.latest();
  const [boss] = pidsOf(events, 'run-start');
  const children = pidsOf(events, 'spawn');
  expect(children.length).toBeGreaterThanOrEqual(2);
  await expect(processItem(page, boss)).toContainText('boss');
  for (const pid of children) await expect(processItem(page, pid)).toContainText('spawn');
  // Bytes were counted: the 3 MiB the generator wrote went through the pipes.
  await expect(page.locator('[data-counter=bytes]')).toContainText(/MiB/);
  await shootStageAndTimeline(page, 'ui-spawn');
});

test('the fork demo, chosen in the picker, lists the worker under the pid the boss printed, and counts its messages', async ({ page, obra }) => {
  const lab = watchLab(obra.lab);
  await page.goto(obra.url);
  await page.getByLabel('Demo').selectOption('fork');
  await expect(page).toHaveURL(/#demo=fork$/);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
  lab.stop();

  const printed = /pid (\d+)/.exec(bossOutput(lab.latest()));
  expect(printed, 'the fork demo prints its worker’s pid').not.toBeNull();
  const worker = Number(printed![1]);
  expect(pidsOf(lab.latest(), 'spawn')).toContain(worker);
  await expect(processItem(page, worker)).toContainText('fork');
  await expect(page.locator('[data-counter=messages]')).not.toHaveText('0');
  // With no notice above it, the workspace still takes the window's whole height.
  await expect(page.locator('.notice-banner, [role=alert]')).toHaveCount(0);
  expect(await page.locator('.workspace').evaluate((w) => Math.round(window.innerHeight - w.getBoundingClientRect().bottom))).toBe(0);

  // On the timeline, the worker's lane (beside its label, under the boss and the boss's callbacks): hover shows it, a click inspects it.
  const lanes = await page.locator('canvas.timeline-lanes').boundingBox();
  const label = (await processItem(page, worker).boundingBox())!;
  const at = { x: lanes!.x + lanes!.width * 0.6, y: label.y + label.height / 2 };
  await page.mouse.move(at.x, at.y);
  await expect(page.getByRole('tooltip')).toContainText(String(worker));
  await shootStageAndTimeline(page, 'ui-fork');
  await page.mouse.click(at.x, at.y);
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText(`Process ${worker}`);
});

test('a script opened with Open script… shows its code, and Run runs it; the pid its worker reports from inside is in the list, and the inspector shows the call’s line', async ({ page, obra }) => {
  const lab = watchLab(obra.lab);
  await page.goto(obra.url);
  await page.locator('input[type=file][multiple]').setInputFiles(fixture('fork-pids.js'));
  await expect(page.getByRole('textbox', { name: 'fork-pids.js' })).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Finished');
  lab.stop();

  const out = bossOutput(lab.latest());
  const fromInside = Number(/worker says pid (\d+)/.exec(out)?.[1]);
  const bossSays = Number(/boss pid (\d+)/.exec(out)?.[1]);
  expect(fromInside).toBeGreaterThan(0);
  await expect(processItem(page, bossSays)).toContainText('boss');
  await processItem(page, fromInside).getByRole('button').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toContainText(String(fromInside));
  await expect(inspector).toContainText('fork-pids.js:14');
});

test('Stop ends a long run from the UI and leaves no process of it alive', async ({ page, obra }) => {
  const lab = watchLab(obra.lab);
  await page.goto(obra.url);
  await page.locator('input[type=file][multiple]').setInputFiles(fixture('long-run.js'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForStatus(page, 'Running');
  await expect.poll(() => /pids (\d+) (\d+) (\d+)/.exec(bossOutput(lab.latest())), { timeout: 15_000 }).not.toBeNull();
  const pids = /pids (\d+) (\d+) (\d+)/.exec(bossOutput(lab.latest()))!.slice(1).map(Number);
  for (const pid of pids) {
    expect(isAlive(pid)).toBe(true);
    await expect(processItem(page, pid)).toBeVisible();
  }

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await waitForStatus(page, 'Stopped', 15_000);
  lab.stop();
  await expect.poll(() => pids.filter(isAlive), { timeout: 5_000 }).toEqual([]);
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

test('a script with a syntax error, dropped onto the window, shows its code; Run shows the SyntaxError as a readable message and runs nothing', async ({ page, obra }) => {
  await page.goto(obra.url);
  await expect(page.getByRole('button', { name: 'Open script…' })).toBeEnabled();
  // Written here, not kept as a fixture: a file that does not parse would fail the lint.
  await page.evaluate(() => {
    const dropped = new DataTransfer();
    dropped.items.add(new File(['const total = ;\nconsole.log(total);\n'], 'broken.js', { type: 'text/javascript' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dropped }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, cancelable: true }));
  });
  await expect(page.getByRole('textbox', { name: 'broken.js' })).toContainText('const total = ;');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('SyntaxError', { timeout: 20_000 });
  await expect(banner).toContainText(/Unexpected token/);
  await page.screenshot({ path: path.join(RESULTS_DIR, 'screens', 'ui-syntax-error.png') });
  await banner.getByRole('button', { name: 'Dismiss' }).first().click();
});

test('the language switch turns the UI Spanish and is remembered; Run keeps its place', async ({ page, obra }) => {
  await page.goto(`${obra.url}#demo=exec`);
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'ES' }).click();
  await expect(page.getByRole('button', { name: 'Ejecutar', exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Procesos' })).toBeAttached();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Ejecutar', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});

test('a demo the catalogue does not have, named in the URL, is a readable error with its code', async ({ page, obra }) => {
  await page.goto(`${obra.url}#demo=no-such-demo`);
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('no-such-demo');
  await expect(banner.locator('.notice-code')).toHaveText(/^(E[A-Z]+|ERR_[A-Z_]+)$/);
  // Nothing that cannot be read stays selected to run.
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
});
