import { describe, expect, it } from 'vitest';
import type { EventBatch, ObraApi, RunInfo, RunRequest } from '../../shared/api';
import { LOG_VERSION, type LogHeader } from '../../shared/events';
import { droppedCountOf } from '../../shared/dropped-batches';
import { createObraStore } from './obraStore';

/** A transport whose startRun answers only when the test says: the lab's batches can overtake the reply. */
function slowReplyApi() {
  const listeners = new Set<(batch: EventBatch) => void>();
  let answer: (info: RunInfo) => void = () => {};
  const api: ObraApi = {
    listDemos: async () => [],
    readDemo: async () => [],
    startRun: () => new Promise<RunInfo>((resolve) => (answer = resolve)),
    stopRun: async () => {},
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const deliver = (batch: EventBatch): void => listeners.forEach((l) => l(batch));
  const reply = (runId: string): void =>
    answer({ runId, header: { obra: LOG_VERSION, runId, script: '/x/index.js', argv: [], cwd: '/x', node: 'v20', platform: 'linux', cpus: 2, startedAt: '' } });
  return { api, deliver, reply };
}

const sample = (runId: string, t: number): EventBatch => ({ runId, events: [{ type: 'sample', t, pid: 1, elu: 0 }] });

async function runWithEarlyBatches(count: number) {
  const { api, deliver, reply } = slowReplyApi();
  const { store, dispose } = createObraStore(api);
  store.setState({ script: { kind: 'demo', demoId: 'fork' } });
  const started = store.getState().startRun();
  for (let t = 1; t <= count; t++) deliver(sample('r1', t));
  deliver(sample('other', 1));
  reply('r1');
  await started;
  dispose();
  const run = store.getState().run;
  if (!run) throw new Error('no run');
  return run;
}

describe('batches that arrive before startRun answers', () => {
  it('past 10 000 the oldest go, and the log opens with an ERR_OBRA_DROPPED error that says how many', async () => {
    const run = await runWithEarlyBatches(10_004);
    // 10 000 held, one of them for another run: 5 of r1 dropped.
    expect(run.events[0]).toMatchObject({ type: 'error', where: 'lab', code: 'ERR_OBRA_DROPPED', t: 6, pid: null });
    expect(droppedCountOf(run.events[0])).toBe(5);
    expect(run.events.slice(1).map((e) => e.t)).toEqual(Array.from({ length: 9_999 }, (_, i) => i + 6));
    expect(run.index.counters.errors).toBe(1);
  });

  it('none dropped: the log is the batches as they came, no error', async () => {
    const run = await runWithEarlyBatches(3);
    expect(run.events.map((e) => e.type)).toEqual(['sample', 'sample', 'sample']);
    expect(run.index.counters.errors).toBe(0);
  });
});

describe('startRun with arguments', () => {
  it("asks the transport for the chosen demo with the given args, and with none when none are given", async () => {
    const requests: RunRequest[] = [];
    const { api, reply } = slowReplyApi();
    const { store, dispose } = createObraStore({ ...api, startRun: (req) => (requests.push(req), api.startRun(req)) });
    store.setState({ script: { kind: 'demo', demoId: 'all-cores' } });
    const withArgs = store.getState().startRun(['4']);
    reply('r1');
    await withArgs;
    store.setState({ status: 'ended' });
    const without = store.getState().startRun();
    reply('r2');
    await without;
    dispose();
    expect(requests).toEqual([{ demoId: 'all-cores', args: ['4'] }, { demoId: 'all-cores' }]);
  });
});

describe('a recording being opened', () => {
  const header: LogHeader = { obra: LOG_VERSION, runId: 'rec', script: '/x/index.js', argv: [], cwd: '/x', node: 'v20', platform: 'linux', cpus: 2, startedAt: '' };
  const samples = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ type: 'sample' as const, t: from + i, pid: 1, elu: 0 }));

  it('shows the log as handed over, the playhead at its end, and says how far the reading got in between', () => {
    const { api } = slowReplyApi();
    const { store, dispose } = createObraStore(api);
    store.getState().beginRecording(header);
    store.getState().showLoadProgress({ events: 0, bytes: 0, size: 1000 });
    const version = store.getState().version;
    // Folded without a redraw: the views' version and playhead stay where they were.
    store.getState().appendRecording(samples(1, 50), false, false);
    expect(store.getState()).toMatchObject({ version, cursor: 0, status: 'loading' });
    store.getState().appendRecording(samples(50, 100), false);
    expect(store.getState()).toMatchObject({ version: version + 1, cursor: 99, status: 'loading' });
    store.getState().showLoadProgress({ events: 99, bytes: 400, size: 1000 });
    expect(store.getState().loadProgress).toEqual({ events: 99, bytes: 400, size: 1000 });
    store.getState().appendRecording(samples(100, 120), true);
    expect(store.getState()).toMatchObject({ cursor: 119, status: 'ended', loadProgress: null });
    expect(store.getState().run?.events.length).toBe(119);
    // Once it is open, a late word on the reading changes nothing.
    store.getState().showLoadProgress({ events: 1, bytes: 1, size: 1 });
    expect(store.getState().loadProgress).toBeNull();
    dispose();
  });
});
