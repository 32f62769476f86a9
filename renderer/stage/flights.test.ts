import { describe, expect, it } from 'vitest';
import { stageStateAt } from './model';
import { sceneAt } from './scene';
import { CRATE_US, MAX_FLYING } from './flights';
import { LogBuilder, ms } from '../../tests/fixtures/log-builder';

const BOX = { width: 956, height: 340, unit: 1 };

function spawnWith(chunks: { at: number; bytes: number; stream?: 'stdout' | 'stderr' }[]) {
  const b = new LogBuilder();
  const id = b.call(1, 'spawn', 'find', ['/usr']);
  b.spawn(2, id, 2001);
  for (const c of chunks) b.out(c.at, id, 2001, c.bytes, c.stream);
  return b;
}

function sceneOf(b: LogBuilder, cursorUs: number, reduced = false) {
  return sceneAt(stageStateAt(b.log, cursorUs), cursorUs, BOX, 'en', reduced);
}

describe('what is in the air', () => {
  it('nothing, once the run is over: the last crate does not hang over the final picture', () => {
    const b = spawnWith([{ at: 10, bytes: 4096 }]);
    expect(sceneOf(b, ms(10) + CRATE_US / 2).flights.items).toHaveLength(1);
    b.bossExit(10 + CRATE_US / 4 / 1_000, 0);
    expect(sceneOf(b, ms(10) + CRATE_US / 8).flights.items).toHaveLength(1);
    expect(sceneOf(b, ms(10) + CRATE_US / 2).flights.items).toHaveLength(0);
  });

  it('a crate leaves the worker when the chunk arrives and reaches the boss one flight later', () => {
    const b = spawnWith([{ at: 10, bytes: 4096 }]);
    const start = sceneOf(b, ms(10)).flights.items;
    const mid = sceneOf(b, ms(10) + CRATE_US / 2).flights.items;
    expect(start).toHaveLength(1);
    expect(start[0]).toMatchObject({ kind: 'crate', stream: 'stdout', label: '4,096 B' });
    expect(mid[0].at.x).toBeLessThan(start[0].at.x);
    expect(sceneOf(b, ms(10) + CRATE_US).flights.items).toHaveLength(0);
    const inbox = sceneOf(b, ms(10)).layout.boss.inbox;
    const end = sceneOf(b, ms(10) + CRATE_US - 1).flights.items[0].at;
    expect(Math.hypot(end.x - inbox.x, end.y - inbox.y)).toBeLessThan(2);
  });

  it('sizes crates by log2 of their bytes and marks stderr', () => {
    const b = spawnWith([{ at: 10, bytes: 16 }, { at: 10.1, bytes: 8192, stream: 'stderr' }]);
    const [big, small] = sceneOf(b, ms(11)).flights.items;
    expect(big).toMatchObject({ stream: 'stderr' });
    expect(small).toMatchObject({ stream: 'stdout' });
    if (big.kind !== 'crate' || small.kind !== 'crate') throw new Error('crates expected');
    expect(big.side).toBeGreaterThan(small.side);
  });

  it('turns a flood into one stream with a running total, not thousands of crates', () => {
    const chunks = Array.from({ length: 2000 }, (_, i) => ({ at: 10 + i * 0.05, bytes: 4096 }));
    const f = sceneOf(spawnWith(chunks), ms(110)).flights;
    expect(f.items).toHaveLength(0);
    expect(f.streams).toHaveLength(1);
    expect(f.streams[0].label).toBe('▪ 7.8 MiB ×2,000');
  });

  it('with reduced motion, a crate fades at its destination instead of flying', () => {
    const b = spawnWith([{ at: 10, bytes: 100 }]);
    const a = sceneOf(b, ms(10) + CRATE_US * 0.2, true).flights.items[0];
    const c = sceneOf(b, ms(10) + CRATE_US * 0.8, true).flights.items[0];
    expect(a.at).toEqual(c.at);
    expect(c.opacity).toBeLessThan(a.opacity);
  });

  it(`never draws more than ${MAX_FLYING} crates and envelopes at once`, () => {
    const b = new LogBuilder();
    for (let i = 0; i < 80; i++) {
      const id = b.call(1, 'spawn', 'cat');
      b.spawn(2, id, 4000 + i).out(10, id, 4000 + i, 10).out(10.2, id, 4000 + i, 10);
    }
    expect(sceneOf(b, ms(11)).flights.items.length).toBe(MAX_FLYING);
  });

  it('exec output goes into its buffer bin, and the whole of it to the boss at the callback', () => {
    const b = new LogBuilder();
    const id = b.call(1, 'exec', 'ls');
    b.spawn(2, id, 2001).out(10, id, 2001, 500).exit(20, id, 2001, 0).callback(21, id, 'exec', 500);
    const inBin = sceneOf(b, ms(10) + 1).flights.items[0];
    const placed = sceneOf(b, ms(11)).placed[0];
    expect(Math.abs(inBin.at.x - placed.anchors.hands.x)).toBeLessThan(3);
    const delivery = sceneOf(b, ms(22)).flights.items.find((it) => it.id.endsWith(':delivery'));
    expect(delivery).toMatchObject({ label: '500 B' });
  });
});
