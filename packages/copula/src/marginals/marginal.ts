import type { EmpiricalCdf } from '@synthkit/core';

/** The marginal families a continuous column can get; 'constant' is used for single-valued columns. */
export const FAMILIES = ['normal', 'truncnorm', 'beta', 'gamma', 'uniform', 'empirical'] as const;
export type Family = (typeof FAMILIES)[number] | 'constant';

/** A fitted one-dimensional distribution. */
export interface Marginal {
  readonly family: Family;
  /** Parameters that rebuild it with the family's `fromParams` (empty for 'empirical'). */
  readonly params: readonly number[];
  /** Distribution function, used to score the fit (KS). */
  cdf(x: number): number;
  /** The value at latent normal score z, i.e. Q(Φ(z)); non-decreasing in z. */
  fromZ(z: number): number;
}

/** What the fitters need to know about a column's sample. */
export interface SampleSummary {
  readonly ecdf: EmpiricalCdf;
  readonly n: number;
  readonly mean: number;
  /** Population variance (divides by n). */
  readonly variance: number;
  readonly min: number;
  readonly max: number;
}

export interface ParametricFamily {
  readonly name: Exclude<Family, 'empirical' | 'constant'>;
  /** Fits the family to the sample, or undefined when it cannot describe it (e.g. zero variance). */
  fit(s: SampleSummary): Marginal | undefined;
  fromParams(params: readonly number[]): Marginal;
}

export function summarize(ecdf: EmpiricalCdf): SampleSummary {
  const x = ecdf.sorted;
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i]! - mean) ** 2;
  return { ecdf, n, mean, variance: ss / n, min: ecdf.min, max: ecdf.max };
}
