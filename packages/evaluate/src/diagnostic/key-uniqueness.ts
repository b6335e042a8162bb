import type { MetricInput, MetricPlugin, MetricResult } from '@synthkit/core';
import { columnScoresJson, scoresToResult } from '../metrics/column-metric.js';
import type { ColumnScore } from '../metrics/types.js';
import { prepared } from '../prepare/prepared.js';

/** KeyUniqueness (SDMetrics): 1 − (duplicated or missing synthetic keys) / synthetic rows. */
export function keyUniqueness(synthetic: Int32Array, nLabels: number): number {
  const seen = new Uint8Array(nLabels);
  let bad = 0;
  for (let i = 0; i < synthetic.length; i++) {
    const v = synthetic[i]!;
    if (v < 0 || seen[v]) bad++;
    else seen[v] = 1;
  }
  return 1 - bad / synthetic.length;
}

export const keyUniquenessMetric: MetricPlugin = {
  kind: 'metric',
  name: 'KeyUniqueness',
  family: 'diagnostic',
  description:
    'Share of synthetic primary-key values that are present and unique (SDMetrics), for id columns',
  compute(input: MetricInput): MetricResult {
    const data = prepared(input.real, input.synthetic, input.metadata);
    const scores: ColumnScore[] = data.keys.map((k) => ({
      column: k.name,
      metric: 'KeyUniqueness',
      score: keyUniqueness(k.real.synthetic, k.real.labels.length),
    }));
    if (scores.length === 0)
      return { name: 'KeyUniqueness', score: Number.NaN, reason: 'the metadata declares no id column' };
    return scoresToResult('KeyUniqueness', scores, { columns: columnScoresJson(scores) });
  },
};
