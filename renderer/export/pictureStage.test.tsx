/**
 * The stage's own drawing nested in an exported picture. A .tsx test, like
 * the stage's: renderer/stage/export.ts pulls in the stage's JSX components.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRunLog } from '../../tests/fixtures/demo-run-log';
import { Lab } from '../../electron/lab/index';
import { RunLog } from '../model/runLog';
import { fitWindow } from '../model/viewport';
import { stageSvgText } from '../stage/export';
import { pictureLayout, pictureSvgText } from './pictureSvg';
import { checkXml } from '../../tests/fixtures/xml-well-formed';

describe('a picture of a real exec demo run', () => {
  let lab: Lab;
  let run: RunLog;
  beforeAll(async () => {
    lab = new Lab();
    run = await demoRunLog(lab, 'exec');
  }, 60_000);
  afterAll(() => lab.shutdown());

  it('stacks the stage (drawn from the log at the playhead) over the timeline in one well-formed SVG document', () => {
    const layout = pictureLayout(run, fitWindow(run.index.lastT), { content: 'both', lang: 'en', title: 'exec', theme: 'light', stageAspect: 0.4 });
    expect(layout.stage).toMatchObject({ width: 1280, height: 512 });
    const stage = stageSvgText(run.events, run.index.lastT, { width: layout.stage!.width, height: layout.stage!.height, lang: 'en', unit: layout.stage!.unit });
    const svg = pictureSvgText(layout, 'exec: a command in a shell', stage);
    const check = checkXml(svg);
    expect(check.error).toBeUndefined();
    // Three documents in one: the picture, the stage, the timeline.
    expect(check.elements.get('svg')).toBe(3);
    expect(svg).toContain(`<svg x="0" y="${layout.stage!.y}"`);
    expect(svg).toContain(`<svg x="0" y="${layout.timeline!.y}"`);
    expect(layout.height).toBe(layout.timeline!.y + layout.timeline!.picture.height);
    for (const lane of run.index.lanes()) expect(svg).toContain(`>${lane.pid}<`);
  });

});
