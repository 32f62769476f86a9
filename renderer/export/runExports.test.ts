import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRunLog } from '../../tests/fixtures/demo-run-log';
import { Lab } from '../../electron/lab/index';
import type { DemoInfo } from '../../shared/api';
import { RunLog } from '../model/runLog';
import { fitWindow } from '../model/viewport';
import type { ObraState } from '../store/obraState';
import { fileStem } from './download';
import { exportSubjectOf } from './exportSubject';
import { nestSvg } from './pictureSvg';
import { narrationInstants, runTrace } from './traceExport';

describe('exports of a real exec demo run', () => {
  let lab: Lab;
  let run: RunLog;
  let demos: DemoInfo[];
  beforeAll(async () => {
    lab = new Lab();
    demos = await lab.listDemos();
    run = await demoRunLog(lab, 'exec');
  }, 60_000);
  afterAll(() => lab.shutdown());

  const state = (over: Partial<ObraState> = {}): ObraState =>
    ({ run, demos, lang: 'es', timeWindow: fitWindow(run.index.lastT), cursor: run.index.lastT, followLive: true, ...over }) as ObraState;

  it('are named after the demo and titled with its catalogue title, in the reader’s language', () => {
    const subject = exportSubjectOf(state())!;
    expect(subject.stem).toBe('exec');
    expect(subject.title).toBe(demos.find((d) => d.id === 'exec')!.title.es);
    expect(subject.cursor).toBeNull();
    expect(exportSubjectOf(state({ followLive: false, cursor: 1234 }))!.cursor).toBe(1234);
    expect(exportSubjectOf(state({ run: null }))).toBeNull();
  });

  it('nest a document whose root sets an attribute twice with each attribute once', () => {
    expect(nestSvg('<?xml version="1.0"?>\n<svg width="10" height="5" viewBox="0 0 10 5" width="100%" height="100%"><g/></svg>', 7)).toBe(
      '<svg x="0" y="7" width="10" height="5" viewBox="0 0 10 5"><g/></svg>',
    );
  });

  it('put the narration steps the run reached in the trace, as global instants at their events', async () => {
    const lesson = { ...(await lab.lesson('exec')), demoId: 'exec' };
    const steps = narrationInstants(lesson, run.events, 'en');
    expect(steps.length).toBeGreaterThan(2);
    expect(steps[0].text).toMatch(/^1\. /);
    const trace = runTrace(lesson, run.events, 'en');
    const instants = trace.traceEvents.filter((e) => e.cat === 'narration');
    expect(instants.map((e) => e.ts)).toEqual(steps.map((s) => s.t));
    for (const e of instants) expect(e).toMatchObject({ ph: 'i', s: 'g' });
    // A script that is not a demo has no narration.
    expect(narrationInstants(null, run.events, 'en')).toEqual([]);
  });
});

describe('file names', () => {
  it('come from a demo id or a script’s name, without its path, extension or odd characters', () => {
    expect(fileStem('fork')).toBe('fork');
    expect(fileStem('/home/ana/mis scripts/árbol de procesos.mjs')).toBe('árbol-de-procesos');
    expect(fileStem('C:\\work\\x.js')).toBe('x');
    expect(fileStem('...')).toBe('obra-run');
  });
});
