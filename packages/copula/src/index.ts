export { fitCopula, type MarginalChoice } from './fit.js';
export { nearestCorrelation } from './latent/nearest-correlation.js';
export { type ColumnSummary, CopulaModel } from './model.js';
export { type CopulaOptions, copulaOptions, gaussianCopula } from './plugin.js';
export { parseSpec } from './spec/parse-spec.js';
export { fromSpec, generateFromSpec, SpecModel } from './spec/spec-model.js';
export type { ColumnSpec, CopulaSpec, SpecColumn } from './spec/spec-types.js';

import { gaussianCopula as defaultGenerator } from './plugin.js';

/** What `--plugin @synthkit/copula` and `loadPlugins(['@synthkit/copula'])` register: the generator with default options. */
export const plugins = () => [defaultGenerator()];
