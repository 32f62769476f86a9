import { useEffect } from 'react';
import { systemLang } from './i18n';
import { useMessages } from './i18n/useMessages';
import { Inspector } from './inspector/Inspector';
import { DropZone } from './layout/DropZone';
import { LessonArea } from './layout/LessonArea';
import { StageArea } from './layout/StageArea';
import { NoticeBanner } from './notices/NoticeBanner';
import { useObraStore } from './store/useObra';
import { Timeline } from './timeline/Timeline';
import { demoFromHash } from './toolbar/demoHash';
import { Toolbar } from './toolbar/Toolbar';
import { CompareView } from './replay/CompareView';
import { ProjectorCaption } from './replay/ProjectorCaption';
import { ReplayControls } from './replay/ReplayControls';
import { BlankScreen, ShortcutsDialog } from './replay/ShortcutsDialog';
import { useClassroom } from './replay/useClassroom';
import { useObra } from './store/useObra';
import type { CSSProperties } from 'react';
import './replay/classroom.css';

/** Projector mode draws the stage this much larger (see renderer/stage/hooks.ts). */
const PROJECTOR_STAGE_SCALE = 1.75;

/** Toolbar on top; stage over timeline in the centre; code and narration on the right; the inspector as a drawer. */
export function App() {
  const store = useObraStore();
  const { m, lang } = useMessages();
  const projector = useObra((s) => s.projector);
  const compareOpen = useObra((s) => s.compareOpen);
  const projectorSide = useObra((s) => s.projectorSide);
  useClassroom(store);

  useEffect(() => {
    void store.getState().loadCatalogue();
    const applyHash = (): void => {
      const id = demoFromHash(location.hash);
      const state = store.getState();
      if (id) void state.selectDemo(id);
      else if (state.script?.kind === 'demo') void state.selectDemo(null);
    };
    applyHash();
    window.addEventListener('hashchange', applyHash);
    // Until the reader picks a language, follow the system's.
    const followSystem = (): void => {
      if (!store.getState().langChosen) store.setState({ lang: systemLang(navigator.language) });
    };
    window.addEventListener('languagechange', followSystem);
    return () => {
      window.removeEventListener('hashchange', applyHash);
      window.removeEventListener('languagechange', followSystem);
    };
  }, [store]);

  // An opened script is not a demo: the URL stops naming one (without a hashchange).
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.script !== previous.script && state.script?.kind !== 'demo' && location.hash) {
          history.replaceState(null, '', location.pathname + location.search);
        }
      }),
    [store],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = m.appTitle;
  }, [lang, m]);

  return (
    <div className={`app${projector ? ' projector' : ''}`}>
      <Toolbar />
      <NoticeBanner />
      <main className="workspace">
        {compareOpen ? (
          <CompareView />
        ) : (
          <div className="centre" style={projector ? ({ '--obra-stage-scale': PROJECTOR_STAGE_SCALE } as CSSProperties) : undefined}>
            <StageArea />
            <ReplayControls />
            <Timeline />
          </div>
        )}
        {!projector ? (
          <aside className="side" aria-label={m.side.lesson}>
            <LessonArea />
          </aside>
        ) : (
          projectorSide && (
            <aside className="side" aria-label={m.side.projector}>
              <LessonArea narration={false} />
            </aside>
          )
        )}
        <Inspector />
      </main>
      {projector && <ProjectorCaption />}
      <DropZone />
      <ShortcutsDialog />
      <BlankScreen />
    </div>
  );
}
