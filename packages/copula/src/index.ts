export { gaussianCopula, copulaOptions, type CopulaOptions } from './plugin.js';
export { CopulaModel, type ColumnSummary } from './model.js';
export { fitCopula, type MarginalChoice } from './fit.js';
export { nearestCorrelation } from './latent/nearest-correlation.js';
export { fromSpec, generateFromSpec, SpecModel } from './spec/spec-model.js';
export { parseSpec } from './spec/parse-spec.js';
export type { ColumnSpec, CopulaSpec, SpecColumn } from './spec/spec-types.js';
