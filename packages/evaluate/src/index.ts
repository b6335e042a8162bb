export {
  boostedTreesDetectionMetric,
  type DetectionResult,
  logisticDetectionMetric,
} from './detection/detection.js';
export { boundaryAdherenceMetric } from './diagnostic/boundary-adherence.js';
export { categoryAdherenceMetric } from './diagnostic/category-adherence.js';
export { categoryCoverageMetric } from './diagnostic/category-coverage.js';
export { keyUniquenessMetric } from './diagnostic/key-uniqueness.js';
export { missingValueSimilarityMetric } from './diagnostic/missing-value-similarity.js';
export { rangeCoverageMetric } from './diagnostic/range-coverage.js';
export { type EvaluateInput, type EvaluationReport, evaluate, evaluationToJson } from './evaluate.js';
export { alphaPrecisionMetric, betaRecallMetric } from './fidelity/alpha-precision-beta-recall.js';
export { jensenShannonMetric } from './fidelity/jensen-shannon.js';
export { wassersteinMetric } from './fidelity/wasserstein.js';
export {
  type EvaluationHtmlInput,
  evaluationSections,
  renderEvaluationHtml,
} from './html/render-evaluation.js';
export { builtinMetrics, QUALITY_METRICS } from './metrics/builtin.js';
export { contingencySimilarityMetric } from './metrics/contingency-similarity.js';
export {
  type CorrelationCoefficient,
  correlationSimilarityMetric,
} from './metrics/correlation-similarity.js';
export { ksComplementMetric } from './metrics/ks-complement.js';
export { tvComplementMetric } from './metrics/tv-complement.js';
export type { ColumnScore, PairScore } from './metrics/types.js';
export { rocAuc } from './ml/auc.js';
export { type BinnedMatrix, fitBinner } from './ml/binner.js';
export type { FeatureColumn } from './ml/features.js';
export { fitGbdt, GBDT_DEFAULTS, type GbdtOptions } from './ml/gbdt.js';
export { fitLinear, type LinearOptions } from './ml/linear-model.js';
export { fitSparseEncoder, type SparseRows } from './ml/sparse-encoder.js';
export type { Task } from './ml/task.js';
export { type QualityInput, type QualityReport, qualityReport } from './quality/quality-report.js';
export { boostedTreesUtilityMetric, linearUtilityMetric, type UtilityResult } from './utility/utility.js';
