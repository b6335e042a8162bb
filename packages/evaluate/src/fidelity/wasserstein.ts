import { columnMetric } from '../metrics/column-metric.js';
import { incomputable, type Scored } from '../metrics/types.js';
import type { ContinuousPair } from '../prepare/prepared.js';
import { sortedFinite } from '../stats/sorted-finite.js';

/**
 * 1-Wasserstein (earth mover's) distance between two empirical distributions on the line:
 * W1 = ∫ |F_a(x) − F_b(x)| dx (Vallender 1974), by one sweep over both sorted samples.
 */
export function wasserstein1(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  let w = 0;
  let x = Math.min(a[0]!, b[0]!);
  while (i < n || j < m) {
    const next = j >= m || (i < n && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    w += Math.abs(i / n - j / m) * (next - x);
    x = next;
    while (i < n && a[i] === x) i++;
    while (j < m && b[j] === x) j++;
  }
  return w;
}

/** W1 between the non-missing values, divided by the real range so that columns are comparable; score = 1 − that, at least 0. */
export function wassersteinColumn(c: ContinuousPair): Scored & { distance?: number } {
  const a = sortedFinite(c.real, 20);
  const b = sortedFinite(c.synthetic, 20);
  if (a.length === 0) return incomputable('the real column has no non-missing value');
  if (b.length === 0) return incomputable('the synthetic column has no non-missing value');
  const range = a[a.length - 1]! - a[0]!;
  const distance = wasserstein1(a, b);
  if (range === 0) return { score: distance === 0 ? 1 : 0, distance };
  return { score: Math.max(0, 1 - distance / range), distance };
}

export const wassersteinMetric = columnMetric({
  name: 'WassersteinDistance',
  family: 'fidelity',
  description: '1 − (1-Wasserstein distance / real range) per numerical/datetime column',
  continuous: wassersteinColumn,
});
