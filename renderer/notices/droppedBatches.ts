/** ERR_OBRA_DROPPED for the renderer: built and read in shared/dropped-batches.ts, the same code main uses. */
export { DROPPED_CODE, droppedBatchesError, droppedCountOf } from '../../shared/dropped-batches';
