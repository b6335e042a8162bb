import { sortedFinite } from '../stats/sorted-finite.js';
import { columnMetric } from './column-metric.js';
import { incomputable, type Scored } from './types.js';

/**
 * KSComplement = 1 − D, D the two-sample Kolmogorov–Smirnov statistic sup |F_real − F_synth|
 * (Kolmogorov 1933, Smirnov 1948; SDMetrics' definition). Missing values are dropped first.
 */
export function ksStatistic(a: Float64Array, b: Float64Array): number {
  // a, b sorted; walk both, stepping past every copy of the current value so ties move together
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const v = Math.min(a[i]!, b[j]!);
    while (i < n && a[i] === v) i++;
    while (j < m && b[j] === v) j++;
    const diff = Math.abs(i / n - j / m);
    if (diff > d) d = diff;
  }
  return d;
}

export function ksComplement(real: Float64Array, synthetic: Float64Array): Scored {
  const a = sortedFinite(real);
  const b = sortedFinite(synthetic);
  if (a.length === 0) return incomputable('the real column has no non-missing value');
  if (b.length === 0) return incomputable('the synthetic column has no non-missing value');
  return { score: 1 - ksStatistic(a, b) };
}

export const ksComplementMetric = columnMetric({
  name: 'KSComplement',
  family: 'fidelity',
  description: 'Column shapes of numerical and datetime columns: 1 − Kolmogorov–Smirnov D (SDMetrics)',
  continuous: (c) => ksComplement(c.real, c.synthetic),
});
