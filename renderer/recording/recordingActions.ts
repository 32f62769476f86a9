import type { Lang } from '../../shared/api';
import { saveFileAs, type SaveOptions } from '../export/download';
import { noticeOf } from '../store/notices';
import type { ObraStore } from '../store/obraStore';
import { isBusy } from '../store/catalogueSlice';
import { demoHash } from '../toolbar/demoHash';
import { ranSources } from '../editor/editsSlice';
import { openRecording } from './openRecording';
import { checkRecordingSize, STREAMED_RECORDING } from './recordingSize';
import { readRecording, recordingFileName, recordingText, type Recording } from '../../shared/recording';

/** Events handed to the store at a time while a recording loads (the page draws between). */
const CHUNK = 20_000;

/** The shown run as a recording: header, log, and the sources of the scripts that ran. */
export function currentRecording(store: ObraStore): Recording | null {
  const state = store.getState();
  const { run } = state;
  if (!run?.header) return null;
  // The files as they ran (edited or not), not as the editor holds them now.
  const sources = ranSources(state) ?? state.sources;
  return { header: run.header, events: [...run.events], sources: sources.filter((s) => s.text !== '') };
}

/**
 * Save the shown run as `<demo>-<time>.obra.json`: through Electron's native
 * "Save as" dialog, or as a browser download. Returns the file name offered
 * at once (null with nothing to save); the save goes on, and a failure
 * (EACCES, ENOSPC, ERR_OBRA_TOO_LARGE…) becomes a notice with its code.
 */
export function saveRecording(store: ObraStore, options: SaveOptions = {}): string | null {
  const saving = saveRecordingFile(store, options);
  if (!saving) return null;
  saving.promise.catch((error: unknown) => store.getState().pushNotice(noticeOf(error)));
  return saving.name;
}

/** The save itself: the name offered, and the path written (or the name downloaded; null if cancelled). Null with no run to save. */
export function saveRecordingFile(store: ObraStore, options: SaveOptions = {}): { name: string; promise: Promise<string | null> } | null {
  const recording = currentRecording(store);
  if (!recording) return null;
  const name = recordingFileName(recording.header);
  const blob = new Blob([recordingText(recording)], { type: 'application/json' });
  return { name, promise: saveFileAs(blob, name, { kind: 'recording', ...options }) };
}

/** Fold a parsed recording into a store as its shown run (no process starts). */
export async function showRecording(store: ObraStore, recording: Recording): Promise<void> {
  store.getState().beginRecording(recording.header);
  const { events } = recording;
  if (events.length === 0) store.getState().appendRecording([], true);
  for (let i = 0; i < events.length; i += CHUNK) {
    store.getState().appendRecording(events.slice(i, i + CHUNK), i + CHUNK >= events.length);
    if (i + CHUNK < events.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * Open a recording file (`.obra.json`, or the CLI's `.ndjson`) as the shown
 * run; one past Obra's limit is refused first (ERR_OBRA_RECORDING_TOO_LARGE). A recording of a demo selects that demo first, so its narration and
 * code marks work; the recording's own sources replace the code panel's. A
 * recording of no demo keeps an open lesson folder, whose steps it is told with.
 */
export async function openRecordingFile(store: ObraStore, file: File): Promise<void> {
  if (isBusy(store.getState().status)) return;
  await checkRecordingSize(file, store.getState().lang);
  if (STREAMED_RECORDING.test(file.name)) {
    const demoId = await peekNdjsonDemo(file);
    await chooseDemo(store, demoId, [], '');
    await openRecording(store, file);
    return;
  }
  const recording = readRecording(await file.text(), file.name);
  await chooseDemo(store, recording.header.demoId ?? null, recording.sources, recording.header.runId);
  await showRecording(store, recording);
}

/**
 * Open a recording file into another store (the compare view's second run), within the same
 * limit: an NDJSON recording streamed as the shown run's is (a file of millions of events is
 * never read whole into one string, which stops at 512 MiB), an `.obra.json` one read whole.
 */
export async function openRecordingInto(store: ObraStore, file: File, lang: Lang): Promise<void> {
  await checkRecordingSize(file, lang);
  if (STREAMED_RECORDING.test(file.name)) return openRecording(store, file);
  await showRecording(store, readRecording(await file.text(), file.name));
}

async function chooseDemo(store: ObraStore, demoId: string | null, sources: Recording['sources'], runId: string): Promise<void> {
  const state = store.getState();
  const known = demoId !== null && state.demos.some((d) => d.id === demoId);
  if (known) {
    await state.selectDemo(demoId);
    // Name the demo in the URL without a hashchange (which would select it again and clear the run).
    history.replaceState(null, '', `${location.pathname}${location.search}#${demoHash(demoId)}`);
    // The files that ran: the editor shows them, and where they differ from the lesson's they are its edits.
    if (sources.length > 0) store.getState().adoptRanSources(runId, sources);
  } else if (state.lesson?.demoId === null) {
    // A recording of no demo while a lesson folder is open (recorded by `obra record ./lesson/`, say): told with that lesson's steps, shown with its code.
    state.clearRun();
  } else {
    await state.selectDemo(null);
    store.setState({ sources, ran: { runId, sources } });
  }
}

async function peekNdjsonDemo(file: File): Promise<string | null> {
  const head = await file.slice(0, 64 * 1024).text();
  try {
    const header = JSON.parse(head.slice(0, head.indexOf('\n') >>> 0)) as { demoId?: unknown };
    return typeof header.demoId === 'string' ? header.demoId : null;
  } catch {
    return null;
  }
}
