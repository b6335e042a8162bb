import { type MetricInput, type MetricPlugin, type MetricResult, Rng, type RunContext } from '@synthkit/core';
import { rocAuc } from '../ml/auc.js';
import { featureColumn, stackColumns } from '../ml/features.js';
import { complement, stratifiedFolds } from '../ml/folds.js';
import { MODEL_LABELS, type ModelKind, type ModelOptions, trainAndPredict } from '../ml/models.js';
import type { PreparedData } from '../prepare/prepared.js';
import { prepared } from '../prepare/prepared.js';

/**
 * Detection by a classifier two-sample test (Lopez-Paz & Oquab 2017, "Revisiting Classifier
 * Two-Sample Tests"; SDMetrics' LogisticDetection): a model learns to tell real rows (0) from
 * synthetic rows (1) under stratified k-fold cross-validation. score = 1 − mean_k(max(AUC_k, ½)·2 − 1):
 * 1 when the model cannot tell them apart, 0 when it always can.
 */
export interface DetectionResult {
  readonly model: ModelKind;
  readonly score: number;
  readonly aucs: number[];
  readonly meanAuc: number;
  readonly rows: { readonly real: number; readonly synthetic: number };
}

export const DETECTION_FOLDS = 3;
export const DETECTION_MAX_ROWS = 50_000;

/** Rows of one side, subsampled to at most `max` (seeded) or all of them. */
function sample(n: number, max: number, rng: Rng): Int32Array | undefined {
  return n <= max ? undefined : rng.permutation(n).slice(0, max).sort();
}

export function detection(
  data: PreparedData,
  model: ModelKind,
  rng: Rng,
  options: ModelOptions & { folds?: number; maxRows?: number } = {},
): DetectionResult {
  const max = options.maxRows ?? DETECTION_MAX_ROWS;
  const rRows = sample(data.nReal, max, rng.fork('real-rows'));
  const sRows = sample(data.nSynthetic, max, rng.fork('synthetic-rows'));
  const nr = rRows?.length ?? data.nReal;
  const ns = sRows?.length ?? data.nSynthetic;
  const columns = stackColumns(
    data.columns.map((c) => featureColumn(c, 'real', rRows)),
    data.columns.map((c) => featureColumn(c, 'synthetic', sRows)),
  );
  const n = nr + ns;
  const y = new Float64Array(n);
  y.fill(1, nr);
  const folds = stratifiedFolds(y, options.folds ?? DETECTION_FOLDS, rng.fork('folds'));
  const aucs = folds.map((test) => {
    const proba = trainAndPredict(
      model,
      columns,
      y,
      complement(n, test),
      test,
      { kind: 'classification', nClasses: 2 },
      options,
    );
    const p = new Float64Array(test.length);
    for (let i = 0; i < test.length; i++) p[i] = proba[i * 2 + 1]!;
    return rocAuc(
      p,
      Array.from(test, (r) => y[r] === 1),
    );
  });
  const meanAuc = aucs.reduce((s, a) => s + a, 0) / aucs.length;
  const score = 1 - aucs.reduce((s, a) => s + (Math.max(a, 0.5) * 2 - 1), 0) / aucs.length;
  return { model, score, aucs, meanAuc, rows: { real: nr, synthetic: ns } };
}

function detectionMetric(name: string, model: ModelKind): MetricPlugin {
  return {
    kind: 'metric',
    name,
    family: 'detection',
    description: `Classifier two-sample test with a ${MODEL_LABELS[model]}, ${DETECTION_FOLDS}-fold stratified CV: 1 − mean(max(AUC, ½)·2 − 1)`,
    compute(input: MetricInput, ctx?: RunContext): MetricResult {
      const data = prepared(input.real, input.synthetic, input.metadata);
      if (data.columns.length === 0) return { name, score: Number.NaN, reason: 'no column to learn from' };
      const r = detection(data, model, (ctx?.rng ?? new Rng(0)).fork(name));
      return {
        name,
        score: r.score,
        details: { model, aucs: r.aucs, meanAuc: r.meanAuc, rows: { ...r.rows } },
      };
    },
  };
}

export const logisticDetectionMetric = detectionMetric('LogisticDetection', 'linear');
export const boostedTreesDetectionMetric = detectionMetric('BoostedTreesDetection', 'boosted-trees');
