import { betaFamily } from './beta.js';
import { constantMarginal } from './empirical.js';
import { gammaFamily } from './gamma.js';
import type { Family, Marginal, ParametricFamily } from './marginal.js';
import { normalFamily } from './normal.js';
import { truncatedNormalFamily } from './truncated-normal.js';
import { uniformFamily } from './uniform.js';

/** Every parametric family, simplest first: near-ties on the KS statistic go to the earlier one. */
export const PARAMETRIC: readonly ParametricFamily[] = [
  uniformFamily,
  normalFamily,
  gammaFamily,
  betaFamily,
  truncatedNormalFamily,
];

/** Rebuilds a saved parametric or constant marginal (empirical ones are restored from their table). */
export function marginalFromParams(family: Family, params: readonly number[]): Marginal | undefined {
  if (family === 'constant') return constantMarginal(params[0] ?? 0);
  return PARAMETRIC.find((f) => f.name === family)?.fromParams(params);
}
