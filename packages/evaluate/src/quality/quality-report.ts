import type { Metadata, Table } from '@synthkit/core';
import { contingencySimilarityMetric } from '../metrics/contingency-similarity.js';
import {
  type CorrelationCoefficient,
  correlationSimilarityMetric,
} from '../metrics/correlation-similarity.js';
import { ksComplementMetric } from '../metrics/ks-complement.js';
import { tvComplementMetric } from '../metrics/tv-complement.js';
import type { ColumnScore, PairScore } from '../metrics/types.js';
import { type PreparedData, prepared } from '../prepare/prepared.js';
import { nanMean } from '../stats/nan-mean.js';

/** SDMetrics 0.18's QualityReport, field for field (camelCase). NaN scores carry a `reason`. */
export interface QualityReport {
  /** Mean of the two property scores. */
  readonly overall: number;
  readonly properties: { readonly columnShapes: number; readonly columnPairTrends: number };
  /** KSComplement for numerical/datetime columns, TVComplement for categorical/boolean ones. */
  readonly columnShapes: readonly ColumnScore[];
  /** Every pair of scored columns in metadata order: CorrelationSimilarity or ContingencySimilarity. */
  readonly columnPairTrends: readonly PairScore[];
}

export interface QualityInput {
  readonly real: Table;
  readonly synthetic: Table;
  readonly metadata: Metadata;
  /** Correlation used for two continuous columns; SDMetrics' report uses Pearson. */
  readonly coefficient?: CorrelationCoefficient;
}

export function qualityFromPrepared(
  data: PreparedData,
  coefficient: CorrelationCoefficient = 'pearson',
): QualityReport {
  const columnShapes: ColumnScore[] = [];
  for (const c of data.columns) {
    const metric = c.kind === 'continuous' ? ksComplementMetric : tvComplementMetric;
    columnShapes.push(...metric.scoreColumns({ ...data, columns: [c] }));
  }
  const correlation = correlationSimilarityMetric({ coefficient });
  const columnPairTrends: PairScore[] = [];
  const cols = data.columns;
  for (let i = 0; i < cols.length; i++)
    for (let j = i + 1; j < cols.length; j++) {
      const a = cols[i]!;
      const b = cols[j]!;
      const metric = correlation.applies(a, b) ? correlation : contingencySimilarityMetric;
      columnPairTrends.push(metric.scorePair(a, b));
    }
  // properties and overall skip NaN, as SDMetrics does (the reasons stay on the entries)
  const shapes = nanMean(columnShapes.map((s) => s.score));
  const trends = nanMean(columnPairTrends.map((s) => s.score));
  return {
    overall: nanMean([shapes, trends]),
    properties: { columnShapes: shapes, columnPairTrends: trends },
    columnShapes,
    columnPairTrends,
  };
}

/**
 * The quality report SDMetrics 0.18 computes (Column Shapes and Column Pair Trends), on typed arrays.
 * Throws a SynthkitError for tables that do not fit the metadata.
 */
export function qualityReport(input: QualityInput): QualityReport {
  return qualityFromPrepared(prepared(input.real, input.synthetic, input.metadata), input.coefficient);
}
