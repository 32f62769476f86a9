/**
 * The lab's public API: `Lab` and `ObraError`.
 * Pure Node — never imports `electron`.
 *
 * What consumers may rely on:
 * - `log(runId)` is append-only and is the same array as it grows; batches
 *   are exactly its successive slices; the last batch of a run has `end: true`
 *   and ends with `run-end`; `run-start` (t = 0) comes first.
 * - Order: within a batch, events are sorted by `t`. Between batches the log
 *   is in arrival order, so an event may carry a `t` slightly earlier than
 *   events of an earlier batch (records a process had buffered). Order by
 *   `t` — never by index — when time matters.
 * - `t` is µs since the run's T0 (taken just before the boss was spawned), on
 *   the one monotonic clock every process of the run shares.
 * - OS data (`os-process`, `sample` with cpu/rss) is polled every
 *   `sampleIntervalMs`: processes shorter than that may be missed. A process
 *   caught between fork and exec is `seen` again, with its new program, after
 *   its exec. A `sample` is sent when cpu or rss changed, and at least every
 *   second.
 * - The boss's own stdout/stderr (read by the lab from its pipes) comes one
 *   event per line read (at most 16 per read, electron/lab/output-lines.ts), so
 *   every line has a preview of its own; children's chunks are Node's own.
 * - Counts are exact: `bytes`/`count` of coalesced events add up; what the lab
 *   could not keep is said (an `error` event where: 'lab', code ERR_OBRA_*, and
 *   the run-end `message`).
 * - `stopRun`, `ended` and `shutdown` settle only when no process of the run is
 *   left (on Linux checked in /proc: the tree, the boss's group, and any process
 *   whose environment carries the run's OBRA_RUN; on Windows the boss and every
 *   process the probe saw start, asked of the OS).
 */
export { Lab, type LabOptions } from './lab';
export { ObraError } from './obra-error';
export type { LabRunRequest } from './run-request';
export type { RunStats } from './run';
export type { SamplerStats } from './os-sampler-tree';
export { packageRoot, probeEntry, demosDir } from './paths';
