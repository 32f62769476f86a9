import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { LiveCounter, type Terminal } from './live-counter';

function terminal(isTTY: boolean): Terminal & { text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  }) as Terminal & { text: () => string };
  stream.isTTY = isTTY;
  stream.columns = 100;
  stream.text = () => text;
  return stream;
}

const events: LabEvent[] = [
  { type: 'run-start', t: 0, pid: 1, runId: 'r', script: '/s.js', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'stdout', t: 1_500_000, pid: 1, childId: 'boss', bytes: 2048, preview: 'x', count: 2 },
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the live counter', () => {
  it('on a terminal, rewrites one line about ten times a second, and erases it at the end', async () => {
    const tty = terminal(true);
    const live = new LiveCounter(tty, true);
    live.add(events);
    await sleep(450);
    live.stop();
    const draws = tty.text().split('\r\x1b[2K').filter(Boolean);
    expect(draws.length).toBeGreaterThanOrEqual(2);
    expect(draws.length).toBeLessThanOrEqual(5);
    expect(draws[0]).toBe('● 1.50 s · 1 proc · out 2.0 KiB · err 0 B · msg 0→0 · 0 err · 2 events');
    expect(tty.text().endsWith('\r\x1b[2K')).toBe(true);
    expect(tty.text()).not.toContain('\n');
  });

  it('piped (no TTY) or --quiet: writes nothing', async () => {
    const piped = terminal(false);
    const quiet = terminal(true);
    const counters = [new LiveCounter(piped, true), new LiveCounter(quiet, false)];
    counters.forEach((c) => c.add(events));
    await sleep(250);
    counters.forEach((c) => c.stop());
    expect(piped.text()).toBe('');
    expect(quiet.text()).toBe('');
  });
});
