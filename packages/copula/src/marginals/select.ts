import { type EmpiricalCdf, ksCriticalValue, ksStatistic } from '@synthkit/core';
import { constantMarginal, empiricalMarginal } from './empirical.js';
import { PARAMETRIC } from './families.js';
import { type Family, type Marginal, summarize } from './marginal.js';

/** KS is evaluated at most at this many points (error below 1/KS_POINTS; see ksStatistic). */
const KS_POINTS = 2048;
/** Share of the 5% critical value within which two KS statistics count as tied. */
const NEAR_TIE = 0.25;

export interface Selection {
  readonly marginal: Marginal;
  /** KS statistic of every parametric family that could be fitted. */
  readonly candidates: ReadonlyArray<{ family: Family; ks: number }>;
}

/**
 * Chooses a column's marginal. 'auto': every parametric family is fitted and scored by its
 * Kolmogorov–Smirnov distance to the sample; the best one is kept when a KS test at 5% would not
 * reject it (near-ties go to the simpler family), otherwise the empirical fallback is used (on real data with thousands of rows this is
 * the common case: the test is that sensitive). A named family is used as asked when it can be
 * fitted, the empirical one otherwise. A single-valued column is always 'constant'.
 */
export function selectMarginal(ecdf: EmpiricalCdf, choice: 'auto' | Exclude<Family, 'constant'>): Selection {
  const s = summarize(ecdf);
  if (s.max === s.min) return { marginal: constantMarginal(s.min), candidates: [] };
  if (choice === 'empirical') return { marginal: empiricalMarginal(ecdf), candidates: [] };
  const families = choice === 'auto' ? PARAMETRIC : PARAMETRIC.filter((f) => f.name === choice);
  const candidates: Array<{ family: Family; ks: number; marginal: Marginal }> = [];
  for (const f of families) {
    const m = f.fit(s);
    const ks = m ? ksStatistic(ecdf, m.cdf, KS_POINTS) : Number.NaN;
    if (m && Number.isFinite(ks)) candidates.push({ family: f.name, ks, marginal: m });
  }
  const critical = ksCriticalValue(s.n);
  let lowest = Number.POSITIVE_INFINITY;
  for (const c of candidates) lowest = Math.min(lowest, c.ks);
  // A family with more parameters must beat a simpler one by a visible margin to be preferred.
  const best = candidates.find((c) => c.ks <= lowest + NEAR_TIE * critical);
  const accept = best && (choice !== 'auto' || best.ks <= critical);
  return {
    marginal: accept ? best!.marginal : empiricalMarginal(ecdf),
    candidates: candidates.map(({ family, ks }) => ({ family, ks })),
  };
}
