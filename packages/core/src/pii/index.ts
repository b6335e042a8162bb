export { detectPiiKind } from './detect-pii.js';
export { type RegenerateOptions, regenerateColumn, uuidV4 } from './regenerate.js';
