import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRunLog } from '../../tests/fixtures/demo-run-log';
import { Lab } from '../../electron/lab/index';
import type { LabEvent } from '../../shared/events';
import { shortCommand } from '../model/processRecord';
import { RunLog } from '../model/runLog';
import { fitWindow } from '../model/viewport';
import { LogBuilder, ms } from '../../tests/fixtures/log-builder';
import { timelinePicture, timelineSvg } from './timelineSvg';
import { checkXml } from '../../tests/fixtures/xml-well-formed';
import { escapeXml } from './xml';

function runOf(events: readonly LabEvent[]): RunLog {
  const run = new RunLog('r1');
  run.append(events);
  return run;
}

/** The marks drawn in the plot (inside its clip group). */
function plot(svg: string): string {
  return /<g clip-path="url\(#obra-tl-plot\)">(.*?)<\/g>/s.exec(svg)?.[1] ?? '';
}

/** The text content of every <text> element, unescaped enough to compare. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
}

describe('the timeline exported as SVG, from a real fork demo run', () => {
  let lab: Lab;
  let run: RunLog;
  beforeAll(async () => {
    lab = new Lab();
    run = await demoRunLog(lab, 'fork');
  }, 60_000);
  afterAll(() => lab.shutdown());

  it('is well-formed XML that names every process by pid, kind and command, with a title, units and a legend', () => {
    const window = fitWindow(run.index.lastT);
    const svg = timelineSvg(run, window, { lang: 'en', title: 'fork: a Node worker with an IPC channel' });
    const check = checkXml(svg);
    expect(check.error).toBeUndefined();
    const words = texts(svg);
    const lanes = run.index.lanes();
    expect(lanes.length).toBeGreaterThanOrEqual(2);
    for (const lane of lanes) {
      expect(words).toContain(String(lane.pid));
      expect(words.some((w) => w.startsWith(shortCommand(lane.record, 80).slice(0, 8)))).toBe(true);
    }
    expect(words).toContain('boss');
    expect(words).toContain('fork');
    expect(words[0]).toBe('fork: a Node worker with an IPC channel');
    // Axis labels carry their unit; the fork demo lasts somewhere between a few ms and seconds.
    expect(words.filter((w) => /^\d[\d.,]* (µs|ms|s)$/.test(w)).length).toBeGreaterThanOrEqual(3);
    for (const legend of ['stdout', 'stderr', 'IPC message', 'error / signal', 'exit → close', 'busy', 'exit code']) expect(words).toContain(legend);
    // The worker's messages are arrows with heads: a path in the fork colour besides its lane.
    expect(svg).toMatch(/stroke="#8F4C77"/);
  });

  it('speaks Spanish when asked, with Spanish numbers', () => {
    const svg = timelineSvg(run, fitWindow(run.index.lastT), { lang: 'es', title: 'fork' });
    const words = texts(svg);
    expect(words).toContain('jefe');
    expect(words).toContain('mensaje IPC');
    expect(words.some((w) => /procesos · .* de salida/.test(w))).toBe(true);
  });

  it('keeps its text at 14 px or more on a 1280 px slide', () => {
    const svg = timelineSvg(run, fitWindow(run.index.lastT), { lang: 'en', title: 'fork' });
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
  });
});

describe('the timeline exported as SVG, for a window', () => {
  const b = new LogBuilder();
  const ls = b.call(1, 'exec', 'ls <dir> && echo "a&b"', [], { shell: true });
  b.spawn(2, ls, 2001).out(5, ls, 2001, 300).out(40, ls, 2001, 7000, 'stderr').exit(60, ls, 2001, 2).exit(70, ls, 2001, 2, null, 'close');
  const bad = b.call(3, 'spawn', 'nope\u0007', ['--x']);
  b.error(4, bad, null, 'ENOENT');
  b.bossExit(90, 0);
  const run = runOf(b.log);

  it('escapes commands that look like markup', () => {
    const svg = timelineSvg(run, { start: 0, end: ms(100) }, { lang: 'en', title: 'A <title> & "quotes"' });
    expect(checkXml(svg).ok).toBe(true);
    expect(svg).toContain(escapeXml('A <title> & "quotes"'));
    expect(svg).not.toContain('\u0007');
    expect(texts(svg).some((w) => w.startsWith('ls <dir> && echo'))).toBe(true);
  });

  it('draws only what falls in the window, on an axis that covers just the window', () => {
    const whole = timelineSvg(run, { start: 0, end: ms(100) }, { lang: 'en', title: 't' });
    const early = timelinePicture(run, { start: 0, end: ms(20) }, { lang: 'en', title: 't' });
    // The stderr chunk at 40 ms and the exit code 2 at 60 ms are in the whole run, not in [0, 20 ms].
    expect(plot(whole)).toMatch(/<path d="[^"]*" fill="#D55E00"/);
    expect(plot(early.svg)).not.toMatch(/<path d="[^"]*" fill="#D55E00"/);
    expect(plot(early.svg)).toMatch(/<path d="[^"]*" fill="#222222"/);
    expect(texts(whole)).toContain('2');
    expect(texts(early.svg)).not.toContain('2');
    const ticks = texts(early.svg).filter((w) => /^\d[\d.,]* (µs|ms|s)$/.test(w)).map((w) => Number.parseFloat(w.replace(/,/g, '')));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...ticks)).toBeLessThanOrEqual(20);
    expect(texts(early.svg)).toContain('ENOENT');
  });

  it('grows its lanes with the width: twice as wide, twice as large', () => {
    const small = timelinePicture(run, { start: 0, end: ms(100) }, { lang: 'en', title: 't', width: 1280 });
    const large = timelinePicture(run, { start: 0, end: ms(100) }, { lang: 'en', title: 't', width: 2560 });
    expect(large.height).toBeGreaterThanOrEqual(small.height * 2 - 2);
    expect(large.height).toBeLessThanOrEqual(small.height * 2 + 2);
  });
});

describe('the timeline exported as SVG, for a million events', () => {
  it('stays small and quick: marks per pixel column, not per event', () => {
    const b = new LogBuilder();
    const id = b.call(0, 'spawn', 'flood', []);
    b.spawn(1, id, 3001);
    for (let i = 0; i < 1_000_000; i++) {
      b.log.push({ type: i % 10 === 0 ? 'stderr' : 'stdout', t: 1_000 + i * 2, pid: 3001, childId: id, bytes: 64, preview: '' });
      if (i % 1000 === 0) b.log.push({ type: 'sample', t: 1_000 + i * 2, pid: 3001, cpu: (i / 10_000) % 100, interval: 2_000 });
    }
    b.exit(2_100, id, 3001, 0).bossExit(2_200, 0);
    const run = runOf(b.log);
    const began = performance.now();
    const svg = timelineSvg(run, fitWindow(run.index.lastT), { lang: 'en', title: 'flood' });
    const took = performance.now() - began;
    expect(checkXml(svg).ok).toBe(true);
    expect(svg.length).toBeLessThan(400_000);
    expect(took).toBeLessThan(2_000);
  });
});
