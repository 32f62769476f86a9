import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ObraApi } from '../../shared/api';
import { catalogueSlice } from './catalogueSlice';
import type { ObraState } from './obraState';
import { runSlice } from './runSlice';
import { uiSlice } from './uiSlice';
import { classroomSlice } from '../replay/classroomSlice';
import { playbackSlice } from '../replay/playbackSlice';
import { editsSlice } from '../editor/editsSlice';

export type ObraStore = StoreApi<ObraState>;

/**
 * The renderer's one store, built from slices; actions live here, not in
 * components. It subscribes to the transport's batches for as long as it lives.
 */
export function createObraStore(api: ObraApi): { store: ObraStore; dispose: () => void } {
  const store = createStore<ObraState>()((...a) => ({
    ...catalogueSlice(api)(...a),
    ...runSlice(api)(...a),
    ...uiSlice(...a),
    ...playbackSlice(...a),
    ...classroomSlice(...a),
    ...editsSlice(...a),
  }));
  const unsubscribe = api.subscribe((batch) => store.getState().ingest(batch));
  return { store, dispose: unsubscribe };
}
