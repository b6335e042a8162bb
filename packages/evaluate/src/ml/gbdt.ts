import type { BinnedMatrix } from './binner.js';
import { softmaxInPlace } from './linear-model.js';
import type { Predictor, Task } from './task.js';
import { growTree, type Tree, treeValue } from './tree.js';

/**
 * Gradient-boosted regression trees (Friedman 2001) with second-order leaf values and split gains
 * (Chen & Guestrin 2016, XGBoost, Eq. 5–7) on histogram bins. Squared loss for regression, softmax
 * cross-entropy with one tree per class and round for classification (two classes use one tree on the
 * logit). Deterministic: no row or feature sampling.
 */
export interface GbdtOptions {
  readonly rounds?: number;
  readonly learningRate?: number;
  readonly maxDepth?: number;
  readonly minLeafRows?: number;
  readonly lambda?: number;
}

export const GBDT_DEFAULTS = {
  rounds: 100,
  learningRate: 0.1,
  maxDepth: 6,
  minLeafRows: 20,
  lambda: 1,
} as const;

export function fitGbdt(
  x: BinnedMatrix,
  y: Float64Array,
  rows: Int32Array,
  task: Task,
  options: GbdtOptions = {},
): Predictor<BinnedMatrix> {
  const o = { ...GBDT_DEFAULTS, ...options };
  const n = rows.length;
  const binary = task.kind === 'classification' && task.nClasses === 2;
  const K = task.kind === 'classification' && !binary ? task.nClasses : 1;
  // scores and gradients indexed by position in `rows`
  const score = new Float64Array(n * K);
  const base = new Float64Array(K);
  if (task.kind === 'regression') {
    let s = 0;
    for (const r of rows) s += y[r]!;
    base[0] = s / n;
  } else {
    const counts = new Float64Array(task.nClasses);
    for (const r of rows) counts[y[r]!]!++;
    if (binary) {
      const p = Math.min(1 - 1e-6, Math.max(1e-6, counts[1]! / n));
      base[0] = Math.log(p / (1 - p));
    } else for (let c = 0; c < K; c++) base[c] = Math.log(Math.max(counts[c]!, 1e-6) / n);
  }
  for (let i = 0; i < n; i++) for (let c = 0; c < K; c++) score[i * K + c] = base[c]!;
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const prob = new Float64Array(K);
  const leafValues = new Float64Array(n);
  const trees: Tree[][] = [];
  for (let round = 0; round < o.rounds; round++) {
    const roundTrees: Tree[] = [];
    for (let c = 0; c < K; c++) {
      for (let i = 0; i < n; i++) {
        const label = y[rows[i]!]!;
        if (task.kind === 'regression') {
          grad[i] = score[i]! - label;
          hess[i] = 1;
        } else if (binary) {
          const p = 1 / (1 + Math.exp(-score[i]!));
          grad[i] = p - label;
          hess[i] = Math.max(p * (1 - p), 1e-12);
        } else {
          for (let k = 0; k < K; k++) prob[k] = score[i * K + k]!;
          softmaxInPlace(prob, 0, K);
          const p = prob[c]!;
          grad[i] = p - (label === c ? 1 : 0);
          hess[i] = Math.max(p * (1 - p), 1e-12);
        }
      }
      const tree = growTree(x, rows, grad, hess, o, leafValues);
      for (let i = 0; i < n; i++) score[i * K + c]! += o.learningRate * leafValues[i]!;
      roundTrees.push(tree);
    }
    trees.push(roundTrees);
  }
  const outK = task.kind === 'classification' ? task.nClasses : 1;
  return {
    predict(xt, at) {
      const out = new Float64Array(at.length * outK);
      const s = new Float64Array(K);
      at.forEach((r, i) => {
        s.set(base);
        for (const roundTrees of trees)
          for (let c = 0; c < K; c++) s[c]! += o.learningRate * treeValue(roundTrees[c]!, xt, r);
        if (task.kind === 'regression') out[i] = s[0]!;
        else if (binary) {
          const p = 1 / (1 + Math.exp(-s[0]!));
          out[i * 2] = 1 - p;
          out[i * 2 + 1] = p;
        } else {
          out.set(s, i * K);
          softmaxInPlace(out, i * K, K);
        }
      });
      return out;
    },
  };
}
