export { ARTIFACT_FORMAT_VERSION } from './artifact/format.js';
export * from './constraints/index.js';
export {
  isSynthkitError,
  SynthkitError,
  type SynthkitErrorCode,
  type SynthkitErrorDetails,
} from './errors/synthkit-error.js';
export { independentMarginals } from './generators/independent-marginals.js';
export * from './io/index.js';
export * from './metadata/index.js';
export * from './metadata/types.js';
export * from './pii/index.js';
export * from './plugin/options.js';
export { Registry } from './plugin/registry.js';
export * from './plugin/types.js';
export { Rng } from './rng/rng.js';
export * from './stats/index.js';
export * from './synthesizer/index.js';
export * from './table/column.js';
export { batchesOf, Table } from './table/table.js';
export * from './transforms/frequency-interval.js';
export * from './transforms/index.js';
