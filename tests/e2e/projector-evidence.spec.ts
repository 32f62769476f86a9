/**
 * The projector keeps the evidence, in real Chromium through `obra serve` at
 * 1920×1080 on real demo runs: the blocking lesson's latency chart and its
 * HTTP requests, the console with every process's lines at the playhead, the
 * code and console beside the stage with `C`. Screenshots in screens/.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { bossOutput, shootStageAndTimeline } from './ui-helpers';
import { runToEnd } from './run-helpers';

test.use({ viewport: { width: 1920, height: 1080 } });

/** Every visible text of an SVG: its size on screen. */
async function svgTextPx(page: Page, selector: string): Promise<Array<{ text: string; px: number }>> {
  return page.locator(selector).evaluateAll((svgs) =>
    svgs.flatMap((svg) =>
      [...svg.querySelectorAll('text')].filter((t) => t.textContent?.trim() && t.getBoundingClientRect().height > 0).map((t) => {
        const ctm = (t as SVGTextElement).getScreenCTM();
        return { text: t.textContent ?? '', px: parseFloat(getComputedStyle(t).fontSize) * (ctm ? Math.hypot(ctm.b, ctm.d) : 1) };
      }),
    ),
  );
}

test('blocking in projector mode: the latency chart stays, at ≥ 24 px; C brings the code and the console', async ({ page, obra }) => {
  const log = await runToEnd(page, obra, 'blocking');
  await page.keyboard.press('p');
  await expect(page.locator('.app.projector')).toBeVisible();
  const chart = page.locator('.projector-caption .latency-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('[data-variant="inline"]')).toHaveCount(4);
  await expect(chart.locator('[data-variant="fork"]')).toHaveCount(4);
  expect((await svgTextPx(page, '.projector-caption .latency-plot')).filter((t) => t.px < 24), 'chart texts under 24 px').toEqual([]);
  // IPC arrows at least 3 px wide on the projector.
  expect(Number(await page.locator('canvas.timeline-lanes').getAttribute('data-arrow-px'))).toBeGreaterThanOrEqual(3);

  // Every /fast request and its answer are events of the run (IPC from the client), with their latency.
  const answers = log.filter((e) => e.type === 'message' && e.dir === 'send' && /"response":"\/fast"/.test(e.preview));
  expect(answers).toHaveLength(10);
  const printed = JSON.parse(bossOutput(log).split('\n').find((l) => l.includes('"variant":"inline"')) ?? '{}') as { fastMs: number[] };
  for (const ms of printed.fastMs) expect(answers.some((e) => e.type === 'message' && e.preview.includes(`"ms":${ms}`))).toBe(true);
  // The two clients are told apart by name on the timeline.
  const labels = await page.getByRole('list', { name: 'Processes' }).getByRole('listitem').allTextContents();
  expect(labels.filter((l) => /client\.js inline/.test(l))).toHaveLength(1);
  expect(labels.filter((l) => /client\.js fork/.test(l))).toHaveLength(1);

  await expect(page.getByRole('complementary', { name: 'Code and console' })).toHaveCount(0);
  await page.keyboard.press('c');
  const side = page.getByRole('complementary', { name: 'Code and console' });
  await expect(side).toBeVisible();
  await expect(side.getByRole('region', { name: 'Code' })).toBeVisible();
  await expect(side.getByRole('region', { name: 'Console' })).toContainText('server on 127.0.0.1');
  await shootStageAndTimeline(page, 'projector-blocking');
  await page.keyboard.press('c');
  await expect(side).toHaveCount(0);
});

test("the console: each process's lines by the playhead, named by pid and program", async ({ page, obra }) => {
  const log = await runToEnd(page, obra, 'exec');
  const panel = page.getByRole('region', { name: 'Console' });
  const boss = log[0].pid as number;
  const worker = log.find((e) => e.type === 'spawn')?.pid as number;
  // The shell exec brought is named on the stage as the OS names it.
  const shell = log.filter((e) => e.type === 'os-process' && e.state === 'seen' && e.pid === worker).at(-1);
  expect(shell?.type === 'os-process' && shell.argv[0]).toBe('/bin/sh');
  await expect(page.getByTestId('stage').locator(`[data-pid="${worker}"]`)).toContainText('/bin/sh');
  await expect(panel.locator(`.console-line[data-pid="${boss}"]`).first()).toContainText('boss');
  const said = (pid: number, text: string) => panel.locator(`.console-line[data-pid="${pid}"] .console-text`).filter({ hasText: new RegExp(`^${text}$`) });
  await expect(said(worker, 'hola')).toHaveCount(1);
  await expect(panel.locator('.console-line.is-stderr').filter({ hasText: 'aviso' })).toContainText('stderr');
  // Before the worker wrote "chau", the console does not have it.
  const chau = log.find((e) => e.type === 'stdout' && e.pid === worker && e.preview.includes('chau'));
  await page.getByRole('slider', { name: 'Playhead' }).fill(String((chau as { t: number }).t - 1));
  await expect(said(worker, 'chau')).toHaveCount(0);
  await expect(said(worker, 'hola')).toHaveCount(1);
});

test('kill in projector mode: orphans said so, kinds in words, the demo title whole, lanes follow the playhead', async ({ page, obra }) => {
  const log = await runToEnd(page, obra, 'kill');
  await page.keyboard.press('p');
  await expect(page.locator('.app.projector')).toBeVisible();
  // The demo picker shows its whole title.
  const picker = page.getByLabel('Demo');
  expect(await picker.evaluate((s: HTMLSelectElement) => s.scrollWidth <= s.clientWidth + 1 && s.clientWidth > 0)).toBe(true);
  const stage = page.getByTestId('stage');
  // Every worker started by the API keeps its kind's word on the stage.
  for (const e of log.filter((x) => x.type === 'spawn')) {
    const call = log.find((c) => c.type === 'call' && e.type === 'spawn' && c.childId === e.childId);
    if (call?.type === 'call') await expect(stage.locator(`[data-pid="${e.pid}"]`)).toContainText(call.api);
  }
  // exec + a pipe: sleep and cat outlive their shell. At the moment the boss prints them as orphans, the stage says so.
  const printed = log.find((e) => e.type === 'stdout' && /^orphans alive: 2/.test(e.preview));
  expect(printed).toBeTruthy();
  const orphans = [...(printed as { preview: string }).preview.matchAll(/(\d+) (sleep|cat) \(ppid/g)].map((m) => Number(m[1]));
  await page.getByRole('slider', { name: 'Playhead' }).fill(String((printed as { t: number }).t));
  for (const pid of orphans) await expect(stage.locator(`[data-pid="${pid}"]`)).toHaveAttribute('aria-label', /orphan/);
  // On the timeline, their lanes are marked, in view (the lanes follow the playhead), and their badge is whole.
  for (const pid of orphans) {
    const item = page.getByRole('list', { name: 'Processes' }).getByRole('listitem').filter({ hasText: new RegExp(`^\\s*${pid}\\b`) });
    await expect(item).toContainText('orphan');
    await expect(item).toBeInViewport();
    expect(await item.locator('.kind-badge').evaluate((b) => b.scrollWidth <= b.clientWidth + 1)).toBe(true);
  }
  await shootStageAndTimeline(page, 'projector-kill');
});
