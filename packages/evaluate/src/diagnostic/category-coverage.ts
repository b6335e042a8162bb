import { columnMetric } from '../metrics/column-metric.js';
import { incomputable, type Scored } from '../metrics/types.js';
import type { DiscretePair } from '../prepare/prepared.js';

/** CategoryCoverage (SDMetrics): the share of the real column's categories that the synthetic data has. */
export function categoryCoverage(c: DiscretePair): Scored {
  if (c.nRealLabels === 0) return incomputable('the real column has no non-missing value');
  const seen = new Uint8Array(c.nRealLabels);
  let n = 0;
  for (let i = 0; i < c.synthetic.length; i++) {
    const v = c.synthetic[i]!;
    if (v >= 0 && v < c.nRealLabels && !seen[v]) {
      seen[v] = 1;
      n++;
    }
  }
  return { score: n / c.nRealLabels };
}

export const categoryCoverageMetric = columnMetric({
  name: 'CategoryCoverage',
  family: 'diagnostic',
  description: 'Share of the real categories that appear in the synthetic column (SDMetrics)',
  discrete: categoryCoverage,
});
