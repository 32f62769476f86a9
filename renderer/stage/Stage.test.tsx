import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Stage } from './Stage';
import { StageSvg } from './StageSvg';
import { stageStateAt } from './model';
import { BOSS, LogBuilder, ms } from '../../tests/fixtures/log-builder';

function threeWorkers(): LogBuilder {
  const b = new LogBuilder();
  const ex = b.call(1, 'exec', 'ls -l');
  b.spawn(2, ex, 2001).out(3, ex, 2001, 300).exit(4, ex, 2001, 0).exit(4, ex, 2001, 0, null, 'close');
  const ef = b.call(5, 'execFile', './noexec.sh');
  b.error(6, ef, null, 'EACCES').exit(6, ef, null, -13, null, 'close');
  const sp = b.call(7, 'spawn', 'find', ['/usr']);
  b.spawn(8, sp, 2003).sample(9, 2003, { cpu: 97 });
  return b;
}

describe('<Stage>', () => {
  it('sums the site up for assistive technology and gives each worker a button with its pid', () => {
    const b = threeWorkers();
    const html = renderToStaticMarkup(<Stage log={b.log} version={1} cursor={ms(10)} lang="en" selectedPid={2003} />);
    expect(html).toContain('aria-label="Boss 1000 and 3 workers, 1 running"');
    expect(html).toMatch(/role="button"[^>]*aria-label="worker 2001, exec, ls -l, exit code 0/);
    expect(html).toMatch(/role="button"[^>]*aria-label="worker —, execFile, \.\/noexec\.sh, did not start, error EACCES/);
    expect(html).toMatch(/aria-label="worker 2003, spawn, find \/usr, working[^"]*" aria-pressed="true" data-pid="2003" data-kind="spawn"/);
  });

  it('speaks Spanish when asked', () => {
    const html = renderToStaticMarkup(<Stage log={threeWorkers().log} version={1} cursor={ms(10)} lang="es" />);
    expect(html).toContain('aria-label="Jefe de obra 1000 y 3 obreros, 1 activo"');
    expect(html).toContain('>jefe 1000</text>');
  });

  it('draws the stage at the cursor, not at the end of the log', () => {
    const html = renderToStaticMarkup(<Stage log={threeWorkers().log} version={1} cursor={ms(1.5)} lang="en" />);
    expect(html).toContain('aria-label="Boss 1000 and 1 worker, 0 running"');
    expect(html).not.toContain('data-pid="2003"');
  });

  it('keeps every label at 14 px or more at unit 1', () => {
    const state = stageStateAt(threeWorkers().log, ms(10));
    const html = renderToStaticMarkup(<StageSvg state={state} cursor={ms(10)} box={{ width: 956, height: 340, unit: 1 }} lang="en" reduced={false} selectedPid={null} />);
    // Every text but the decorative prompt on the shell's chest (drawn in the figure's own units).
    const sizes = [...html.matchAll(/<text[^>]*font-size="([\d.]+)"[^>]*>([^<]*)/g)].filter((m) => m[2] !== '&gt;_').map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(8);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
  });

  it('shows "+N more" when more workers run than fit', () => {
    const b = new LogBuilder();
    for (let i = 0; i < 120; i++) b.spawn(2, b.call(1, 'spawn', 'sleep', ['9']), 3000 + i);
    const state = stageStateAt(b.log, ms(3));
    const html = renderToStaticMarkup(<StageSvg state={state} cursor={ms(3)} box={{ width: 900, height: 360, unit: 1 }} lang="en" reduced={false} selectedPid={null} />);
    const shown = (html.match(/data-kind="spawn"/g) ?? []).length;
    expect(shown).toBeGreaterThan(20);
    expect(html).toContain(`data-more="${120 - shown}"`);
    expect(html).toContain(`+${120 - shown} more`);
  });

  it('greys the boss and shows a clock while its event loop is blocked', () => {
    const b = new LogBuilder();
    b.sample(50, BOSS, { elu: 0.01 });
    const state = stageStateAt(b.log, ms(400));
    const html = renderToStaticMarkup(<StageSvg state={state} cursor={ms(400)} box={{ width: 956, height: 340, unit: 1 }} lang="en" reduced={false} selectedPid={null} />);
    expect(html).toContain('data-frozen="silent"');
    expect(html).toContain('filter="url(#obra-frozen)"');
    expect(html).toContain('<title>blocked</title>');
  });
});
