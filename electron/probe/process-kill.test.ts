import { describe, expect, it } from 'vitest';
import { fixture, observe, ofType } from './observe.test-helper';

describe('process.kill, observed', () => {
  it('reports each signal the program sends by pid or group, with what the call gave back, and changes nothing', async () => {
    const [bare, observed] = await Promise.all([observe(fixture('kill-boss.js'), { probe: false }), observe(fixture('kill-boss.js'))]);
    const said = ['alive?: true', 'unknown signal: threw ERR_UNKNOWN_SIGNAL', 'not a pid: threw ERR_INVALID_ARG_TYPE', 'by number: true', 'exit null SIGTERM', 'gone?: threw ESRCH', 'group: true', 'group exit null SIGTERM'];
    expect(bare.stdout.toString().trim().split('\n')).toEqual(said);
    expect(observed.stdout.toString()).toBe(bare.stdout.toString());

    const sleep = ofType(observed.records, 'spawn')[0].pid;
    const group = ofType(observed.records, 'spawn')[1].pid as number;
    const kills = ofType(observed.records, 'kill');
    // The call with a pid that is not one is not a signal sent: Node refuses it before anything.
    expect(kills.map(({ target, signal, code }) => ({ target, signal, code }))).toEqual([
      { target: sleep, signal: '0', code: null },
      { target: sleep, signal: 'SIGNOPE', code: 'ERR_UNKNOWN_SIGNAL' },
      { target: sleep, signal: 'SIGTERM', code: null },
      { target: sleep, signal: '0', code: 'ESRCH' },
      { target: -group, signal: 'SIGTERM', code: null },
    ]);
    for (const k of kills) {
      expect(k.pid).toBe(observed.pid);
      expect(k.source).toMatchObject({ file: fixture('kill-boss.js') });
    }
    // Stamped before the signal went: before the exit it caused.
    const exit = ofType(observed.records, 'exit').find((e) => e.pid === sleep);
    expect(kills[2].t).toBeLessThan(exit?.t as number);
  });

  it('a signal that ends the sender itself is reported before it dies', async () => {
    const observed = await observe(fixture('signal-boss.js'));
    expect([observed.code, observed.signal]).toEqual([null, 'SIGTERM']);
    expect(ofType(observed.records, 'kill')).toMatchObject([{ pid: observed.pid, target: observed.pid, signal: 'SIGTERM', code: null }]);
  });

  it('process.kill keeps its name, length and place', async () => {
    const [bare, observed] = await Promise.all([observe(fixture('kill-shape.js'), { probe: false }), observe(fixture('kill-shape.js'))]);
    expect(JSON.parse(bare.stdout.toString())).toMatchObject({ name: 'kill', length: 2, enumerable: true });
    expect(observed.stdout.toString()).toBe(bare.stdout.toString());
  });
});
