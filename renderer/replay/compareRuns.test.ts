/**
 * The 1-vs-N sequence against a scripted transport (the real runs are in
 * tests/e2e/compare.spec.ts): what it asks the lab for, what each store ends
 * up showing, and the notice when a run fails on its own.
 */
import { describe, expect, it } from 'vitest';
import type { EventBatch, ObraApi, RunRequest } from '../../shared/api';
import { LOG_VERSION, type LabEvent } from '../../shared/events';
import { createObraStore } from '../store/obraStore';
import { runOneVsAll } from './compareRuns';

const READ_ONLY: ObraApi = { listDemos: async () => [], readDemo: async () => [], startRun: () => Promise.reject(new Error('no')), stopRun: async () => {}, subscribe: () => () => {} };

/** A transport whose runs print what `script(args)` says and exit with its code, one batch after startRun answers. */
function scriptedApi(script: (args: string[]) => { printed: string; code: number }) {
  const listeners = new Set<(batch: EventBatch) => void>();
  const requests: RunRequest[] = [];
  const api: ObraApi = {
    listDemos: async () => [],
    readDemo: async () => [{ path: 'index.js', text: '' }],
    stopRun: async () => {},
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    startRun: async (req) => {
      requests.push(req);
      const runId = `r${requests.length}`;
      const args = req.args ?? [];
      const { printed, code } = script(args);
      const events: LabEvent[] = [
        { type: 'run-start', t: 0, pid: 10, runId, script: '/d/index.js', demoId: req.demoId, argv: args, cwd: '/d', node: 'v20', platform: 'linux', cpus: 3, sampleIntervalMs: 50 },
        { type: 'stdout', t: 100, pid: 10, childId: 'boss', bytes: printed.length, preview: printed },
        { type: 'run-end', t: 1_000 * requests.length, pid: 10, reason: 'exit', code, signal: null },
      ];
      setTimeout(() => listeners.forEach((l) => l({ runId, events, end: true })), 5);
      return { runId, header: { obra: LOG_VERSION, runId, script: '/d/index.js', demoId: req.demoId, argv: args, cwd: '/d', node: 'v20', platform: 'linux', cpus: 3, startedAt: '' } };
    },
  };
  return { api, requests };
}

function stores(api: ObraApi) {
  return { main: createObraStore(api).store, second: createObraStore(READ_ONLY).store };
}

const hooks = (steps: number[] = []) => ({ onStep: (n: 1 | 2) => void steps.push(n), stopped: () => false });

describe('all-cores: 1 worker vs N', () => {
  it("runs `1`, then the cores the first run printed; A (1 worker) in the compare store, B in the main store", async () => {
    const { api, requests } = scriptedApi((args) => ({ printed: `availableParallelism() = 3\\n${args[0]} worker(s): …\\n`, code: 0 }));
    const { main, second } = stores(api);
    const steps: number[] = [];
    expect(await runOneVsAll(main, second, hooks(steps))).toBe('done');
    expect(requests).toEqual([{ demoId: 'all-cores', args: ['1'] }, { demoId: 'all-cores', args: ['3'] }]);
    expect(steps).toEqual([1, 2]);
    expect(second.getState().run?.header?.argv).toEqual(['1']);
    expect(main.getState().run?.header?.argv).toEqual(['3']);
  });

  it('a first run that exits 2 stops the sequence with an ERR_OBRA_COMPARE_RUN notice; no second run', async () => {
    const { api, requests } = scriptedApi(() => ({ printed: '', code: 2 }));
    const { main, second } = stores(api);
    expect(await runOneVsAll(main, second, hooks())).toBe('failed');
    expect(requests).toHaveLength(1);
    expect(main.getState().notices).toMatchObject([{ code: 'ERR_OBRA_COMPARE_RUN', message: 'Run 1 of 2 (all-cores 1) ended with exit code 2.' }]);
    expect(second.getState().run).toBeNull();
  });

  it('a first run that never says its cores: ERR_OBRA_COMPARE_NO_CORES, no second run', async () => {
    const { api, requests } = scriptedApi(() => ({ printed: '1 worker(s): …\\n', code: 0 }));
    const { main, second } = stores(api);
    expect(await runOneVsAll(main, second, hooks())).toBe('failed');
    expect(requests).toHaveLength(1);
    expect(main.getState().notices.map((n) => n.code)).toEqual(['ERR_OBRA_COMPARE_NO_CORES']);
  });

  it('refuses with ERR_OBRA_BUSY while a run is going', async () => {
    const { api, requests } = scriptedApi(() => ({ printed: '', code: 0 }));
    const { main, second } = stores(api);
    main.setState({ status: 'running' });
    expect(await runOneVsAll(main, second, hooks())).toBe('failed');
    expect(requests).toEqual([]);
    expect(main.getState().notices.map((n) => n.code)).toEqual(['ERR_OBRA_BUSY']);
  });
});
