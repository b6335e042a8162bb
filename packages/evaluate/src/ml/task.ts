/** What a supervised model learns: a class index (0..nClasses-1) or a number per row. */
export type Task =
  | { readonly kind: 'classification'; readonly nClasses: number }
  | { readonly kind: 'regression' };

/** Outputs per row: nClasses probabilities (row-major) for classification, one value for regression. */
export function outputsPerRow(task: Task): number {
  return task.kind === 'classification' ? task.nClasses : 1;
}

/** A fitted model: predictions for the rows it is given. */
export interface Predictor<X> {
  predict(x: X, rows: Int32Array): Float64Array;
}
