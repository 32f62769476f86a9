import { describe, expect, it } from 'vitest';
import type { SampleEvent } from './events';
import { FigureSources, countedFigures, isProbeSample, osSampledPids } from './sample-figures';

const os = (t: number, pid: number, cpu?: number, rss = 1000): SampleEvent => ({ type: 'sample', t, pid, rss, ...(cpu === undefined ? {} : { cpu }) });
const probe = (t: number, pid: number, cpu: number, rss?: number): SampleEvent => ({ type: 'sample', t, pid, elu: 0.5, interval: 50_000, cpu, ...(rss === undefined ? {} : { rss }) });

describe('which CPU and RSS figures count', () => {
  it('tells a probe sample (it has elu) from an OS sample', () => {
    expect(isProbeSample(probe(1, 7, 10))).toBe(true);
    expect(isProbeSample(os(1, 7, 10))).toBe(false);
  });

  it("in log order: the probe's until the OS has sampled the process, then only the OS's", () => {
    const sources = new FigureSources();
    expect(sources.figuresOf(probe(50, 7, 90, 5000))).toEqual({ cpu: 90, rss: 5000 });
    expect(sources.figuresOf(os(60, 7))).toEqual({ cpu: undefined, rss: 1000 });
    expect(sources.figuresOf(probe(100, 7, 80, 6000))).toEqual({});
    expect(sources.figuresOf(os(110, 7, 85))).toEqual({ cpu: 85, rss: 1000 });
    // Another process the OS never sampled (a Windows worker with no table): the probe's.
    expect(sources.figuresOf(probe(100, 8, 40))).toEqual({ cpu: 40, rss: undefined });
  });

  it("over a whole log: a process the OS sampled anywhere has none of its probe's figures counted", () => {
    const log = [probe(50, 7, 90, 5000), os(60, 7), probe(60, 8, 40)];
    const sampled = osSampledPids(log);
    expect([...sampled]).toEqual([7]);
    expect(countedFigures(log[0] as SampleEvent, sampled)).toEqual({});
    expect(countedFigures(log[2] as SampleEvent, sampled)).toEqual({ cpu: 40, rss: undefined });
    // A probe sample with only elu (no figures) does not make its process "OS-sampled".
    expect(osSampledPids([{ type: 'sample', t: 1, pid: 9, elu: 0.1, interval: 50_000 }]).size).toBe(0);
  });
});
