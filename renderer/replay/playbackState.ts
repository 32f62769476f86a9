/** What the replay clock keeps in the store (the slice itself: playbackSlice.ts). Types only, so the store's shape (obraState.ts) can name it. */
export interface PlaybackSlice {
  /** The replay clock moves the playhead (a rAF driver, see playbackDriver). */
  playing: boolean;
  /** × real time, 0.05 to 2. */
  speed: number;
  /** Teaching speed: every event gets its own moment on screen (see TeachingClock). */
  teaching: boolean;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Move the playhead to the next (1) or previous (-1) event and pause. */
  stepEvent(direction: 1 | -1): void;
  setSpeed(speed: number): void;
  changeSpeed(direction: 1 | -1): void;
  setTeaching(on: boolean): void;
  /** Advance the clock by `ms` of wall time (called every frame while playing). */
  advance(ms: number): void;
}
