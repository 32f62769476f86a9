/**
 * The stage's four links to the browser: its box's size (and the unit its
 * drawings scale by), the reader's motion preference, the page's theme, and
 * a gate that lets new props through at most once per animation frame.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { frames } from '../frames/frameScheduler';

export interface StageBox {
  width: number;
  height: number;
  unit: number;
}

const FALLBACK: StageBox = { width: 960, height: 360, unit: 1 };
const useIsoLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * 1 at the app's usual root font size (14–15 px), growing past it, times
 * `--obra-stage-scale` on the stage or an ancestor: projector mode can enlarge
 * the stage by setting either. Never below 1, so labels stay ≥ 14 px.
 */
export function unitOf(el: Element): number {
  const root = parseFloat(getComputedStyle(document.documentElement).fontSize) || 15;
  const scale = parseFloat(getComputedStyle(el).getPropertyValue('--obra-stage-scale')) || 1;
  return Math.max(1, root / 15) * Math.max(0.5, scale);
}

export function useStageBox(ref: RefObject<HTMLElement | null>): StageBox {
  const [box, setBox] = useState<StageBox>(FALLBACK);
  useIsoLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => {
      const r = el.getBoundingClientRect();
      const width = Math.max(240, Math.round(r.width));
      const height = Math.max(160, Math.round(r.height > 40 ? r.height : r.width * 0.42));
      const unit = unitOf(el);
      setBox((b) => (b.width === width && b.height === height && b.unit === unit ? b : { width, height, unit }));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return box;
}

export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia('(prefers-reduced-motion: reduce)');
    setReduced(mq.matches);
    const on = (e: MediaQueryListEvent): void => setReduced(e.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}

/**
 * Returns `value`, but lets a changed value through at most once per
 * animation frame, in the frame's draw turn (after the replay clock and the
 * live ticker have updated): a parent may re-render per batch of events, the
 * stage draws once per frame with the latest.
 */
export function useFrameGate<T>(value: T, same: (a: T, b: T) => boolean): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  latest.current = value;
  const takeBack = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (same(shown, value) || takeBack.current) return;
    takeBack.current = frames.request('draw', () => {
      takeBack.current = null;
      setShown(latest.current);
    });
  });
  useEffect(() => () => takeBack.current?.(), []);
  return shown;
}
