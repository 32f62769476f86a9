// @ts-check
// Where a page's main thread spends its time: a CPU profile (CDP Profiler)
// taken over a stretch of a bench, its self time summed per function and
// per part of the work (parts named by the functions that do them). Function
// names survive only in an unminified build (`electron-vite build` with the
// renderer's `minify: false`); in the shipped, minified one most time shows
// under one-letter names and the parts read as "other".
'use strict';

/**
 * Start the profiler in a page; the returned function stops it and gives the profile.
 * @param {import('@playwright/test').Page} page
 */
async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  // A sample every 200 µs: fine enough for 25 ms slices, small enough for a minute's profile.
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = /** @type {{ profile: any }} */ (await cdp.send('Profiler.stop'));
    await cdp.detach();
    return profile;
  };
}

/**
 * Each sample's time and its stack, innermost frame first.
 * @param {any} profile
 * @returns {Array<{ ms: number, stack: any[] }>}
 */
function samplesOf(profile) {
  /** @type {Map<number, any>} */
  const nodes = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parentOf = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
  /** @type {Map<number, any[]>} */
  const stacks = new Map();
  const stackOf = (/** @type {number} */ id) => {
    let stack = stacks.get(id);
    if (!stack) {
      stack = [];
      for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parentOf.get(at)) stack.push(nodes.get(at).callFrame);
      stacks.set(id, stack);
    }
    return stack;
  };
  const { samples, timeDeltas } = profile;
  // A sample's time is the delta to the next one (the last sample's, its own).
  return samples.map((/** @type {number} */ id, /** @type {number} */ i) => ({ ms: (timeDeltas[i + 1] ?? timeDeltas[i]) / 1000, stack: stackOf(id) }));
}

const whereOf = (/** @type {any} */ frame) => (frame.url ? `${frame.url.split('/').pop()}:${frame.lineNumber + 1}` : '');

/**
 * Time per function, ms, largest first: self (the sample's innermost frame) or total (anywhere in its stack, once).
 * @param {ReturnType<typeof samplesOf>} samples @param {'self' | 'total'} kind
 * @returns {Array<{ name: string, where: string, ms: number }>}
 */
function functionTimes(samples, kind) {
  /** @type {Map<string, { name: string, where: string, ms: number }>} */
  const byFunction = new Map();
  for (const { ms, stack } of samples) {
    const seen = new Set();
    for (const frame of kind === 'self' ? stack.slice(0, 1) : stack) {
      const where = whereOf(frame);
      const key = `${frame.functionName}@${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = byFunction.get(key) ?? { name: frame.functionName || '(anonymous)', where, ms: 0 };
      entry.ms += ms;
      byFunction.set(key, entry);
    }
  }
  return [...byFunction.values()].sort((a, b) => b.ms - a.ms);
}

/**
 * Time summed per part of the work: a sample goes to the part of its innermost frame that names one.
 * @param {ReturnType<typeof samplesOf>} samples @param {Array<[string, RegExp]>} parts
 * @returns {Array<[string, number]>} [part, ms], in the parts' order, "other" last
 */
function shares(samples, parts) {
  /** @type {Map<string, number>} */
  const sums = new Map(parts.map(([part]) => [part, 0]));
  let other = 0;
  for (const { ms, stack } of samples) {
    let part;
    for (const frame of stack) {
      part = parts.find(([, pattern]) => pattern.test(frame.functionName));
      if (part) break;
    }
    if (part) sums.set(part[0], /** @type {number} */ (sums.get(part[0])) + ms);
    else other += ms;
  }
  return [...sums, ['other', other]];
}

module.exports = { startProfile, samplesOf, functionTimes, shares };
