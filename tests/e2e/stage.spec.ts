/**
 * The stage, in real Chromium through `obra serve`, on real runs of the demos:
 * every process the lab saw start is a worker on the stage with its real pid
 * and the look of the API that started it; failures raise their code; a
 * worker is selected by keyboard. Screenshots of the stage at several moments
 * are kept in test-results/screens/ (stage-<demo>-<moment>.png).
 * Needs the built renderer (`npm run build`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { LabEvent } from '../../shared/events';
import { expect, RENDERER_DIR, RESULTS_DIR, test, type ObraServer } from './fixtures';

const built = fs.existsSync(path.join(RENDERER_DIR, 'index.html'));
const SCREENS = path.join(RESULTS_DIR, 'screens');

/** Starts a demo from the UI; resolves with its run id (from the lab's own batches). */
async function runDemo(page: Page, obra: ObraServer, demo: string): Promise<string> {
  let runId: string | null = null;
  const unsubscribe = obra.lab.subscribe((b) => {
    runId ??= b.runId;
  });
  await page.goto(`${obra.url}#demo=${demo}`);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: 'Run' }).click();
  await expect.poll(() => runId, { timeout: 15_000 }).not.toBeNull();
  unsubscribe();
  return runId as unknown as string;
}

async function shoot(page: Page, demo: string, moment: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.getByTestId('stage').screenshot({ path: path.join(SCREENS, `stage-${demo}-${moment}.png`) });
}

async function waitForEnd(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled({ timeout: 30_000 });
}

function spawnedPids(log: readonly LabEvent[]): number[] {
  return log.filter((e) => e.type === 'spawn').map((e) => e.pid as number);
}

test.describe('the stage', () => {
  test.skip(!built, `the renderer is not built (${RENDERER_DIR}/index.html is missing): run npm run build`);

  test('spawn: a green worker per real child, output carried to the boss', async ({ page, obra }) => {
    const runId = await runDemo(page, obra, 'spawn');
    const stage = page.getByTestId('stage');
    await expect(stage.locator('[data-kind="spawn"]').first()).toBeVisible({ timeout: 15_000 });
    await page.waitForTimeout(150);
    await shoot(page, 'spawn', 'working');
    await waitForEnd(page);
    await shoot(page, 'spawn', 'end');
    for (const pid of spawnedPids(obra.lab.log(runId))) {
      await expect(stage.locator(`[data-kind="spawn"][data-pid="${pid}"]`)).toHaveCount(1);
    }
    const boss = obra.lab.log(runId).find((e) => e.type === 'run-start')?.pid;
    await expect(stage.locator('svg[role="group"]')).toHaveAttribute('aria-label', new RegExp(`^Boss ${boss} and \\d+ workers`));
  });

  test('exec: the worker brings a shell; the sampled commands under it are plain figures', async ({ page, obra }) => {
    const runId = await runDemo(page, obra, 'exec');
    await page.waitForTimeout(600);
    await shoot(page, 'exec', 'shell-working');
    await waitForEnd(page);
    await shoot(page, 'exec', 'end');
    const stage = page.getByTestId('stage');
    for (const pid of spawnedPids(obra.lab.log(runId))) {
      await expect(stage.locator(`[data-kind="exec"][data-pid="${pid}"]`)).toHaveCount(1);
    }
    await expect(stage.locator('[data-kind="os"]').first()).toBeAttached();
    await expect(stage.getByRole('button', { name: /exit code 127/ })).toHaveCount(1);
  });

  test('execFile: files that cannot run raise EACCES and ENOENT, with no pid', async ({ page, obra }) => {
    await runDemo(page, obra, 'execfile');
    await waitForEnd(page);
    await shoot(page, 'execfile', 'end');
    const stage = page.getByTestId('stage');
    await expect(stage.getByRole('button', { name: /error EACCES/ })).toHaveCount(1);
    await expect(stage.getByRole('button', { name: /error ENOENT/ })).toHaveCount(1);
    await expect(stage.locator('[data-kind="execFile"][data-status="failed"]')).toHaveCount(2);
  });

  test('maxbuffer: the overflowing worker raises MAXBUFFER and leaves with SIGTERM', async ({ page, obra }) => {
    await runDemo(page, obra, 'maxbuffer');
    await page.waitForTimeout(700);
    await shoot(page, 'maxbuffer', 'filling');
    await waitForEnd(page);
    await shoot(page, 'maxbuffer', 'end');
    const sign = page.getByTestId('stage').getByRole('button', { name: /error ERR_CHILD_PROCESS_STDIO_MAXBUFFER/ });
    await expect(sign).toHaveCount(1);
    await expect(sign).toHaveAccessibleName(/signal SIGTERM/);
    await expect(sign.locator('text', { hasText: /^MAXBUFFER$/ })).toBeVisible();
  });

  test('fork: envelopes between boss and worker; a worker is selected with the keyboard', async ({ page, obra }) => {
    const runId = await runDemo(page, obra, 'fork');
    const stage = page.getByTestId('stage');
    const fork = stage.locator('[data-kind="fork"]').first();
    await expect(fork).toBeVisible({ timeout: 15_000 });
    await page.waitForTimeout(250);
    await shoot(page, 'fork', 'messages');
    await waitForEnd(page);
    const [pid] = spawnedPids(obra.lab.log(runId));
    const worker = stage.locator(`[data-pid="${pid}"][role="button"]`);
    await worker.focus();
    await page.keyboard.press('Enter');
    await expect(worker).toHaveAttribute('aria-pressed', 'true');
    await shoot(page, 'fork', 'selected');
  });

  test('blocking: the boss freezes while its event loop is blocked', async ({ page, obra }) => {
    const runId = await runDemo(page, obra, 'blocking');
    await waitForEnd(page);
    // The block is a moment of the run: find it in the log (the boss's event-loop
    // sample that comes after a long silence) and put the playhead in its middle.
    const log = obra.lab.log(runId);
    const bossPid = log.find((e) => e.type === 'run-start')?.pid;
    const gap = log.find((e) => e.type === 'sample' && e.pid === bossPid && e.elu !== undefined && (e.interval ?? 0) > 500_000);
    expect(gap, 'a boss sample after a long block').toBeTruthy();
    const middle = Math.round((gap as LabEvent).t - ((gap as { interval: number }).interval / 2));
    await page.getByRole('slider', { name: 'Playhead' }).fill(String(middle));
    const boss = page.getByTestId('stage').locator('[data-kind="boss"]');
    // 'silent': no event-loop sample for > 200 ms — the long block, not a busy start-up blip.
    await expect(boss).toHaveAttribute('data-frozen', 'silent', { timeout: 10_000 });
    await expect(boss).toHaveAccessibleName(/blocked/);
    await shoot(page, 'blocking', 'frozen');
  });

  test('all-cores: busy workers, and reduced motion draws the same stage without flights', async ({ page, obra }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await runDemo(page, obra, 'all-cores');
    await expect(page.getByTestId('stage').locator('[data-kind="fork"][data-busy]').first()).toBeVisible({ timeout: 15_000 });
    await shoot(page, 'all-cores', 'working-reduced-motion');
    await waitForEnd(page);
    await shoot(page, 'all-cores', 'end');
  });

  test('kill: signals and orphans', async ({ page, obra }) => {
    await runDemo(page, obra, 'kill');
    await waitForEnd(page);
    await shoot(page, 'kill', 'end');
    await expect(page.getByTestId('stage').getByRole('button', { name: /signal SIGTERM/ }).first()).toBeVisible();
  });
});
