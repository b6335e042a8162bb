import type { DiscretePair } from '../prepare/prepared.js';
import { columnMetric } from './column-metric.js';
import { incomputable, type Scored } from './types.js';

/**
 * TVComplement = 1 − ½ Σ_k |p_real(k) − p_synth(k)| over the categories of both tables, missing
 * values dropped (SDMetrics' definition). A category only the synthetic data has gets a real count
 * of 1e-6, SDMetrics' regularisation, so the two scores agree to the last digit.
 */
export function tvComplement(c: DiscretePair): Scored {
  const k = c.labels.length;
  const r = new Float64Array(k);
  const s = new Float64Array(k);
  let nr = 0;
  let ns = 0;
  for (let i = 0; i < c.real.length; i++) {
    const v = c.real[i]!;
    if (v >= 0) {
      r[v]!++;
      nr++;
    }
  }
  for (let i = 0; i < c.synthetic.length; i++) {
    const v = c.synthetic[i]!;
    if (v >= 0) {
      s[v]!++;
      ns++;
    }
  }
  if (nr === 0) return incomputable('the real column has no non-missing value');
  if (ns === 0) return incomputable('the synthetic column has no non-missing value');
  let rTotal = nr;
  for (let v = c.nRealLabels; v < k; v++) {
    r[v] = 1e-6;
    rTotal += 1e-6;
  }
  let tv = 0;
  for (let v = 0; v < k; v++) tv += Math.abs(s[v]! / ns - r[v]! / rTotal);
  return { score: 1 - 0.5 * tv };
}

export const tvComplementMetric = columnMetric({
  name: 'TVComplement',
  family: 'fidelity',
  description: 'Column shapes of categorical and boolean columns: 1 − total variation distance (SDMetrics)',
  discrete: tvComplement,
});
