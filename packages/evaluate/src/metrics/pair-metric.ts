import type { JsonValue, MetricInput, MetricPlugin, MetricResult } from '@synthkit/core';
import { type ColumnPair, type PreparedData, prepared } from '../prepare/prepared.js';
import { scoresToResult } from './column-metric.js';
import type { PairScore } from './types.js';

/** A metric computed for pairs of columns; its score is the mean over the pairs it applies to. */
export interface PairMetricPlugin extends MetricPlugin {
  applies(a: ColumnPair, b: ColumnPair): boolean;
  scorePair(a: ColumnPair, b: ColumnPair): PairScore;
  scorePairs(data: PreparedData): PairScore[];
}

export interface PairMetricSpec {
  name: string;
  description: string;
  applies: (a: ColumnPair, b: ColumnPair) => boolean;
  compute: (
    a: ColumnPair,
    b: ColumnPair,
  ) => { score: number; real?: number; synthetic?: number; reason?: string };
}

export function pairScoresJson(scores: readonly PairScore[]): JsonValue {
  const num = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? null : v);
  return scores.map((s) => ({
    columns: [...s.columns],
    score: num(s.score),
    ...(s.real !== undefined ? { real: num(s.real), synthetic: num(s.synthetic) } : {}),
    ...(s.reason ? { reason: s.reason } : {}),
  }));
}

export function pairMetric(spec: PairMetricSpec): PairMetricPlugin {
  const scorePair = (a: ColumnPair, b: ColumnPair): PairScore => {
    const r = spec.compute(a, b);
    return {
      columns: [a.name, b.name],
      metric: spec.name,
      score: r.score,
      ...(r.real !== undefined ? { real: r.real, synthetic: r.synthetic } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
    };
  };
  const scorePairs = (data: PreparedData): PairScore[] => {
    const out: PairScore[] = [];
    const cols = data.columns;
    for (let i = 0; i < cols.length; i++)
      for (let j = i + 1; j < cols.length; j++)
        if (spec.applies(cols[i]!, cols[j]!)) out.push(scorePair(cols[i]!, cols[j]!));
    return out;
  };
  return {
    kind: 'metric',
    name: spec.name,
    family: 'fidelity',
    description: spec.description,
    applies: spec.applies,
    scorePair,
    scorePairs,
    compute(input: MetricInput): MetricResult {
      const scores = scorePairs(prepared(input.real, input.synthetic, input.metadata));
      return scoresToResult(spec.name, scores, { pairs: pairScoresJson(scores) });
    },
  };
}
