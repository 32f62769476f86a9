/**
 * The lessons (the notes' nine and the five beyond them), clicked through in real Chromium (through `obra serve`),
 * in Spanish and in English: each demo is picked, run to its end, its
 * narration advances with this run's numbers in the reader's locale, and the
 * code panel marks a line of the running file. A screenshot of each is kept:
 * test-results/lessons-<id>-<lang>.png.
 */
import path from 'node:path';
import type { Lang } from '../../shared/api';
import { test, expect, RESULTS_DIR } from './fixtures';
import { waitForStatus, watchLab } from './ui-helpers';

const DEMOS = [
  'event-loop', 'exec', 'execfile', 'maxbuffer', 'spawn', 'fork', 'blocking', 'all-cores', 'kill',
  'worker-threads', 'cluster', 'sync', 'pipes', 'injection',
];
const UI: Record<Lang, { run: string; finished: string; boss: RegExp }> = {
  es: { run: 'Ejecutar', finished: 'Terminado', boss: /jefe|obrero/ },
  en: { run: 'Run', finished: 'Finished', boss: /boss|worker/ },
};

const CHART: Record<Lang, RegExp> = {
  es: /en el proceso del jefe: [\d.,· ]+ ms; en un obrero \(fork\): [\d.,· ]+ ms/,
  en: /in the boss's process: [\d.,· ]+ ms; in a forked worker: [\d.,· ]+ ms/,
};

test.describe.configure({ mode: 'serial' });

for (const lang of ['es', 'en'] as const) {
  test.describe(`lessons in ${lang}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((l) => localStorage.setItem('obra.lang', l), lang);
    });

    for (const id of DEMOS) {
      test(`${id}: runs, the narration advances and the code panel marks a line`, async ({ page, obra }) => {
        const lab = watchLab(obra.lab);
        const pageErrors: string[] = [];
        page.on('pageerror', (err) => pageErrors.push(String(err.stack ?? err)));
        await page.goto(obra.url);
        await page.getByLabel('Demo').selectOption(id);
        await expect(page).toHaveURL(new RegExp(`#demo=${id}$`));
        const narration = page.locator('section.narration-panel');
        const code = page.locator('section.code-panel');
        // Before the run: the demo's files in tabs, the boss first; no step told yet.
        await expect(code.getByRole('tab').first()).toHaveText('index.js');
        await expect(narration).toHaveAttribute('data-reached', '0');

        await page.getByRole('button', { name: UI[lang].run, exact: true }).click();
        await waitForStatus(page, UI[lang].finished).finally(() => expect(pageErrors, 'errors thrown in the page').toEqual([]));
        lab.stop();

        // The narration advanced: several steps told, one current, in this language.
        // (The panels follow the log at their own pace, so the status can come first.)
        await expect.poll(async () => Number(await narration.getAttribute('data-reached')), { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
        // A panel is at most 3 s behind the log (renderer/store/liveTicker.ts): read the end once it is shown.
        await page.waitForTimeout(3_100);
        const reached = Number(await narration.getAttribute('data-reached'));
        const current = narration.locator('[aria-current="step"]');
        await expect(current).toHaveCount(1);
        await expect(narration.locator('.narration-step.is-reached')).toHaveCount(reached);
        expect((await narration.locator('.narration-step.is-reached').allTextContents()).join(' ')).toMatch(UI[lang].boss);

        // The code panel marks exactly one line, in the tab of the file it belongs to.
        const focus = code.locator('.code-line.is-focus');
        await expect(focus).toHaveCount(1);
        await expect(focus).toBeInViewport();
        const file = await code.getAttribute('data-focus-file');
        await expect(code.getByRole('tab', { selected: true })).toHaveText(file as string);

        // Numbers in the reader's locale, from this run: spawn's 3 MiB generator.
        if (id === 'spawn') {
          await expect(narration).toContainText(lang === 'es' ? '3.145.728 bytes' : '3,145,728 bytes');
        }
        // Blocking: both /fast latency series drawn side by side, one bar per request, named in this language.
        if (id === 'blocking') {
          const chart = narration.getByRole('img', { name: CHART[lang] });
          await expect(chart).toBeVisible();
          await expect.poll(() => chart.locator('rect[data-variant="inline"]').count()).toBeGreaterThanOrEqual(1);
          await expect(chart.locator('rect[data-variant="fork"]')).toHaveCount(await chart.locator('rect[data-variant="inline"]').count());
        }
        await page.screenshot({ path: path.join(RESULTS_DIR, `lessons-${id}-${lang}.png`) });
      });
    }
  });
}
