import { afterEach, describe, expect, it } from 'vitest';
import { MAX_NATIVE_FILE_BYTES, type ObraApi, type OpenedFile, type SaveFileRequest } from '../../shared/api';
import type { LabEvent, LogHeader } from '../../shared/events';
import { errorFromShape } from '../../shared/validate';
import { saveFileAs } from '../export/download';
import { onFailure } from '../notices/failures';
import { createObraStore } from '../store/obraStore';
import { pickFile, RECORDING_ACCEPT } from './pickFile';
import { saveRecording, saveRecordingFile } from './recordingActions';
import { readRecording } from '../../shared/recording';

const header: LogHeader = { obra: 1, runId: 'r1', script: '/demos/fork/index.js', demoId: 'fork', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 2, startedAt: '2026-11-26T15:00:00.123Z' };
const events: LabEvent[] = [
  { t: 0, type: 'run-start', pid: 10, runId: 'r1', script: '/demos/fork/index.js', demoId: 'fork', argv: [], cwd: '/', node: 'v20', platform: 'linux', cpus: 2, sampleIntervalMs: 50 },
  { t: 40, type: 'exit', pid: 11, childId: '10:1', code: 0, signal: null },
];

/** The shell's side of the API as Electron's preload gives it: saveFile and openRecording answering like the native dialogs would. */
function nativeShell(answers: { save?: () => Promise<string | null>; open?: () => Promise<OpenedFile | null> } = {}) {
  const saved: SaveFileRequest[] = [];
  const api: ObraApi = {
    listDemos: async () => [],
    readDemo: async () => [],
    startRun: () => Promise.reject(new Error('no process starts here')),
    stopRun: async () => {},
    subscribe: () => () => {},
    saveFile: async (file) => (saved.push(file), (answers.save ?? (async () => `/home/ana/${file.suggestedName}`))()),
    openRecording: answers.open ?? (async () => null),
  };
  return { api, saved };
}

const downloads: string[] = [];
const download = (_blob: Blob, name: string): void => void downloads.push(name);
afterEach(() => void downloads.splice(0));

describe('saving: the native dialog when the shell has one, else a download', () => {
  it('sends the bytes to the native dialog with the kind the name says, and downloads nothing', async () => {
    const { api, saved } = nativeShell();
    const path = await saveFileAs(new Blob(['<svg/>']), 'fork-timeline.svg', { api, download });
    expect(path).toBe('/home/ana/fork-timeline.svg');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ suggestedName: 'fork-timeline.svg', kind: 'svg' });
    expect(new TextDecoder().decode(saved[0].data as Uint8Array)).toBe('<svg/>');
    expect(downloads).toEqual([]);
  });

  it('in a browser (no saveFile) it downloads; a file bigger than one IPC message carries is downloaded in Electron too', async () => {
    expect(await saveFileAs(new Blob(['{}']), 'fork.trace.json', { api: {}, download })).toBe('fork.trace.json');
    const { api, saved } = nativeShell();
    const huge = { size: MAX_NATIVE_FILE_BYTES + 1 } as Blob;
    expect(await saveFileAs(huge, 'clip.webm', { api, download })).toBe('clip.webm');
    expect(saved).toEqual([]);
    expect(downloads).toEqual(['fork.trace.json', 'clip.webm']);
  });

  it('Save recording hands the whole recording to the native dialog; cancelling resolves null', async () => {
    const { api, saved } = nativeShell({ save: async () => null });
    const { store } = createObraStore(api);
    store.getState().beginRecording(header);
    store.getState().appendRecording(events, true);
    const saving = saveRecordingFile(store, { api, download });
    expect(saving?.name).toBe('fork-2026-11-26-15-00-00.obra.json');
    expect(await saving?.promise).toBeNull();
    expect(saved[0]).toMatchObject({ suggestedName: 'fork-2026-11-26-15-00-00.obra.json', kind: 'recording' });
    const back = readRecording(new TextDecoder().decode(saved[0].data as Uint8Array), saved[0].suggestedName);
    expect(back.header.runId).toBe('r1');
    expect(back.events).toEqual(events);
    expect(downloads).toEqual([]);
  });

  it('a write that fails reaches the banner’s notices with Node’s code', async () => {
    const { api } = nativeShell({ save: () => Promise.reject(errorFromShape({ code: 'ENOSPC', message: 'ENOSPC: no space left on device, write' })) });
    const { store } = createObraStore(api);
    expect(saveRecording(store, { api })).toBeNull();
    store.getState().beginRecording(header);
    store.getState().appendRecording(events, true);
    expect(saveRecording(store, { api })).toMatch(/\.obra\.json$/);
    await expect.poll(() => store.getState().notices.map((n) => n.code)).toEqual(['ENOSPC']);
  });
});

describe('opening a recording: the native dialog when the shell has one', () => {
  it('gives the chosen file as a File the page reads like a picked or dropped one', async () => {
    const text = JSON.stringify({ header, events, sources: [] });
    const { api } = nativeShell({ open: async () => ({ name: 'lesson.obra.json', data: new TextEncoder().encode(text) }) });
    const file = await pickFile(RECORDING_ACCEPT, api);
    expect(file?.name).toBe('lesson.obra.json');
    expect(await file?.text()).toBe(text);
  });

  it('cancelled: null; failed: null, and the failure reaches the banner with its code', async () => {
    expect(await pickFile(RECORDING_ACCEPT, nativeShell().api)).toBeNull();
    const heard: string[] = [];
    const stop = onFailure((error) => heard.push((error as { code: string }).code));
    const { api } = nativeShell({ open: () => Promise.reject(errorFromShape({ code: 'ERR_OBRA_TOO_LARGE', message: 'the file is 300 MiB' })) });
    expect(await pickFile(RECORDING_ACCEPT, api)).toBeNull();
    stop();
    expect(heard).toEqual(['ERR_OBRA_TOO_LARGE']);
  });
});
