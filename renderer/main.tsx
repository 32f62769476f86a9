import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createObraStore } from './store/obraStore';
import { ObraStoreContext } from './store/useObra';
import { getApi } from './transport';
import './styles/base.css';
import './styles/toolbar.css';
import './styles/workspace.css';
import './styles/timeline.css';
import './styles/inspector.css';

const { store } = createObraStore(getApi());
if (new URLSearchParams(location.search).has('perf')) {
  // The renderer benchmark reads the log and indexes from here (bench/renderer.bench.cjs).
  (window as unknown as { __obraStore: typeof store }).__obraStore = store;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ObraStoreContext.Provider value={store}>
      <App />
    </ObraStoreContext.Provider>
  </StrictMode>,
);
