export { gaussianCopula, copulaOptions, type CopulaOptions } from './plugin.js';
export { CopulaModel, type ColumnSummary } from './model.js';
export { fitCopula, type MarginalChoice } from './fit.js';
export { nearestCorrelation } from './latent/nearest-correlation.js';
