import { columnMetric } from '../metrics/column-metric.js';
import { incomputable, type Scored } from '../metrics/types.js';
import type { ContinuousPair } from '../prepare/prepared.js';

/**
 * BoundaryAdherence (SDMetrics): the share of synthetic rows inside [min, max] of the real column.
 * A missing synthetic value is valid only when the real column has missing values too.
 */
export function boundaryAdherence(c: ContinuousPair): Scored {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let realMissing = false;
  for (let i = 0; i < c.real.length; i++) {
    const v = c.real[i]!;
    if (Number.isNaN(v)) realMissing = true;
    else {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return incomputable('the real column has no non-missing value');
  let ok = 0;
  for (let i = 0; i < c.synthetic.length; i++) {
    const v = c.synthetic[i]!;
    if (Number.isNaN(v) ? realMissing : v >= lo && v <= hi) ok++;
  }
  return { score: ok / c.synthetic.length };
}

export const boundaryAdherenceMetric = columnMetric({
  name: 'BoundaryAdherence',
  family: 'diagnostic',
  description: 'Share of synthetic numerical/datetime values within the real min and max (SDMetrics)',
  continuous: boundaryAdherence,
});
