import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES } from '../lab/report-channel';
import { PROBE, callsFrom, fixture, jsonLines, observe, ofType } from './observe.test-helper';

describe('where the probe reaches', () => {
  it('an ESM boss: named, default and namespace imports are all observed, with file paths and lines', async () => {
    const run = await observe(fixture('esm-boss.mjs'));
    expect(run.stdout.toString()).toBe('esm\n');
    const calls = callsFrom(run.records, 'esm-boss.mjs');
    expect(calls.map((c) => [c.api, c.source?.line])).toEqual([
      ['spawn', 7],
      ['execFile', 9],
      ['execSync', 10],
      ['spawnSync', 11],
    ]);
    expect(calls.every((c) => c.source?.file === fixture('esm-boss.mjs'))).toBe(true);
    expect(ofType(run.records, 'callback')).toHaveLength(1);
  });

  it('Node children started with an env of their own (spawn, execFileSync) still load the probe and report', async () => {
    const run = await observe(fixture('custom-env-boss.js'));
    const children = jsonLines(run.stdout) as { pid: number }[];
    const calls = callsFrom(run.records, 'custom-env-boss.js');
    expect(calls.map((c) => [c.api, c.options])).toEqual([
      ['execFileSync', { env: true }],
      ['spawn', { env: true, stdio: 'inherit' }],
    ]);
    const grandchildCalls = callsFrom(run.records, 'custom-env-child.js');
    expect(grandchildCalls.map((c) => c.pid)).toEqual(children.map((c) => c.pid));
    expect(grandchildCalls.every((c) => c.api === 'execFileSync' && c.command === 'true')).toBe(true);
  });

  it('calls from a worker thread are told apart from the main thread (same pid, own childIds)', async () => {
    const run = await observe(fixture('worker-boss.js'));
    expect(run.stdout.toString()).toBe('worker exit 0\n');
    const calls = ofType(run.records, 'call');
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.pid === run.pid)).toBe(true);
    expect(new Set(calls.map((c) => c.childId)).size).toBe(2);
    expect(calls.map((c) => c.source?.file)).toEqual([fixture('worker-boss.js'), '[worker eval]']);
  });

  it('loaded twice (the same path twice, and a second copy), it reports each event once', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-probe-copy-'));
    fs.cpSync(path.dirname(PROBE), copy, { recursive: true });
    try {
      const nodeOptions = `--require ${PROBE} --require ${PROBE} --require ${path.join(copy, 'index.cjs')}`;
      const run = await observe(fixture('exec-boss.js'), { nodeOptions });
      expect(callsFrom(run.records, 'exec-boss.js')).toHaveLength(2);
      expect(ofType(run.records, 'callback')).toHaveLength(2);
      expect(ofType(run.records, 'stdout')).toHaveLength(1);
    } finally {
      fs.rmSync(copy, { recursive: true });
    }
  });

  it('without OBRA_REPORT it does nothing', async () => {
    const loaded = await observe(fixture('probe-state.js'));
    expect(jsonLines(loaded.stdout)).toEqual([{ installed: true, ownEmit: true }]);
    const idle = await observe(fixture('probe-state.js'), { probe: false, env: { NODE_OPTIONS: `--require ${PROBE}` } });
    expect(jsonLines(idle.stdout)).toEqual([{ installed: false, ownEmit: false }]);
  });

  it('event-loop samples: a blocked loop shows as one long interval with utilisation near 1', async () => {
    const run = await observe(fixture('busy-loop-boss.js'));
    const samples = ofType(run.records, 'sample').filter((s) => s.pid === run.pid);
    const blocked = samples.filter((s) => (s.interval ?? 0) >= 550_000);
    expect(blocked).toHaveLength(1);
    expect(blocked[0].elu).toBeGreaterThan(0.9);
    const idle = samples.filter((s) => (s.interval ?? 0) < 100_000);
    expect(idle.length).toBeGreaterThan(3);
    expect(Math.min(...idle.map((s) => s.elu ?? 1))).toBeLessThan(0.2);
  });

  it('samples carry the CPU the process used over their interval, and its RSS when it moved', async () => {
    const run = await observe(fixture('busy-loop-boss.js'));
    const samples = ofType(run.records, 'sample').filter((s) => s.pid === run.pid);
    for (const s of samples) expect(s.cpu).toBeGreaterThanOrEqual(0);
    const [blocked] = samples.filter((s) => (s.interval ?? 0) >= 550_000);
    const idle = samples.filter((s) => (s.interval ?? 0) < 100_000).map((s) => s.cpu as number);
    // The blocked interval burnt CPU (how much of a core depends on the machine's load); idle ones barely.
    expect(blocked.cpu).toBeGreaterThan(10);
    expect(blocked.cpu).toBeGreaterThan(3 * idle.sort((a, b) => a - b)[idle.length >> 1]);
    expect(samples[0].rss).toBeGreaterThan(10 * 1024 * 1024);
    const rss = samples.filter((s) => s.rss !== undefined);
    expect(rss.length).toBeLessThan(samples.length);
  });

  it('a record too long for one atomic write is shortened to fit, and marked', async () => {
    const run = await observe(fixture('huge-call-boss.js'));
    expect(run.stdout.toString()).toBe('ok\n');
    expect(run.badLines).toEqual([]);
    for (const r of run.records) expect(Buffer.byteLength(JSON.stringify(r)) + 1).toBeLessThanOrEqual(MAX_RECORD_BYTES);
    const [call] = callsFrom(run.records, 'huge-call-boss.js');
    expect(call.args[0]).toBe('argument-0');
    expect(call.args[call.args.length - 1]).toMatch(/^… \d+ more$/);
    expect(ofType(run.records, 'exit')[0]).toMatchObject({ childId: call.childId, code: 0 });
  });
});
