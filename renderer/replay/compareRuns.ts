/**
 * "all-cores: 1 worker vs N": the demo really run twice through the main
 * store — `node index.js 1`, then `node index.js N` with N the cores that
 * first run printed (`availableParallelism() = N`, the lab's machine) — each
 * awaited to its end. The first run is copied into the compare store as A
 * while the second runs live in the main store as B.
 */
import type { RunLog } from '../model/runLog';
import { currentRecording, showRecording } from '../recording/recordingActions';
import { isBusy } from '../store/catalogueSlice';
import { localNotice } from '../store/notices';
import type { ObraStore } from '../store/obraStore';
import { CLASSROOM_TEXT, type ClassroomText } from '../i18n/classroomText';
import { reportedCores } from './compareFigures';

export const ONE_VS_ALL_DEMO = 'all-cores';

export type OneVsAllOutcome = 'done' | 'stopped' | 'failed';

/** The most workers all-cores takes (`node index.js 65` exits 2): a machine with more cores runs B with this many. */
export const MAX_WORKERS = 64;

export interface OneVsAllHooks {
  /** Run `step` of 2 is starting (2: A is in the compare store, B is live in the main store). */
  onStep(step: 1 | 2): void;
  /** True once the reader asked to stop: no further run starts. */
  stopped(): boolean;
}

/** Resolves when the store's run `run` has ended (or another run replaced it). */
function untilEnded(store: ObraStore, run: RunLog): Promise<void> {
  return new Promise((resolve) => {
    let off: (() => void) | null = null;
    const check = (): boolean => {
      const { run: shown, status } = store.getState();
      if (shown === run && isBusy(status)) return false;
      off?.();
      resolve();
      return true;
    };
    if (!check()) off = store.subscribe(() => void check());
  });
}

/**
 * Start the chosen demo with `args` and wait for its end; null if it never
 * started (the store showed why). A Stop asked for while the run was starting
 * found no run to stop (the store's stopRun needs one): it is stopped here.
 */
async function runToEnd(store: ObraStore, args: string[], hooks: OneVsAllHooks): Promise<RunLog | null> {
  const before = store.getState().run;
  await store.getState().startRun(args);
  const run = store.getState().run;
  if (!run || run === before) return null;
  if (hooks.stopped()) await store.getState().stopRun();
  await untilEnded(store, run);
  return run;
}

/** The notices in the reader's language. */
const textOf = (main: ObraStore): ClassroomText => CLASSROOM_TEXT[main.getState().lang];

/** Whether the sequence may go on after a run; a notice with the code when a run failed on its own. */
function judge(main: ObraStore, run: RunLog, step: 1 | 2, hooks: OneVsAllHooks): OneVsAllOutcome {
  const end = run.index.runEnd;
  if (hooks.stopped() || end?.reason === 'stopped') return 'stopped';
  if (!end || end.reason === 'error') return 'failed'; // the banner already shows the run's own error, with its code
  if (end.reason === 'exit' && end.code === 0) return 'done';
  const what = `${ONE_VS_ALL_DEMO} ${run.header?.argv.join(' ') ?? ''}`.trim();
  const message = textOf(main).compareRunEnded(step, what, { timeout: end.reason === 'timeout', code: end.code, signal: end.signal });
  main.getState().pushNotice(localNotice('ERR_OBRA_COMPARE_RUN', message));
  return 'failed';
}

/** Run all-cores with 1 worker then with every core; A (1 worker) ends in `second`, B (N workers) in `main`. */
export async function runOneVsAll(main: ObraStore, second: ObraStore, hooks: OneVsAllHooks): Promise<OneVsAllOutcome> {
  if (isBusy(main.getState().status)) {
    main.getState().pushNotice(localNotice('ERR_OBRA_BUSY', textOf(main).compareBusy));
    return 'failed';
  }
  await main.getState().selectDemo(ONE_VS_ALL_DEMO);
  const script = main.getState().script;
  if (script?.kind !== 'demo' || script.demoId !== ONE_VS_ALL_DEMO) return 'failed'; // selectDemo showed why
  // B is empty until run 1 is in: a recording opened before is no part of this comparison.
  second.getState().clearRun();

  hooks.onStep(1);
  if (hooks.stopped()) return 'stopped';
  const one = await runToEnd(main, ['1'], hooks);
  if (!one) return 'failed';
  const first = judge(main, one, 1, hooks);
  if (first !== 'done') return first;
  const cores = reportedCores(one.events);
  if (cores === null) {
    main.getState().pushNotice(localNotice('ERR_OBRA_COMPARE_NO_CORES', textOf(main).compareNoCores));
    return 'failed';
  }
  const recording = currentRecording(main);
  if (recording) await showRecording(second, recording);

  hooks.onStep(2);
  if (hooks.stopped()) return 'stopped';
  const all = await runToEnd(main, [String(Math.min(cores, MAX_WORKERS))], hooks);
  if (!all) return 'failed';
  return judge(main, all, 2, hooks);
}
