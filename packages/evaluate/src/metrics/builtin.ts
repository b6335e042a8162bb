import type { MetricPlugin } from '@synthkit/core';
import { boostedTreesDetectionMetric, logisticDetectionMetric } from '../detection/detection.js';
import { boundaryAdherenceMetric } from '../diagnostic/boundary-adherence.js';
import { categoryAdherenceMetric } from '../diagnostic/category-adherence.js';
import { categoryCoverageMetric } from '../diagnostic/category-coverage.js';
import { keyUniquenessMetric } from '../diagnostic/key-uniqueness.js';
import { missingValueSimilarityMetric } from '../diagnostic/missing-value-similarity.js';
import { rangeCoverageMetric } from '../diagnostic/range-coverage.js';
import { alphaPrecisionMetric, betaRecallMetric } from '../fidelity/alpha-precision-beta-recall.js';
import { jensenShannonMetric } from '../fidelity/jensen-shannon.js';
import { wassersteinMetric } from '../fidelity/wasserstein.js';
import { boostedTreesUtilityMetric, linearUtilityMetric } from '../utility/utility.js';
import { contingencySimilarityMetric } from './contingency-similarity.js';
import { correlationSimilarityMetric } from './correlation-similarity.js';
import { ksComplementMetric } from './ks-complement.js';
import { tvComplementMetric } from './tv-complement.js';

/** The quality-report metrics (SDMetrics' Column Shapes and Column Pair Trends). */
export const QUALITY_METRICS = [
  'KSComplement',
  'TVComplement',
  'CorrelationSimilarity',
  'ContingencySimilarity',
] as const;

/** Every built-in metric, in report order. Register them with `registry.add(...builtinMetrics)`. */
export const builtinMetrics: readonly MetricPlugin[] = [
  ksComplementMetric,
  tvComplementMetric,
  correlationSimilarityMetric(),
  contingencySimilarityMetric,
  boundaryAdherenceMetric,
  rangeCoverageMetric,
  categoryAdherenceMetric,
  categoryCoverageMetric,
  missingValueSimilarityMetric,
  keyUniquenessMetric,
  wassersteinMetric,
  jensenShannonMetric,
  alphaPrecisionMetric,
  betaRecallMetric,
  logisticDetectionMetric,
  boostedTreesDetectionMetric,
  linearUtilityMetric,
  boostedTreesUtilityMetric,
];
