import { describe, expect, it } from 'vitest';
import type { LabEvent } from './events';
import { currentLine, fill, formatValue, localizeNumbersIn, narrate, type NarrationStep } from './narration';

// A small log in the shape the lab writes: a boss (100) spawning a worker (200).
const log: LabEvent[] = [
  { type: 'run-start', t: 0, pid: 100, runId: 'r', script: '/d/index.js', argv: [], cwd: '/d', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { type: 'call', t: 1000, pid: 100, api: 'spawn', childId: '100:1', command: 'node', args: ['generator.js', '3145728'], options: {}, source: { file: '/d/index.js', line: 12, column: 3 } },
  { type: 'spawn', t: 1500, pid: 200, childId: '100:1', ppid: 100 },
  { type: 'stdout', t: 2000, pid: 200, childId: '100:1', bytes: 4096, preview: 'ladrillo 1' },
  { type: 'stdout', t: 3000, pid: 200, childId: '100:1', bytes: 65536, preview: 'ladrillo 2', count: 3 },
  { type: 'stdout', t: 3500, pid: 100, childId: 'boss', bytes: 40, preview: 'chunk 1: 4096 bytes\\nclose 0: 69632 of 69632 bytes' },
  { type: 'exit', t: 4000, pid: 200, childId: '100:1', code: 0, signal: null },
  { type: 'sample', t: 5000, pid: 100, elu: 0.975, interval: 1_502_000 },
];

const step = (on: NarrationStep['on'], es: string, en: string, extra: Partial<NarrationStep> = {}): NarrationStep => ({ on, text: { es, en }, ...extra });

describe('narrate', () => {
  it("tells a callback by its label and a timer's lateness (late = start − due), which a step can also compare", () => {
    const tasks: LabEvent[] = [
      ...log,
      { type: 'task', t: 90_000, pid: 100, kind: 'timer', dur: 200, due: 80_000, label: 'setTimeout 400 ms' },
      { type: 'task', t: 1_506_000, pid: 100, kind: 'timer', dur: 350, due: 100_000, label: 'setTimeout 100 ms' },
    ];
    const late = step(
      { type: 'task', proc: 'boss', text: '^setTimeout (?<ms>\\d+) ms$', where: { kind: 'timer', late: { gte: 500_000 } } },
      'El de {ms} ms corrió {late|ms} ms tarde, en {dur|ms} ms.',
      'The {ms} ms one ran {late|ms} ms late, in {dur|ms} ms.',
    );
    expect(narrate([late], tasks, Infinity, 'en')[0].text).toBe('The 100 ms one ran 1,406 ms late, in 0.35 ms.');
    expect(narrate([late], tasks, Infinity, 'es')[0].text).toBe('El de 100 ms corrió 1.406 ms tarde, en 0,35 ms.');
    expect(narrate([late], tasks, 1_000_000, 'en')[0].reached).toBe(false);
  });

  it('fills the numbers of the matched event in the reader locale', () => {
    const steps = [step({ type: 'stdout', proc: 'child' }, 'llega la primera cuota: {bytes} bytes', 'the first chunk arrives: {bytes} bytes')];
    expect(narrate(steps, log, Infinity, 'es')[0].text).toBe('llega la primera cuota: 4.096 bytes');
    expect(narrate(steps, log, Infinity, 'en')[0].text).toBe('the first chunk arrives: 4,096 bytes');
  });

  it('a following step lists what every match so far said, not only the last', () => {
    const steps = [step({ type: 'stdout', proc: 'child', text: 'ladrillo (?<n>\\d+)' }, 'ladrillos {each.n|list}', 'bricks {each.n|list}', { nth: 'last' })];
    expect(narrate(steps, log, 2500, 'en')[0].text).toBe('bricks 1');
    expect(narrate(steps, log, Infinity, 'en')[0].text).toBe('bricks 1 · 2');
  });

  it("a following step lists a field of every match (pids as they are, not as numbers)", () => {
    const kills: LabEvent[] = [
      ...log,
      { type: 'kill', t: 6000, pid: 100, target: 12345, signal: 'SIGTERM', code: null, source: null },
      { type: 'kill', t: 6001, pid: 100, target: 12346, signal: 'SIGTERM', code: null, source: null },
    ];
    const steps = [step({ type: 'kill', proc: 'boss' }, 'process.kill a {each.target|list}: {target}', 'process.kill to {each.target|list}: {target}', { nth: 'last' })];
    expect(narrate(steps, kills, Infinity, 'es')[0].text).toBe('process.kill a 12345 · 12346: 12346');
  });

  it('reaches a step only once the cursor passes its event, showing … before', () => {
    const steps = [step({ type: 'exit' }, 'exit {code}', 'exit {code}')];
    expect(narrate(steps, log, 3999, 'en')[0]).toEqual({ n: 1, text: 'exit …', t: null, reached: false });
    expect(narrate(steps, log, 4000, 'en')[0]).toEqual({ n: 1, text: 'exit 0', t: 4000, reached: true });
  });

  it('takes the nth match, follows the newest with nth "last", and tallies bytes and chunks', () => {
    const steps = [
      step({ type: 'stdout', proc: 'child' }, '{bytes}', '{bytes}', { nth: 2 }),
      step({ type: 'stdout', proc: 'child' }, 'cuota {count}: van {tally.bytes} bytes en {tally.count}', 'chunk {count}: {tally.bytes} bytes in {tally.count}', {
        nth: 'last',
        tally: { type: 'stdout', proc: 'child' },
      }),
    ];
    const lines = narrate(steps, log, Infinity, 'es');
    expect(lines[0].text).toBe('65.536');
    expect(lines[1].text).toBe('cuota 2: van 69.632 bytes en 4');
    expect(narrate(steps, log, 2500, 'en')[1].text).toBe('chunk 1: 4,096 bytes in 1');
  });

  it('matches the api of the call behind a childId, and "after" orders steps', () => {
    const steps = [
      step({ type: 'exit', api: 'exec' }, 'exec', 'exec'),
      step({ type: 'exit', api: 'spawn' }, 'spawn exit', 'spawn exit'),
      step({ type: 'stdout' }, 'after exit', 'after exit', { after: 2 }),
    ];
    const lines = narrate(steps, log, Infinity, 'en');
    expect(lines.map((l) => l.reached)).toEqual([false, true, false]);
  });

  it('reads named groups from any line of an escaped preview and localizes their numbers', () => {
    const steps = [step({ type: 'stdout', proc: 'boss', text: '^close \\d+: (?<got>\\d+) of (?<want>\\d+)' }, '{got} de {want}', '{got} of {want}')];
    expect(narrate(steps, log, Infinity, 'es')[0].text).toBe('69.632 de 69.632');
  });

  it('compares fields and converts units: a blocked loop', () => {
    const steps = [
      step({ type: 'sample', proc: 'boss', where: { interval: { gte: 500_000 }, elu: { gte: 0.9 } } }, '{interval|ms} ms al {elu|%} %', '{interval|ms} ms at {elu|%}%'),
      step({ type: 'stdout', where: { bytes: [1, 2, 3] } }, 'never', 'never'),
      step({ type: 'call', where: { 'source.line': 12, options: { exists: true } } }, 'line {source.line} at {t|s} s, pid {pid}', 'line {source.line}'),
    ];
    const lines = narrate(steps, log, Infinity, 'es');
    expect(lines[0].text).toBe('1.502 ms al 98 %');
    expect(lines[1].reached).toBe(false);
    expect(lines[2].text).toBe('line 12 at 0,00 s, pid 100');
  });

  it('follows one child: chunks of the same childId as an earlier step', () => {
    const withOther: LabEvent[] = [...log, { type: 'stdout', t: 4500, pid: 300, childId: '100:2', bytes: 7, preview: 'other' }];
    const steps = [
      step({ type: 'call' }, '{command|base} {args.1|n}', '{command|base} {args.1|n}'),
      step({ type: 'stdout', child: 1 }, '{tally.bytes}', '{tally.bytes}', { nth: 'last', tally: { type: 'stdout', child: 1 } }),
      step({ type: 'stdout', proc: 'boss' }, '{preview|line}', '{preview|line}'),
    ];
    expect(narrate(steps, withOther, Infinity, 'es').map((l) => l.text)).toEqual(['node 3.145.728', '69.632', 'chunk 1: 4096 bytes']);
  });

  it('measures time since another step and skips steps for other platforms', () => {
    const steps = [
      step({ type: 'call' }, 'call', 'call'),
      step({ type: 'exit' }, 'win', 'win', { platform: 'win32' }),
      step({ type: 'exit' }, '{since.1|ms} ms later', '{since.1|ms} ms later', { platform: '!win32' }),
    ];
    const lines = narrate(steps, log, Infinity, 'en');
    expect(lines.map((l) => [l.n, l.text])).toEqual([
      [1, 'call'],
      [2, '3 ms later'],
    ]);
  });

  it('names the current line: the latest reached', () => {
    const steps = [step({ type: 'exit' }, 'a', 'a'), step({ type: 'call' }, 'b', 'b'), step({ type: 'error' }, 'c', 'c')];
    expect(currentLine(narrate(steps, log, Infinity, 'en'))?.text).toBe('a');
    expect(currentLine(narrate(steps, log, 0, 'en'))).toBeNull();
  });
});

describe('numbers for a class', () => {
  it('groups thousands in Spanish too, and keeps captured decimals', () => {
    expect(formatValue(1048576, 'es')).toBe('1.048.576');
    expect(formatValue(1048576, 'en')).toBe('1,048,576');
    expect(formatValue(2.5, 'es')).toBe('2,5');
    expect(localizeNumbersIn('1302.1 1003.8 704.0', 'es')).toBe('1.302,1 1.003,8 704,0');
    expect(fill('{a|raw}', () => 'x', 'en')).toBe('x');
    // Previews escape CR and LF; a Windows program's line ends in both.
    expect(fill('«{p|line}»', () => 'hola \\r\\nchau\\r\\n', 'es')).toBe('«hola »');
    expect(fill('«{p|line}»', () => 'hola\\nchau', 'es')).toBe('«hola»');
    expect(narrate([step({ type: 'stdout', proc: 'boss', text: '^chunk (?<s>.*): ' }, '{s|list}', '{s|list}')], log, Infinity, 'es')[0].text).toBe('1');
  });
});
