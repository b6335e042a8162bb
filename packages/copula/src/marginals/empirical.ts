import { type EmpiricalCdf, normalCdf } from '@synthkit/core';
import type { Marginal } from './marginal.js';

/**
 * The fallback marginal: the sample's own interpolated quantile function (Hazen), so any shape is
 * kept, including point masses (a zero-inflated amount, an integer-valued age) and several modes.
 * Values stay inside the observed range. Stored as its latent table (a few thousand quantiles,
 * never the rows themselves).
 */
export function empiricalMarginal(ecdf: EmpiricalCdf): Marginal {
  return {
    family: 'empirical',
    params: [],
    cdf: (x) => ecdf.cdf(x),
    fromZ: (z) => ecdf.quantile(normalCdf(z)),
  };
}

/** A column with a single value. */
export function constantMarginal(value: number): Marginal {
  return { family: 'constant', params: [value], cdf: (x) => (x < value ? 0 : 1), fromZ: () => value };
}
