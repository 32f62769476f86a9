import { describe, expect, it } from 'vitest';
import { RunLog } from '../model/runLog';
import { fitWindow } from '../model/viewport';
import { LogBuilder } from '../../tests/fixtures/log-builder';
import { TASK_FILL } from '../timeline/taskPalette';
import { timelineSvg } from './timelineSvg';
import { checkXml } from '../../tests/fixtures/xml-well-formed';

/** The event-loop demo's shape: the main script, a 1.5 s sum in a timer, a 100 ms timer late behind it. */
function loopRun(): RunLog {
  const b = new LogBuilder().blockedLoop().bossExit(2100, 0);
  const run = new RunLog('r1');
  run.append(b.log);
  return run;
}

describe('callbacks in the exported timeline', () => {
  const run = loopRun();
  const svg = (lang: 'es' | 'en', theme: 'light' | 'dark' = 'light') => timelineSvg(run, fitWindow(run.index.lastT), { lang, title: 'event-loop', theme });

  it("draws the boss's callback track: the sum's slice in the timer's colour, the late timer's bracket from due to ran", () => {
    const out = svg('en');
    expect(checkXml(out).error).toBeUndefined();
    const plot = /<g clip-path="url\(#obra-tl-plot\)">(.*?)<\/g>/s.exec(out)?.[1] ?? '';
    const timerSlices = [...plot.matchAll(new RegExp(`<rect x="([\\d.]+)"[^>]*width="([\\d.]+)"[^>]*fill="${TASK_FILL.timer}"`, 'g'))];
    // The late timer runs right where the sum ends: at this width the two share a column, and the sum's slice stands for both.
    expect(timerSlices.length).toBe(1);
    // The sum's slice is about three quarters of the plot wide; the bracket is dashed and spans due → ran.
    expect(Math.max(...timerSlices.map((m) => Number(m[2])))).toBeGreaterThan(500);
    expect(plot).toMatch(/<path d="M[\d.]+ [\d.]+H[\d.]+"[^>]*stroke-dasharray/);
    expect(svg('en', 'dark')).toContain(TASK_FILL.timer);
  });

  it("labels the track under its process and names the run's kinds in the legend, in both languages", () => {
    const words = (lang: 'es' | 'en') => [...svg(lang).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(words('en')).toContain('↻ callbacks');
    expect(words('en')).toEqual(expect.arrayContaining(['callbacks:', 'timer', 'other']));
    expect(words('en')).not.toContain('HTTP');
    expect(words('es')).toEqual(expect.arrayContaining(['temporizador', 'otro']));
  });
});
