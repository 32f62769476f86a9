import { describe, expect, it } from 'vitest';
import { stageStateAt } from './model';
import { workersInOrder } from './derive';
import { stageLayout } from './layout';
import { BOSS, LogBuilder, ms } from '../../tests/fixtures/log-builder';
import { workerWaves } from './waves';
import { STAGE_TEXT } from '../i18n/stageText';

const wavesAt = (b: LogBuilder, cursorMs: number) => workerWaves(workersInOrder(stageStateAt(b.log, ms(cursorMs)), ms(cursorMs)));

describe('the boss hires its workers in rounds', () => {
  // all-cores: one worker; once it is done, two at once.
  const b = new LogBuilder();
  const one = b.call(10, 'fork', 'primes.js');
  b.spawn(12, one, 2001).exit(4000, one, 2001, 0);
  const [a, c] = [b.call(4300, 'fork', 'primes.js'), b.call(4301, 'fork', 'primes.js')];
  b.spawn(4302, a, 2002).spawn(4303, c, 2003).exit(6000, a, 2002, 0).exit(6100, c, 2003, 0);

  it('one worker, then two: two rounds, from the moment the second begins', () => {
    expect(wavesAt(b, 4000)).toBeNull();
    expect(wavesAt(b, 4301)).toEqual([
      { first: 0, slots: 1, workers: 1, threads: 0 },
      { first: 1, slots: 2, workers: 2, threads: 0 },
    ]);
  });

  it('workers hired one after another, each alone, are not rounds worth a heading (the kill demo)', () => {
    const k = new LogBuilder();
    for (let i = 0; i < 4; i++) {
      const id = k.call(1000 * i, 'spawn', 'sleep', ['30']);
      k.spawn(1000 * i + 1, id, 3000 + i).exit(1000 * i + 500, id, 3000 + i, null, 'SIGTERM');
    }
    expect(wavesAt(k, 5000)).toBeNull();
  });

  it("a worker hired while another works joins its round, and children stay in their parent's (blocking)", () => {
    const k = new LogBuilder();
    const inline = k.call(10, 'fork', 'client.js', ['inline']);
    k.spawn(11, inline, 4001).exit(2000, inline, 4001, 0);
    const forked = k.call(2300, 'fork', 'client.js', ['fork']);
    k.spawn(2301, forked, 4002);
    const heavy = k.call(2500, 'fork', 'heavy-worker.js');
    k.spawn(2501, heavy, 4003).os(2600, 4004, 4003, ['sleep', '1']);
    expect(wavesAt(k, 2700)).toEqual([
      { first: 0, slots: 1, workers: 1, threads: 0 },
      { first: 1, slots: 3, workers: 2, threads: 0 },
    ]);
  });

  it('Worker threads are counted apart from workers: two threads, then two forked helpers (worker-threads)', () => {
    const k = new LogBuilder();
    for (const thread of [1, 2]) {
      k.log.push({ type: 'thread', t: ms(10 + thread), pid: BOSS, state: 'start', thread, file: '/demo/helper.js', source: null });
      k.log.push({ type: 'thread', t: ms(20 + thread), pid: BOSS, state: 'online', thread });
      k.log.push({ type: 'thread', t: ms(900 + thread), pid: BOSS, state: 'exit', thread, code: 0 });
    }
    const [a, c] = [k.call(1000, 'fork', 'helper.js'), k.call(1001, 'fork', 'helper.js')];
    k.spawn(1002, a, 5001).spawn(1003, c, 5002);
    const waves = wavesAt(k, 1100);
    expect(waves).toEqual([
      { first: 0, slots: 2, workers: 0, threads: 2 },
      { first: 2, slots: 2, workers: 2, threads: 0 },
    ]);
    const L = STAGE_TEXT.en;
    expect(waves?.map((w, i) => L.round(i + 1, w.workers, w.threads))).toEqual(['Round 1 · 2 threads', 'Round 2 · 2 workers']);
    expect(STAGE_TEXT.es.round(1, 1, 2)).toBe('Tanda 1 · 1 obrero, 2 hilos');
    expect(L.round(null, 1, 0)).toBe('1 worker');
  });

  it('on the stage, rounds that fit in one row stand side by side, each under its heading', () => {
    const l = stageLayout(1200, 330, 1, 3, [1, 2]);
    expect(l.rounds.map((r) => [r.first, r.slots])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(l.cells.map((c) => c.row)).toEqual([0, 0, 0]);
    expect(l.rounds[1].x).toBeCloseTo(l.cells[1].x);
    expect(l.rounds[0].y).toBeLessThan(l.cells[0].y + 1);
  });

  it('when rows give larger cells, each round starts a row under its heading', () => {
    const l = stageLayout(700, 600, 1, 3, [1, 2]);
    expect(l.rounds.map((r) => [r.first, r.slots])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(l.cells.map((c) => c.row)).toEqual([0, 1, 1]);
    expect(l.cells[1].y).toBeGreaterThan(l.cells[0].y + l.cells[0].h - 1);
    expect(l.rounds[1].y).toBeGreaterThan(l.cells[0].y + l.cells[0].h - 1);
    expect(l.rounds[1].y).toBeLessThan(l.cells[1].y + 1);
    for (const cell of l.cells) expect(cell.y + cell.h).toBeLessThanOrEqual(600);
    // Rounds that cannot fit that way fall back to one grid.
    expect(stageLayout(500, 200, 1, 41, [1, 40]).rounds).toEqual([]);
  });
});
