export { SynthkitError, isSynthkitError, type SynthkitErrorCode, type SynthkitErrorDetails } from './errors/synthkit-error.js';
export * from './table/column.js';
export { Table, batchesOf } from './table/table.js';
export * from './metadata/types.js';
export { Rng } from './rng/rng.js';
export * from './plugin/types.js';
export * from './plugin/options.js';
export { Registry } from './plugin/registry.js';
export * from './transforms/index.js';
