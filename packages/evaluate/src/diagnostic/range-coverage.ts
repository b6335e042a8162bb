import { columnMetric } from '../metrics/column-metric.js';
import { incomputable, type Scored } from '../metrics/types.js';
import type { ContinuousPair } from '../prepare/prepared.js';
import { extent } from '../stats/extent.js';

/**
 * RangeCoverage (SDMetrics): 1 − [max((min s − min r)/(max r − min r), 0) + max((max r − max s)/(max r − min r), 0)],
 * clipped at 0; missing values ignored.
 */
export function rangeCoverage(c: ContinuousPair): Scored {
  const [rLo, rHi] = extent(c.real);
  const [sLo, sHi] = extent(c.synthetic);
  if (rLo > rHi) return incomputable('the real column has no non-missing value');
  if (sLo > sHi) return incomputable('the synthetic column has no non-missing value');
  if (rLo === rHi) return incomputable('the real column is constant, so its range is empty');
  const w = rHi - rLo;
  return { score: Math.max(0, 1 - (Math.max((sLo - rLo) / w, 0) + Math.max((rHi - sHi) / w, 0))) };
}

export const rangeCoverageMetric = columnMetric({
  name: 'RangeCoverage',
  family: 'diagnostic',
  description: 'How much of the real numerical/datetime range the synthetic values cover (SDMetrics)',
  continuous: rangeCoverage,
});
