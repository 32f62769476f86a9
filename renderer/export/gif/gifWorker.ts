/**
 * The GIF encoder's worker: the page paints each frame and sends its pixels
 * here, where they are matched to the palette and LZW-coded (gifWriter), so a
 * long GIF never holds the page's thread. Messages are gifProtocol's; the
 * pixels come transferred, the file goes back transferred.
 */
import type { GifReply, GifRequest } from './gifProtocol';
import { GifWriter, gifPalette } from './gifWriter';

/** The worker's side of postMessage (the page's lib has no worker scope types). */
const scope = self as unknown as { onmessage: ((event: MessageEvent<GifRequest>) => void) | null; postMessage(reply: GifReply, transfer?: Transferable[]): void };

let writer: GifWriter | null = null;

function handle(request: GifRequest): void {
  if (request.kind === 'start') {
    const samples = request.samples.map((buffer) => new Uint8ClampedArray(buffer));
    const palette = gifPalette(request.base, samples);
    writer = new GifWriter(request.width, request.height, palette);
    scope.postMessage({ kind: 'started', colours: palette.length });
  } else if (!writer) {
    throw new Error('the GIF was not started');
  } else if (request.kind === 'frame') {
    writer.addFrame(new Uint8ClampedArray(request.rgba), request.delayCs);
    scope.postMessage({ kind: 'framed', frames: writer.frames });
  } else {
    const bytes = writer.finish();
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    writer = null;
    scope.postMessage({ kind: 'done', bytes: buffer }, [buffer]);
  }
}

scope.onmessage = (event) => {
  try {
    handle(event.data);
  } catch (error) {
    scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
