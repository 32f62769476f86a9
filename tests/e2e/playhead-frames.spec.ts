/**
 * One loop a frame: in real Chromium, through a live run that floods the
 * stage, the timeline and the panels, then a replay at teaching speed, the
 * page asks the browser for one animation-frame callback per frame —
 * renderer/frames runs the replay clock and the live ticker first, then the
 * draws, in that order, inside it (its unit tests prove the order).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { runToEnd } from './run-helpers';

declare global {
  interface Window {
    /** The animation-frame callbacks the page ran, frame by frame: the head of each callback's source. */
    __frameCallbacks?: string[][];
  }
}

test.use({ viewport: { width: 1600, height: 900 } });

/** Frames in which the page ran more than one callback, as the heads of those callbacks. */
const crowdedFrames = (page: Page): Promise<{ frames: number; crowded: string[][] }> =>
  page.evaluate(() => {
    const frames = window.__frameCallbacks!.splice(0);
    return { frames: frames.length, crowded: frames.filter((callbacks) => callbacks.length > 1) };
  });

test('live and at teaching speed, the page runs one animation-frame callback per frame', async ({ page, obra }) => {
  await page.addInitScript(() => {
    const frames: string[][] = [];
    window.__frameCallbacks = frames;
    const request = window.requestAnimationFrame.bind(window);
    // The callbacks of one frame share its time and run with no task between them: a new time, or a
    // task that ran since the last callback, is a new frame.
    let lastTime = -1;
    let taskRan = true;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      taskRan = true;
    };
    window.requestAnimationFrame = (callback) =>
      request((now) => {
        if (now !== lastTime || taskRan) frames.push([]);
        lastTime = now;
        taskRan = false;
        channel.port2.postMessage(null);
        frames[frames.length - 1].push(String(callback).slice(0, 80));
        callback(now);
      });
  });
  const log = await runToEnd(page, obra, 'spawn');
  const live = await crowdedFrames(page);

  const end = Math.max(...log.map((e) => e.t));
  await page.getByRole('slider', { name: 'Playhead' }).fill(String(Math.round(end * 0.3)));
  await page.getByRole('checkbox', { name: 'Teaching speed' }).check();
  await crowdedFrames(page);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(1_500);
  const playing = await crowdedFrames(page);

  expect(live.frames, 'frames ran during the live run').toBeGreaterThan(10);
  expect(playing.frames, 'frames ran while playing').toBeGreaterThan(10);
  expect(live.crowded, 'frames of the live run with more than one callback').toEqual([]);
  expect(playing.crowded, 'frames of the replay with more than one callback').toEqual([]);
});
