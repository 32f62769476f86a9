/** Creating the stage's state and its processes. */
import type { BossState, StageProcess, StageState, WorkerKind } from './model-types';

export const DEFAULT_MAX_BUFFER = 1024 * 1024;

export function emptyStageState(): StageState {
  const boss: BossState = {
    pid: null,
    script: '',
    startedAt: null,
    exitedAt: null,
    exitCode: null,
    exitSignal: null,
    ended: null,
    error: null,
    cpu: null,
    cpuAt: null,
    elu: null,
    eluAt: null,
    rss: null,
    stdoutBytes: 0,
    stderrBytes: 0,
    receivedStdout: 0,
    receivedStderr: 0,
  };
  return { boss, processes: new Map(), byPid: new Map(), applied: 0, lastT: 0, nextOrder: 0 };
}

export function newProcess(state: StageState, key: string, t: number, kind: WorkerKind): StageProcess {
  const p: StageProcess = {
    key,
    pid: null,
    parentPid: null,
    kind,
    api: null,
    command: '',
    args: [],
    viaShell: false,
    buffered: false,
    maxBuffer: DEFAULT_MAX_BUFFER,
    bornAt: t,
    order: state.nextOrder++,
    spawnedAt: null,
    exitedAt: null,
    closedAt: null,
    goneAt: null,
    exitCode: null,
    exitSignal: null,
    error: null,
    callbackAt: null,
    osCommand: null,
    stdout: { bytes: 0, chunks: 0 },
    stderr: { bytes: 0, chunks: 0 },
    toParent: { sent: 0, received: 0 },
    fromParent: { sent: 0, received: 0 },
    cpu: null,
    cpuAt: null,
    elu: null,
    eluAt: null,
    rss: null,
    output: [],
    messages: [],
    delivery: null,
  };
  state.processes.set(key, p);
  return p;
}

