export { fitCopula, type MarginalChoice } from './fit.js';
export { nearestCorrelation } from './latent/nearest-correlation.js';
export { type ColumnSummary, CopulaModel } from './model.js';
export { type CopulaOptions, copulaOptions, gaussianCopula } from './plugin.js';
export { parseSpec } from './spec/parse-spec.js';
export { fromSpec, generateFromSpec, SpecModel } from './spec/spec-model.js';
export type { ColumnSpec, CopulaSpec, SpecColumn } from './spec/spec-types.js';
