/**
 * The lab's public API (see docs/TEAM-BRIEF.md): `Lab` and `ObraError`.
 * Pure Node — never imports `electron`.
 */
export { Lab, type LabOptions } from './lab';
export { ObraError } from './obra-error';
export type { LabRunRequest } from './run-request';
export type { RunStats } from './run';
export type { SamplerStats } from './os-sampler-tree';
export { packageRoot, probeEntry, demosDir } from './paths';
