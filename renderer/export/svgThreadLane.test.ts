import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { RunLog } from '../model/runLog';
import { fitWindow } from '../model/viewport';
import { LogBuilder, BOSS, ms } from '../../tests/fixtures/log-builder';
import { timelineSvg } from './timelineSvg';
import { checkXml } from '../../tests/fixtures/xml-well-formed';

/** A boss with one Worker thread that gets a message and answers it, then ends with code 0. */
function threadRun(): RunLog {
  const b = new LogBuilder();
  const msg = (t: number, dir: 'send' | 'recv', fromThread: number, toThread: number, threadId?: number): LabEvent => ({
    type: 'message', t: ms(t), pid: BOSS, dir, from: BOSS, to: BOSS, fromThread, toThread, seq: 1, bytes: 9, preview: '{}', ...(threadId ? { threadId } : {}),
  });
  b.log.push(
    { type: 'thread', t: ms(10), pid: BOSS, state: 'start', thread: 1, file: '/demo/helper.js', source: null },
    { type: 'thread', t: ms(40), pid: BOSS, state: 'online', thread: 1 },
    msg(50, 'send', 0, 1),
    msg(52, 'recv', 0, 1, 1),
    msg(80, 'send', 1, 0, 1),
    msg(82, 'recv', 1, 0),
    { type: 'thread', t: ms(120), pid: BOSS, state: 'exit', thread: 1, code: 0 },
  );
  b.bossExit(150, 0);
  const run = new RunLog('r1');
  run.append(b.log);
  return run;
}

describe('a Worker thread in the exported timeline', () => {
  const run = threadRun();
  const svg = (lang: 'es' | 'en') => timelineSvg(run, fitWindow(run.index.lastT), { lang, title: 'threads' });

  it('has a lane of its own under its process: its threadId, a dashed "thread" pill, its script', () => {
    const out = svg('en');
    expect(checkXml(out).error).toBeUndefined();
    const words = [...out.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    const at = words.indexOf('thread');
    expect(at).toBeGreaterThan(0);
    expect(words.slice(at - 1, at + 2)).toEqual(['1', 'thread', 'helper.js']);
    expect(svg('es')).toContain('>hilo<');
  });

  it('draws its strand (dashed while starting, rounded) and an arrow each way between it and the main thread', () => {
    const plot = /<g clip-path="url\(#obra-tl-plot\)">(.*?)<\/g>/s.exec(svg('en'))?.[1] ?? '';
    expect(plot).toMatch(/<rect [^>]*rx="[\d.]+"[^>]*fill="none"[^>]*stroke-dasharray/);
    // Two arrows: the boss's row and the thread's row differ, so neither is flat.
    const arrows = [...plot.matchAll(/<path d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)"[^>]*fill="none"/g)].map((m) => Number(m[2]) - Number(m[4]));
    expect(arrows).toHaveLength(2);
    expect(arrows.every((dy) => Math.abs(dy) > 10)).toBe(true);
    expect(Math.sign(arrows[0])).toBe(-Math.sign(arrows[1]));
  });
});
