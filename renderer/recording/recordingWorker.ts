/**
 * The page's side of the recording worker (recordingReader.worker.ts): one
 * worker per file, ended when its job is. Replies come to `onReply` in order;
 * a worker that cannot start or stops fails the job with the browser's message.
 */
import type { EventColumns } from '../../shared/event-columns';
import type { RecordingReply, RecordingRequest } from './recordingProtocol';

export class RecordingWorker {
  private readonly worker = new Worker(new URL('./recordingReader.worker.ts', import.meta.url), { type: 'module' });

  /** Start a job; `onReply` gets every reply until it returns true (the job is over), then the worker ends. */
  run(request: RecordingRequest, onReply: (reply: RecordingReply) => boolean | Promise<boolean>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let chain = Promise.resolve(false);
      const finish = (error?: unknown): void => {
        this.worker.terminate();
        if (error === undefined) resolve();
        else reject(error);
      };
      // Replies handled one after another, even when handling one waits (the page draws in between).
      this.worker.onmessage = (event: MessageEvent<RecordingReply>) => {
        chain = chain.then(async (over) => {
          if (over) return true;
          const done = await onReply(event.data);
          if (done) finish();
          return done;
        });
        chain.catch(finish);
      };
      this.worker.onerror = (event) => {
        event.preventDefault();
        finish(new Error(`the recording could not be read: ${event.message || 'its worker could not start'}`));
      };
      this.worker.postMessage(request);
    });
  }

  /** Tell the worker a batch was taken (it sends a few ahead, no more), giving back its columns to be written again. */
  taken(columns?: Pick<EventColumns, 'shapes' | 'numbers' | 'refs'>): void {
    const request: RecordingRequest = { kind: 'taken', columns };
    if (columns) this.worker.postMessage(request, [columns.shapes.buffer, columns.numbers.buffer, columns.refs.buffer]);
    else this.worker.postMessage(request);
  }
}
