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

type Box = { x: number; y: number; w: number; h: number };
interface CellBoxes {
  pid: string;
  cell: Box;
  figure: Box;
  shell: Box | null;
  pole: Box | null;
  cloth: Box | null;
  sign: Box | null;
}

/** Each worker's drawings on screen: its cell, figure, shell helper, flag (pole and cloth) and stop sign. */
async function markerBoxes(page: Page): Promise<CellBoxes[]> {
  return page.getByTestId('stage').locator('g[role="button"][data-pid]').evaluateAll((cells) =>
    cells
      .filter((c) => c.querySelector('[data-part="figure"]'))
      .map((c) => {
        const box = (selector: string): Box | null => {
          const r = c.querySelector(selector)?.getBoundingClientRect();
          return r ? { x: r.x, y: r.y, w: r.width, h: r.height } : null;
        };
        return {
          pid: c.getAttribute('data-pid') ?? '?', cell: box(':scope > rect')!, figure: box('[data-part="figure"]')!, shell: box('[data-part="shell"]'),
          pole: box('[data-part="flag"] line'), cloth: box('[data-part="flag"] path'), sign: box('[data-part="sign"]'),
        };
      }),
  );
}

const meet = (a: Box | null, b: Box | null): boolean => !!a && !!b && a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
const inside = (a: Box, b: Box): boolean => a.x >= b.x - 1 && a.x + a.w <= b.x + b.w + 1;

/** Every stop sign or flag cloth that covers a figure, a shell helper, a flag or a sign, or leaves its cell's width. */
function overlaps(cells: CellBoxes[]): string[] {
  const found: string[] = [];
  for (const c of cells) {
    for (const [what, part] of [['shell', c.shell], ['figure', c.figure], ['pole', c.pole], ['cloth', c.cloth]] as const) if (meet(c.sign, part)) found.push(`${c.pid}: sign over its ${what}`);
    for (const [what, part] of [['sign', c.sign], ['cloth', c.cloth]] as const) if (part && !inside(part, c.cell)) found.push(`${c.pid}: ${what} out of its cell`);
    for (const o of cells) {
      if (o === c) continue;
      for (const [what, part] of [['sign', c.sign], ['cloth', c.cloth]] as const) {
        for (const [their, other] of [['figure', o.figure], ['shell', o.shell], ['sign', o.sign], ['cloth', o.cloth]] as const) if (meet(part, other)) found.push(`${c.pid}: ${what} over ${o.pid}'s ${their}`);
      }
    }
  }
  return found;
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
    // Its code on the sign's plate, or — where the cell has no room for the plate — leading its label line.
    await expect(sign.locator('text', { hasText: /^MAXBUFFER( · |$)/ })).toBeVisible();
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

  test('kill: signals and orphans; every stop sign stands beside its figure — clear of it, its shell helper, its flag and the other cells — in every cell size, projector too', async ({ page, obra }) => {
    const runId = await runDemo(page, obra, 'kill');
    await waitForEnd(page);
    await shoot(page, 'kill', 'end');
    await expect(page.getByTestId('stage').getByRole('button', { name: /signal SIGTERM/ }).first()).toBeVisible();
    const log = obra.lab.log(runId);
    // The moment of the group's kill (full and small cells, signs and flags side by side) and the end (the most workers).
    const moments = [log.find((e) => e.type === 'kill' && e.target < 0)!.t + 1, Math.max(...log.map((e) => e.t))];
    for (const [width, height, projector] of [[1366, 768, false], [1024, 700, false], [1920, 1080, true], [1280, 720, true]] as const) {
      await page.setViewportSize({ width, height });
      if (projector) await page.keyboard.press('p');
      for (const t of moments) {
        await page.getByRole('slider', { name: 'Playhead' }).fill(String(t));
        await expect(page.getByTestId('stage')).toHaveAttribute('data-cursor', String(t));
        const cells = await markerBoxes(page);
        expect(cells.filter((c) => c.sign).length, `signs at ${t} µs`).toBeGreaterThan(0);
        expect(overlaps(cells), `${width}×${height}${projector ? ' projector' : ''} at ${t} µs`).toEqual([]);
      }
      if (projector) {
        await shoot(page, 'kill', `projector-${width}`);
        await page.keyboard.press('p');
      }
    }
  });
});
