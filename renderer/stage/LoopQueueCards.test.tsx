import { describe, expect, it } from 'vitest';
import { stageSvgText } from './export';
import { BOSS, LogBuilder, ms } from '../../tests/fixtures/log-builder';

const blockedBoss = (): LogBuilder => new LogBuilder().blockedLoop();

describe("the boss's queue of callbacks on the stage", () => {
  it('in the middle of the block: the sum running on top, the 100 ms timer waiting, each card named and timed, in both languages', () => {
    const en = stageSvgText(blockedBoss().log, ms(1000), { width: 1280, height: 540, lang: 'en' });
    expect(en).toContain(`data-loop-queue="boss ${BOSS}" data-running="1" data-waiting="1"`);
    expect(en).toMatch(/aria-label="setTimeout 500 ms, running · 500[.,]0 ms" data-card-state="running" data-card-kind="timer"/);
    expect(en).toMatch(/aria-label="setTimeout 100 ms, waiting · 400[.,]0 ms" data-card-state="waiting"/);
    const es = stageSvgText(blockedBoss().log, ms(1000), { width: 1280, height: 540, lang: 'es' });
    expect(es).toContain(`pila de tareas del jefe ${BOSS}`);
    expect(es).toMatch(/setTimeout 100 ms, esperando · 400,0 ms/);
  });

  it('drained once the loop is free; absent for a run without callbacks', () => {
    const after = stageSvgText(blockedBoss().log, ms(2050), { width: 1280, height: 540, lang: 'en' });
    expect(after).toContain('data-running="0" data-waiting="0"');
    const none = new LogBuilder();
    expect(stageSvgText(none.log, ms(10), { width: 1280, height: 540, lang: 'en' })).not.toContain('data-loop-queue');
  });
});
