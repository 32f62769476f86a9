/**
 * A clip as an animated GIF: the page paints each frame (the stage's SVG
 * needs the DOM to become pixels) and hands its pixels, transferred, to a
 * worker that matches them to the palette and LZW-codes them (gifWriter), so
 * the page keeps answering — Cancel included — however long the GIF. The
 * palette is the theme's colours (themeColours) and the rest quantized from
 * four frames across the clip. Cancel ends the worker: nothing is kept.
 */
import type { ExportTheme } from '../svgTheme';
import type { ClipProgress } from '../video/webCodecsClip';
import { cursorAtFrame, type VideoPlan } from '../video/videoPlan';
import type { VideoFrames } from '../video/videoFrames';
import type { GifReply, GifRequest } from './gifProtocol';
import { gifDelaysCs } from './gifWriter';
import { themeColours } from './themeColours';

/** Frames sent to the worker and not yet written: enough to keep it busy, few enough to bound memory. */
const IN_FLIGHT = 3;
/** Where across the clip the palette's sample frames are taken. */
const SAMPLES_AT = [0, 1 / 3, 2 / 3, 1];

/** The worker, asked in order: each request's reply, or the failure that ended it. */
class GifWorker {
  private readonly worker = new Worker(new URL('./gifWorker.ts', import.meta.url), { type: 'module' });
  private readonly waiting: Array<{ resolve: (reply: GifReply) => void; reject: (error: Error) => void }> = [];
  private failure: Error | null = null;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<GifReply>) => {
      const reply = event.data;
      if (reply.kind === 'failed') this.fail(new Error(`the GIF could not be encoded: ${reply.message}`));
      else this.waiting.shift()?.resolve(reply);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(`the GIF encoder stopped: ${event.message || 'its worker could not start'}`));
    };
  }

  get pending(): number {
    return this.waiting.length;
  }

  /** Send `request`; resolves with its reply. A reply nobody awaits (the export stopped) fails quietly. */
  ask(request: GifRequest, transfer: Transferable[] = []): Promise<GifReply> {
    if (this.failure) return Promise.reject(this.failure);
    const reply = new Promise<GifReply>((resolve, reject) => this.waiting.push({ resolve, reject }));
    reply.catch(() => undefined);
    this.worker.postMessage(request, transfer);
    return reply;
  }

  fail(error: Error): void {
    this.failure ??= error;
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
    this.worker.terminate();
  }

  end(): void {
    this.worker.terminate();
  }
}

export async function encodeGif(frames: VideoFrames, plan: VideoPlan, theme: ExportTheme, progress: ClipProgress, signal: AbortSignal): Promise<Blob> {
  const { width, height } = frames.canvas;
  const worker = new GifWorker();
  const cancel = (): void => worker.fail(new DOMException('The GIF was cancelled.', 'AbortError'));
  signal.addEventListener('abort', cancel, { once: true });
  try {
    const samples: ArrayBuffer[] = [];
    for (const f of SAMPLES_AT) {
      await frames.paint(cursorAtFrame(plan, Math.round(f * (plan.frames - 1))));
      signal.throwIfAborted();
      samples.push(frames.pixels().buffer);
    }
    const started = worker.ask({ kind: 'start', width, height, base: themeColours(theme), samples }, samples);
    const delays = gifDelaysCs(plan.frames, plan.fps);
    const written: Array<Promise<GifReply>> = [started];
    for (let k = 0; k < plan.frames; k++) {
      await frames.paint(cursorAtFrame(plan, k));
      signal.throwIfAborted();
      const rgba = frames.pixels().buffer;
      written.push(worker.ask({ kind: 'frame', rgba, delayCs: delays[k] }, [rgba]));
      // Painting waits for the worker when it is behind: at most IN_FLIGHT frames' pixels held at once.
      if (worker.pending > IN_FLIGHT) await written[written.length - 1 - IN_FLIGHT];
      progress(k + 1);
    }
    await Promise.all(written);
    const done = await worker.ask({ kind: 'finish' });
    signal.throwIfAborted();
    if (done.kind !== 'done') throw new Error(`the GIF encoder answered ${done.kind}`);
    return new Blob([done.bytes], { type: 'image/gif' });
  } catch (error) {
    signal.throwIfAborted();
    throw error;
  } finally {
    signal.removeEventListener('abort', cancel);
    worker.end();
  }
}
