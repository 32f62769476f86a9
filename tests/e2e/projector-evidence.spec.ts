/**
 * The projector keeps the evidence, in real Chromium through `obra serve` at
 * 1920×1080 on real demo runs: the blocking lesson's latency chart and its
 * HTTP requests, the console with every process's lines at the playhead, the
 * code and console beside the stage with `C`. Screenshots in screens/.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { bossOutput, processItem, shootStageAndTimeline } from './ui-helpers';
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

/** The words each worker's cell shows on the stage, its lines joined; none cut short. */
async function namesOnStage(page: Page, pids: number[]): Promise<string[]> {
  const stage = page.getByTestId('stage');
  return Promise.all(
    pids.map(async (pid) => {
      const lines = await stage.locator(`[data-pid="${pid}"] text`).allTextContents();
      return lines.map((l) => l.trim()).filter(Boolean).join(' ');
    }),
  );
}

test('blocking in projector mode: the latency chart stays, at ≥ 24 px; C brings the code and the console; the two clients are named whole on the stage', async ({ page, obra }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const log = await runToEnd(page, obra, 'blocking');
  // Each client by its whole command line (node's argv after the module: its variant and the server's port), never cut.
  const clients = log.flatMap((e) => (e.type === 'call' && e.command.endsWith('client.js') ? [e] : []));
  expect(clients.map((c) => c.args[0])).toEqual(['inline', 'fork']);
  const pids = clients.map((c) => log.find((e) => e.type === 'spawn' && e.childId === c.childId)?.pid as number);
  const whole = clients.map((c) => `client.js ${c.args.join(' ')}`);
  const named = async (where: string): Promise<void> => {
    const shown = await namesOnStage(page, pids);
    shown.forEach((text, i) => expect(text, where).toContain(whole[i]));
    expect(shown.filter((t) => t.includes('…')), where).toEqual([]);
  };
  await named('1366×768');
  await page.setViewportSize({ width: 1920, height: 1080 });
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
  await named('projector, with the code and the console beside the stage');
  await shootStageAndTimeline(page, 'projector-blocking');
  await page.keyboard.press('c');
  await expect(side).toHaveCount(0);
  await named('projector');
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

test('kill in projector mode: orphans said so and the signals the boss sends them marked, kinds in words, the demo title whole, lanes follow the playhead', async ({ page, obra, saveScreenshot }) => {
  const log = await runToEnd(page, obra, 'kill');
  // Dark, as a class often sees it on a projector.
  await page.keyboard.press('d');
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

  // The boss then ends each orphan with process.kill(pid, 'SIGTERM'): from that moment, the signal is on its figure and on its lane.
  const boss = log[0].pid as number;
  const kills = log.filter((e) => e.type === 'kill' && e.target > 0);
  expect(kills.map((e) => e.type === 'kill' && e.target).sort()).toEqual([...orphans].sort());
  const slider = page.getByRole('slider', { name: 'Playhead' });
  const lanes = page.locator('canvas.timeline-lanes');
  for (const kill of kills) {
    if (kill.type !== 'kill') continue;
    const figure = stage.locator(`[data-pid="${kill.target}"]`);
    await slider.fill(String(kill.t - 1));
    await expect(figure).not.toHaveAttribute('aria-label', /signal SIGTERM/);
    await slider.fill(String(kill.t));
    await expect(figure).toHaveAttribute('aria-label', new RegExp(`signal SIGTERM sent by ${boss}`));
    await expect(figure.locator('[data-sign="SIGTERM"]')).toBeVisible();
    // On its lane, an octagon at the moment it was sent: hovering it says who sent which signal.
    const item = processItem(page, kill.target);
    await item.scrollIntoViewIfNeeded();
    await expect(lanes).toHaveAttribute('data-cursor', String(kill.t));
    const [box, row, start, end] = [await lanes.boundingBox(), await item.boundingBox(), Number(await lanes.getAttribute('data-window-start')), Number(await lanes.getAttribute('data-window-end'))];
    await page.mouse.move(box!.x + ((kill.t - start) / (end - start)) * box!.width, row!.y + row!.height / 2);
    await expect(page.getByRole('tooltip')).toContainText(`SIGTERM sent by ${boss}: process.kill(${kill.target})`);
    // …and the process as it stands at the playhead: still running when the signal is sent.
    await expect(page.getByRole('tooltip')).toContainText(new RegExp(`${kill.target} · .+ · running`));
  }
  await expect(page.locator('.projector-caption')).toContainText(`process.kill(pid, 'SIGTERM') to ${orphans.join(' · ')}`);
  // One signal to a group: the shell that leads it and every member alive, each marked.
  const group = log.find((e) => e.type === 'kill' && e.target < 0);
  expect(group?.type === 'kill' && group.code).toBeNull();
  const members = log.filter((e) => e.type === 'os-process' && e.state === 'seen' && group?.type === 'kill' && (e.pid === -group.target || e.ppid === -group.target));
  await slider.fill(String((group as { t: number }).t));
  for (const pid of new Set(members.map((e) => e.pid))) await expect(stage.locator(`[data-pid="${pid}"]`)).toHaveAttribute('aria-label', /signal SIGTERM sent by/);
  await expect(page.locator('.projector-caption')).toContainText(`process.kill(${(group as { target: number }).target}, 'SIGTERM')`);
  // The class's view just after the orphans' kill, in English and in Spanish.
  for (const lang of ['en', 'es']) {
    if (lang === 'es') {
      await page.keyboard.press('p');
      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'ES' }).click();
      await page.keyboard.press('p');
    }
    await page.locator('input.replay-scrub').fill(String((kills[kills.length - 1] as { t: number }).t));
    await expect(page.locator('.projector-caption')).toContainText("process.kill(pid, 'SIGTERM')");
    await saveScreenshot(page, `projector-kill-signals-${lang}-dark`);
  }
});

test('on a short projector (1024×768, 1280×720) the caption bar is never covered: the narration is read whole', async ({ page, obra }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await runToEnd(page, obra, 'execfile');
  await page.keyboard.press('p');
  await expect(page.locator('.app.projector')).toBeVisible();
  // A step with a long text: four lines at 1024 px wide.
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
  for (const size of [{ width: 1024, height: 768 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(size);
    const caption = page.locator('.projector-caption');
    await expect(caption).toContainText(/\S/);
    const where = `${size.width}×${size.height}`;
    // Every point of the caption's text is the caption's own: nothing of the workspace (the timeline) is drawn over it.
    const covered = await caption.evaluate((bar) => {
      const box = bar.getBoundingClientRect();
      const hits: string[] = [];
      for (let y = box.top + 2; y < box.bottom; y += 8) {
        for (const x of [box.left + 30, (box.left + box.right) / 2, box.right - 30]) {
          const at = document.elementFromPoint(x, y);
          if (!at || !bar.contains(at)) hits.push(`${Math.round(x)},${Math.round(y)}: ${at?.className}`);
        }
      }
      return hits;
    });
    expect(covered, where).toEqual([]);
    expect(await caption.evaluate((bar) => bar.getBoundingClientRect().bottom <= window.innerHeight + 0.5), where).toBe(true);
    // The boss stands whole on the stage: its figure's head inside the stage's box.
    const stage = (await page.getByTestId('stage').boundingBox())!;
    const boss = (await page.getByTestId('stage').locator('[data-kind="boss"] > g').first().boundingBox())!;
    expect(boss.y, where).toBeGreaterThanOrEqual(stage.y - 0.5);
  }
});
