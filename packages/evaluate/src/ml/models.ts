import { fitBinner } from './binner.js';
import type { FeatureColumn } from './features.js';
import { fitGbdt, type GbdtOptions } from './gbdt.js';
import { fitLinear, type LinearOptions } from './linear-model.js';
import { fitSparseEncoder } from './sparse-encoder.js';
import type { Task } from './task.js';

/** The two model families used for detection and utility. */
export type ModelKind = 'linear' | 'boosted-trees';

export const MODEL_LABELS: Record<ModelKind, string> = {
  linear: 'linear model (logistic / ridge regression)',
  'boosted-trees': 'gradient-boosted trees',
};

export interface ModelOptions {
  readonly linear?: LinearOptions;
  readonly trees?: GbdtOptions;
}

/**
 * Fits a model on `trainRows` of the columns (encoders fitted on those rows only) and returns its
 * predictions for `testRows`: class probabilities (row-major, nClasses each) or values.
 */
export function trainAndPredict(
  kind: ModelKind,
  columns: readonly FeatureColumn[],
  y: Float64Array,
  trainRows: Int32Array,
  testRows: Int32Array,
  task: Task,
  options: ModelOptions = {},
): Float64Array {
  if (kind === 'linear') {
    const x = fitSparseEncoder(columns, trainRows).encode(columns);
    return fitLinear(x, y, trainRows, task, options.linear).predict(x, testRows);
  }
  const x = fitBinner(columns, trainRows).bin(columns);
  return fitGbdt(x, y, trainRows, task, options.trees).predict(x, testRows);
}
