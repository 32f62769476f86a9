/**
 * One loop a frame: in real Chromium, through a live run that floods the
 * stage, the timeline and the panels, then a replay at teaching speed, Obra's
 * own code asks the browser for one animation-frame callback per frame —
 * renderer/frames runs the replay clock and the live ticker first, then the
 * draws, in that order, inside it (its unit tests prove the order). The code
 * editor (CodeMirror) measures its own DOM in a frame callback of its own: a
 * library's layout read, not one of Obra's loops; any other callback fails.
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

/** The frame scheduler's callback (renderer/frames/frameScheduler.ts), by its source. */
const SCHEDULER = /this\.runFrame\(/;
/** CodeMirror's EditorView measuring its DOM, and its DOM observer's delayed flush. */
const EDITOR_LIBRARY = /^\(\) => \{? ?(this\.measure\(\)|this\.delayedFlush = -1)/;

/** Frames in which Obra ran more than one callback of its own, or any callback that is neither the scheduler's nor the editor library's. */
const crowdedFrames = (page: Page): Promise<{ frames: number; crowded: string[][] }> =>
  page
    .evaluate(() => window.__frameCallbacks!.splice(0))
    .then((frames) => ({
      frames: frames.length,
      crowded: frames.filter((callbacks) => {
        const ours = callbacks.filter((head) => !EDITOR_LIBRARY.test(head));
        return ours.length > 1 || ours.some((head) => !SCHEDULER.test(head));
      }),
    }));

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
