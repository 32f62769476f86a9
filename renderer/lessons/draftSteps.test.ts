import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import type { NarrationStep } from '../../shared/narration';
import { insertStep, positionFor, removeStep } from './draftSteps';

const text = { es: 'x', en: 'x' };
const log = [
  { type: 'run-start', t: 0, pid: 1, runId: 'r', script: 's', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 1, sampleIntervalMs: 50 },
  { type: 'call', t: 10, pid: 1, api: 'fork', childId: '1:1', command: 'node', args: [], options: {} },
  { type: 'exit', t: 50, pid: 2, childId: '1:1', code: 0, signal: null },
] as unknown as LabEvent[];
const steps: NarrationStep[] = [
  { on: { type: 'call' }, text },
  { on: { type: 'exit', child: 1 }, after: 1, text },
  { on: { type: 'stderr' }, text },
];

describe('author mode’s steps', () => {
  it('a new step goes where its event falls in the run: before the first step told later, or never', () => {
    expect(positionFor(steps, log, 5)).toBe(0);
    expect(positionFor(steps, log, 30)).toBe(1);
    expect(positionFor(steps, log, 60)).toBe(2);
    expect(positionFor([], log, 30)).toBe(0);
  });

  it('inserting renumbers the after and child that point past it', () => {
    const added = insertStep(steps, { on: { type: 'spawn' }, text }, 1);
    expect(added.map((s) => s.on.type)).toEqual(['call', 'spawn', 'exit', 'stderr']);
    expect(added[2]).toMatchObject({ after: 1, on: { child: 1 } });
    const first = insertStep(steps, { on: { type: 'run-start' }, text }, 0);
    expect(first[2]).toMatchObject({ after: 2, on: { child: 2 } });
  });

  it('removing renumbers, and refuses a step another one points at', () => {
    expect(removeStep(steps, 0)).toEqual({ steps, referencedBy: 2 });
    const { steps: left, referencedBy } = removeStep(insertStep(steps, { on: { type: 'spawn' }, text }, 0), 0);
    expect(referencedBy).toBeNull();
    expect(left).toEqual(steps);
  });
});
