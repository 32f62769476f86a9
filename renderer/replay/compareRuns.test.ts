/**
 * The 1-vs-N sequence against a scripted transport (the real runs are in
 * tests/e2e/compare.spec.ts): what it asks the lab for, what each store ends
 * up showing, and the notice when a run fails on its own.
 */
import { describe, expect, it } from 'vitest';
import type { EventBatch, ObraApi, RunRequest } from '../../shared/api';
import { LOG_VERSION, type LabEvent } from '../../shared/events';
import { createObraStore } from '../store/obraStore';
import { CLASSROOM_TEXT } from '../i18n/classroomText';
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

  it('says so in Spanish to a Spanish reader, and names a signal as a signal', async () => {
    const { api } = scriptedApi(() => ({ printed: '', code: 2 }));
    const { main, second } = stores(api);
    main.setState({ lang: 'es' });
    await runOneVsAll(main, second, hooks());
    expect(main.getState().notices).toMatchObject([{ code: 'ERR_OBRA_COMPARE_RUN', message: 'La ejecución 1 de 2 (all-cores 1) terminó con el código de salida 2.' }]);
    const text = CLASSROOM_TEXT.en.compareRunEnded(2, 'all-cores 4', { timeout: false, code: null, signal: 'SIGKILL' });
    expect(text).toBe('Run 2 of 2 (all-cores 4) ended by signal SIGKILL.');
  });

  it('a first run that never says its cores: ERR_OBRA_COMPARE_NO_CORES, no second run', async () => {
    const { api, requests } = scriptedApi(() => ({ printed: '1 worker(s): …\\n', code: 0 }));
    const { main, second } = stores(api);
    expect(await runOneVsAll(main, second, hooks())).toBe('failed');
    expect(requests).toHaveLength(1);
    expect(main.getState().notices.map((n) => n.code)).toEqual(['ERR_OBRA_COMPARE_NO_CORES']);
  });

  it('a machine of more cores than all-cores takes (64) runs B with 64 workers, not a run that exits 2', async () => {
    const { api, requests } = scriptedApi(() => ({ printed: 'availableParallelism() = 96\\n', code: 0 }));
    const { main, second } = stores(api);
    expect(await runOneVsAll(main, second, hooks())).toBe('done');
    expect(requests.map((r) => r.args)).toEqual([['1'], ['64']]);
  });

  it('Stop while run 1 is starting (no run yet to stop) stops run 1 once it has started; no run 2', async () => {
    // Runs that go on until stopped, or end by themselves with 0 after a while.
    const listeners = new Set<(batch: EventBatch) => void>();
    const requests: RunRequest[] = [];
    const stops: string[] = [];
    let stopped = false;
    const end = (runId: string, reason: 'stopped' | 'exit'): void =>
      listeners.forEach((l) => l({ runId, events: [{ type: 'run-end', t: 2_000, pid: 10, reason, code: reason === 'exit' ? 0 : null, signal: null }], end: true }));
    const api: ObraApi = {
      listDemos: async () => [],
      readDemo: async () => [{ path: 'index.js', text: '' }],
      subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
      stopRun: async (runId) => {
        stops.push(runId);
        setTimeout(() => end(runId, 'stopped'), 1);
      },
      startRun: async (req) => {
        requests.push(req);
        const runId = `r${requests.length}`;
        // The reader presses Stop now, as CompareView's Stop does: the store has no run to stop yet.
        stopped = true;
        void main.getState().stopRun();
        setTimeout(() => stops.length === 0 && end(runId, 'exit'), 100);
        return { runId, header: { obra: LOG_VERSION, runId, script: '/d/index.js', demoId: req.demoId, argv: req.args ?? [], cwd: '/d', node: 'v20', platform: 'linux', cpus: 3, startedAt: '' } };
      },
    };
    const { main, second } = stores(api);
    expect(await runOneVsAll(main, second, { onStep: () => {}, stopped: () => stopped })).toBe('stopped');
    expect(stops).toEqual(['r1']);
    expect(requests).toHaveLength(1);
    expect(main.getState().run?.index.runEnd?.reason).toBe('stopped');
  });

  it('Stop before run 1 starts (e.g. compare closed while the demo loads) starts no run', async () => {
    const { api, requests } = scriptedApi(() => ({ printed: 'availableParallelism() = 3\\n', code: 0 }));
    const { main, second } = stores(api);
    let stopped = false;
    const outcome = await runOneVsAll(main, second, { onStep: () => void (stopped = true), stopped: () => stopped });
    expect(outcome).toBe('stopped');
    expect(requests).toEqual([]);
  });

  it('a recording opened before is not shown as B while run 1 goes on (nor compared with it)', async () => {
    const { api } = scriptedApi((args) => ({ printed: `availableParallelism() = 3\\n${args[0]} worker(s)\\n`, code: 0 }));
    const { main, second } = stores(api);
    second.getState().beginRecording({ obra: LOG_VERSION, runId: 'file', script: '/d/other.js', argv: [], cwd: '/d', node: 'v20', platform: 'linux', cpus: 3, startedAt: '' });
    second.getState().appendRecording([], true);
    expect(second.getState().run?.runId).toBe('file');
    const shownAsB: Array<string | null> = [];
    await runOneVsAll(main, second, { onStep: (n) => void (n === 1 && shownAsB.push(second.getState().run?.runId ?? null)), stopped: () => false });
    expect(shownAsB).toEqual([null]);
    expect(second.getState().run?.header?.argv).toEqual(['1']);
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
