export { checkMetadataAgainstTable, csvOptionsFromMetadata } from './check-table.js';
export { type DetectOptions, detectMetadata } from './detect.js';
export { canonicalJson, metadataHash } from './metadata-hash.js';
export { parseMetadata } from './schema.js';
