import { columnMetric } from '../metrics/column-metric.js';
import type { Scored } from '../metrics/types.js';
import type { DiscretePair } from '../prepare/prepared.js';

/**
 * CategoryAdherence (SDMetrics): the share of synthetic values that are categories of the real
 * column; a missing synthetic value counts as valid only when the real column has missing values.
 */
export function categoryAdherence(c: DiscretePair): Scored & { unseen: string[] } {
  let realMissing = false;
  for (let i = 0; i < c.real.length; i++) if (c.real[i]! < 0) realMissing = true;
  let ok = 0;
  for (let i = 0; i < c.synthetic.length; i++) {
    const v = c.synthetic[i]!;
    if (v < 0 ? realMissing : v < c.nRealLabels) ok++;
  }
  return { score: ok / c.synthetic.length, unseen: c.labels.slice(c.nRealLabels) };
}

export const categoryAdherenceMetric = columnMetric({
  name: 'CategoryAdherence',
  family: 'diagnostic',
  description: 'Share of synthetic categorical/boolean values that occur in the real column (SDMetrics)',
  discrete: (c) => {
    const r = categoryAdherence(c);
    const shown = r.unseen.slice(0, 5).map((l) => JSON.stringify(l));
    return r.unseen.length === 0
      ? { score: r.score }
      : {
          score: r.score,
          reason: `${r.unseen.length} categories unseen in the real data: ${shown.join(', ')}${r.unseen.length > 5 ? ', …' : ''}`,
        };
  },
});
