import { columnMetric } from '../metrics/column-metric.js';
import type { Scored } from '../metrics/types.js';

function missingShare(v: Float64Array | Int32Array): number {
  let m = 0;
  if (v instanceof Float64Array) {
    for (let i = 0; i < v.length; i++) if (Number.isNaN(v[i]!)) m++;
  } else for (let i = 0; i < v.length; i++) if (v[i]! < 0) m++;
  return m / v.length;
}

/** MissingValueSimilarity (SDMetrics): 1 − |share missing in real − share missing in synthetic|. */
export function missingValueSimilarity(
  real: Float64Array | Int32Array,
  synthetic: Float64Array | Int32Array,
): Scored {
  return { score: 1 - Math.abs(missingShare(real) - missingShare(synthetic)) };
}

export const missingValueSimilarityMetric = columnMetric({
  name: 'MissingValueSimilarity',
  family: 'diagnostic',
  description: 'How closely the share of missing values matches, per column (SDMetrics)',
  continuous: (c) => missingValueSimilarity(c.real, c.synthetic),
  discrete: (c) => missingValueSimilarity(c.real, c.synthetic),
});
