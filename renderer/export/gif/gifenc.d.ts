/** The part of gifenc (MIT, no types of its own) Obra uses: its quantizer and its LZW frame writer. */
declare module 'gifenc' {
  export type GifColour = [number, number, number] | [number, number, number, number];

  export interface GifFrameOptions {
    /** The colour table: required on the first frame (it becomes the global table). */
    palette?: GifColour[];
    /** ms; written in hundredths of a second. */
    delay?: number;
    transparent?: boolean;
    transparentIndex?: number;
    /** -1: gifenc's default; 1: leave the frame in place (what a transparent pixel shows through to). */
    dispose?: number;
    /** -1 plays once, 0 forever. */
    repeat?: number;
  }

  export interface GifEncoderStream {
    writeFrame(index: Uint8Array, width: number, height: number, options?: GifFrameOptions): void;
    finish(): void;
    bytes(): Uint8Array;
    bytesView(): Uint8Array;
  }

  export function GIFEncoder(options?: { initialCapacity?: number; auto?: boolean }): GifEncoderStream;
  export function quantize(rgba: Uint8Array | Uint8ClampedArray, maxColors: number, options?: { format?: 'rgb565' | 'rgb444' | 'rgba4444' }): GifColour[];
}
