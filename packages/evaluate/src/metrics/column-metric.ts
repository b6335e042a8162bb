import type { JsonValue, MetricFamily, MetricInput, MetricPlugin, MetricResult } from '@synthkit/core';
import { type ContinuousPair, type DiscretePair, type PreparedData, prepared } from '../prepare/prepared.js';
import { nanMean } from '../stats/nan-mean.js';
import type { ColumnScore, Scored } from './types.js';

/** A metric computed column by column; its score is the mean over the columns it applies to. */
export interface ColumnMetricPlugin extends MetricPlugin {
  scoreColumns(data: PreparedData): ColumnScore[];
}

export interface ColumnMetricSpec {
  name: string;
  family: MetricFamily;
  description: string;
  continuous?: (c: ContinuousPair, data: PreparedData) => Scored;
  discrete?: (c: DiscretePair, data: PreparedData) => Scored;
}

export function scoresToResult(
  name: string,
  scores: readonly { score: number; reason?: string }[],
  details: JsonValue,
): MetricResult {
  const score = nanMean(scores.map((s) => s.score));
  if (scores.length === 0)
    return { name, score, reason: 'no column of a type this metric applies to', details };
  if (Number.isNaN(score))
    return { name, score, reason: scores.find((s) => s.reason)?.reason ?? 'incomputable', details };
  return { name, score, details };
}

export function columnScoresJson(scores: readonly ColumnScore[]): JsonValue {
  return scores.map((s) => ({
    column: s.column,
    score: Number.isNaN(s.score) ? null : s.score,
    ...(s.reason ? { reason: s.reason } : {}),
  }));
}

export function columnMetric(spec: ColumnMetricSpec): ColumnMetricPlugin {
  const scoreColumns = (data: PreparedData): ColumnScore[] => {
    const out: ColumnScore[] = [];
    for (const c of data.columns) {
      const fn = c.kind === 'continuous' ? spec.continuous : spec.discrete;
      if (!fn) continue;
      const s = (fn as (c: ContinuousPair | DiscretePair, d: PreparedData) => Scored)(c, data);
      out.push({
        column: c.name,
        metric: spec.name,
        score: s.score,
        ...(s.reason ? { reason: s.reason } : {}),
      });
    }
    return out;
  };
  return {
    kind: 'metric',
    name: spec.name,
    family: spec.family,
    description: spec.description,
    scoreColumns,
    compute(input: MetricInput): MetricResult {
      const scores = scoreColumns(prepared(input.real, input.synthetic, input.metadata));
      return scoresToResult(spec.name, scores, { columns: columnScoresJson(scores) });
    },
  };
}
