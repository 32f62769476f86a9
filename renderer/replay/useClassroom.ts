import { useEffect } from 'react';
import type { ObraStore } from '../store/obraStore';
import { useObra } from '../store/useObra';
import { attachClassroomKeys } from './classroomKeys';
import { startPlaybackDriver } from './playbackDriver';
import { followFullscreenExit } from './projector';

/** The classroom's machinery for the app's lifetime: the replay clock, the shortcuts, the theme on <html>. */
export function useClassroom(store: ObraStore): void {
  useEffect(() => {
    const stops = [startPlaybackDriver(store), attachClassroomKeys(store), followFullscreenExit(store)];
    // Until the reader picks a theme, follow the system's.
    const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    const follow = (): void => {
      if (query && !store.getState().themeChosen) store.setState({ theme: query.matches ? 'dark' : 'light' });
    };
    query?.addEventListener('change', follow);
    return () => {
      for (const stop of stops) stop();
      query?.removeEventListener('change', follow);
    };
  }, [store]);

  const theme = useObra((s) => s.theme);
  const projector = useObra((s) => s.projector);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.classList.toggle('projector-mode', projector);
  }, [theme, projector]);
}
