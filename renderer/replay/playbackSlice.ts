import type { LabEvent } from '../../shared/events';
import { windowEndingAt } from '../model/viewport';
import type { ObraSlice, ObraState } from '../store/obraState';
import type { PlaybackSlice } from './playbackState';
import { nextTime, previousTime, stepSpeed, TeachingClock } from './teachingTime';

export type { PlaybackSlice } from './playbackState';

/**
 * The events one can step to. Samples are the OS's heartbeat, not events to teach; so are the
 * loop's callbacks (the track and the stage's queue show them at any playhead), but for a timer
 * that ran late: when it finally runs is a moment of the lesson.
 */
function teachable(e: LabEvent): boolean {
  if (e.type === 'sample') return false;
  if (e.type === 'task') return e.due !== undefined && (e.count ?? 1) === 1 && e.t - e.due >= 1_000;
  return true;
}

/** Distinct times of the teachable events. */
const clocks = new WeakMap<readonly LabEvent[], { length: number; clock: TeachingClock }>();
export function teachingClockOf(events: readonly LabEvent[]): TeachingClock {
  const cached = clocks.get(events);
  if (cached && cached.length === events.length) return cached.clock;
  // A live run's log grew: the new times usually come after the clock's last, and are added to it (not a rebuild every frame).
  if (cached && cached.length < events.length) {
    const later = events.slice(cached.length).filter(teachable).map((e) => e.t);
    if (cached.clock.extend(later)) {
      cached.length = events.length;
      return cached.clock;
    }
  }
  const clock = new TeachingClock(events.filter(teachable).map((e) => e.t));
  clocks.set(events, { length: events.length, clock });
  return clock;
}

/** Keep the playhead inside the timeline's window as it moves. */
function keepInView(state: ObraState, cursor: number): Partial<ObraState> {
  const w = state.timeWindow;
  if (cursor >= w.start && cursor <= w.end) return {};
  return { timeWindow: cursor > w.end ? windowEndingAt(w, cursor) : { start: cursor, end: cursor + (w.end - w.start) } };
}

export const playbackSlice: ObraSlice<PlaybackSlice> = (set, get) => {
  const end = (): number => get().run?.index.lastT ?? 0;
  const moveTo = (cursor: number, extra: Partial<ObraState> = {}): void => {
    const state = get();
    set({ cursor, followLive: false, ...keepInView(state, cursor), ...extra });
  };
  return {
    playing: false,
    speed: 1,
    teaching: false,
    play() {
      const state = get();
      if (!state.run) return;
      // At the end, play starts over from the beginning.
      const from = state.cursor >= end() ? 0 : state.cursor;
      moveTo(from, { playing: true });
    },
    pause() {
      if (get().playing) set({ playing: false, followLive: false });
    },
    togglePlay() {
      const state = get();
      const live = state.status === 'running' || state.status === 'starting';
      // Live and following: pause freezes the playhead where it is (the run goes on).
      if (!state.playing && live && state.followLive) set({ followLive: false });
      else if (state.playing) state.pause();
      else get().play();
    },
    stepEvent(direction) {
      const run = get().run;
      if (!run) return;
      const times = teachingClockOf(run.events).times;
      const cursor = get().cursor;
      const t = direction > 0 ? nextTime(times, cursor) : previousTime(times, cursor);
      moveTo(t ?? (direction > 0 ? end() : 0), { playing: false });
    },
    setSpeed(speed) {
      set({ speed: Math.max(0.05, Math.min(2, speed)) });
    },
    changeSpeed(direction) {
      set({ speed: stepSpeed(get().speed, direction) });
    },
    setTeaching(on) {
      set({ teaching: on });
    },
    advance(ms) {
      const state = get();
      if (!state.playing || !state.run) return;
      if (state.followLive) {
        // The reader asked to follow the live run again: the replay clock lets go.
        set({ playing: false });
        return;
      }
      const last = end();
      let cursor: number;
      if (state.teaching) {
        const clock = teachingClockOf(state.run.events);
        cursor = clock.toRun(clock.toTeaching(state.cursor) + ms * state.speed);
      } else {
        cursor = state.cursor + ms * 1_000 * state.speed;
      }
      const live = state.status === 'running' || state.status === 'starting';
      if (cursor >= last) {
        // Caught up: a live run goes back to following it; a recording stops at its end.
        if (live) {
          set({ playing: false });
          state.setFollowLive(true);
        } else moveTo(last, { playing: false });
        return;
      }
      moveTo(cursor);
    },
  };
};
