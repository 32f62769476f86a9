/**
 * What this runtime offers to make a video with, asked without loading the
 * encoders: WebCodecs (encode faster than real time, every frame), else
 * MediaRecorder on a canvas stream (real time). The encoders themselves
 * (mediabunny, gifenc) load only when a clip is made.
 */

export function hasWebCodecs(): boolean {
  return typeof VideoEncoder === 'function' && typeof VideoFrame === 'function';
}

export function hasMediaRecorder(): boolean {
  return typeof MediaRecorder === 'function' && typeof HTMLCanvasElement.prototype.captureStream === 'function';
}
