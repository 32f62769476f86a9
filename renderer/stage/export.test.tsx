import { describe, expect, it } from 'vitest';
import { stageSvgText } from './export';
import { LogBuilder, ms } from '../../tests/fixtures/log-builder';
import { STAGE_PALETTES } from './art/stageTheme';

describe('stageSvgText', () => {
  it('draws the stage at a cursor as a standalone SVG of the asked size', () => {
    const b = new LogBuilder();
    const id = b.call(1, 'spawn', 'find', ['/usr']);
    b.spawn(2, id, 2001).out(3, id, 2001, 4096);
    const text = stageSvgText(b.log, ms(3), { width: 1280, height: 540, lang: 'es', unit: 1.5 });
    expect(text).toMatch(/^<\?xml[^]*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 1280 540" width="1280" height="540" /);
    // The root says its size once (twice is not XML).
    const root = text.slice(text.indexOf('<svg'), text.indexOf('>', text.indexOf('<svg')));
    expect(root.match(/ width=/g)).toHaveLength(1);
    expect(root.match(/ height=/g)).toHaveLength(1);
    expect(text).toContain('Jefe de obra 1000 y 1 obrero');
    expect(text).toContain('data-pid="2001"');
    expect(text).toContain('font-size="24"');
  });

  it('is light unless a theme is asked for: the dark one has the dark ground and light labels', () => {
    const b = new LogBuilder();
    const id = b.call(1, 'spawn', 'find', ['/usr']);
    b.spawn(2, id, 2001).out(3, id, 2001, 4096);
    const light = stageSvgText(b.log, ms(3), { width: 1280, height: 540, lang: 'en' });
    const dark = stageSvgText(b.log, ms(3), { width: 1280, height: 540, lang: 'en', theme: 'dark' });
    expect(light).toContain(`fill="${STAGE_PALETTES.light.ground}"`);
    expect(light).toContain('data-stage-theme="light"');
    expect(dark).toContain(`fill="${STAGE_PALETTES.dark.ground}"`);
    expect(dark).not.toContain(`fill="${STAGE_PALETTES.light.ground}"`);
    expect(dark).toMatch(new RegExp(`<text[^>]*fill="${STAGE_PALETTES.dark.ink}"[^>]*>2001<`));
  });
});
