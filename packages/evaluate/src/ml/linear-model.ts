import { minimizeLbfgs } from './lbfgs.js';
import type { SparseRows } from './sparse-encoder.js';
import type { Predictor, Task } from './task.js';

/**
 * L2-regularised generalised linear models on sparse rows, fitted by L-BFGS: multinomial logistic
 * regression (softmax; binary is the two-class case) for classification, ridge regression
 * (squared loss) for regression. Loss = mean over rows + λ/2 ‖w‖² (intercepts not penalised).
 */
export interface LinearOptions {
  readonly l2?: number;
  readonly maxIter?: number;
}

export function fitLinear(
  x: SparseRows,
  y: Float64Array,
  rows: Int32Array,
  task: Task,
  options: LinearOptions = {},
): Predictor<SparseRows> {
  const l2 = options.l2 ?? 1e-4;
  // two classes: one logit (sigmoid), not a redundant softmax pair
  const binary = task.kind === 'classification' && task.nClasses === 2;
  const K = task.kind === 'classification' && !binary ? task.nClasses : 1;
  const D = x.dim + 1; // last coordinate: intercept
  const { k, index, value } = x;
  const n = rows.length;
  let yMean = 0;
  let yScale = 1;
  if (task.kind === 'regression') {
    // fit on a standardised target so that one λ suits every scale
    for (const r of rows) yMean += y[r]!;
    yMean /= n;
    let ss = 0;
    for (const r of rows) ss += (y[r]! - yMean) ** 2;
    yScale = Math.sqrt(ss / Math.max(1, n - 1)) || 1;
  }
  const z = new Float64Array(K);
  const loss = (w: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let total = 0;
    for (const r of rows) {
      for (let c = 0; c < K; c++) {
        let s = w[c * D + x.dim]!;
        for (let e = r * k, end = e + k; e < end; e++) s += w[c * D + index[e]!]! * value[e]!;
        z[c] = s;
      }
      if (task.kind === 'regression') {
        const diff = z[0]! - (y[r]! - yMean) / yScale;
        total += 0.5 * diff * diff;
        z[0] = diff;
      } else if (binary) {
        const t = z[0]!;
        // log(1 + e^t) − y·t, computed without overflow
        total += (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t))) - y[r]! * t;
        z[0] = 1 / (1 + Math.exp(-t)) - y[r]!;
      } else {
        let max = Number.NEGATIVE_INFINITY;
        for (let c = 0; c < K; c++) max = Math.max(max, z[c]!);
        let sum = 0;
        for (let c = 0; c < K; c++) sum += Math.exp(z[c]! - max);
        const label = y[r]!;
        total += max + Math.log(sum) - z[label]!;
        for (let c = 0; c < K; c++) z[c] = Math.exp(z[c]! - max) / sum - (c === label ? 1 : 0);
      }
      for (let c = 0; c < K; c++) {
        const gz = z[c]!;
        if (gz === 0) continue;
        grad[c * D + x.dim]! += gz;
        for (let e = r * k, end = e + k; e < end; e++) grad[c * D + index[e]!]! += gz * value[e]!;
      }
    }
    total /= n;
    for (let i = 0; i < grad.length; i++) grad[i]! /= n;
    for (let c = 0; c < K; c++)
      for (let j = 0; j < x.dim; j++) {
        const wj = w[c * D + j]!;
        total += 0.5 * l2 * wj * wj;
        grad[c * D + j]! += l2 * wj;
      }
    return total;
  };
  const w = minimizeLbfgs(loss, new Float64Array(K * D), { maxIter: options.maxIter ?? 100, tol: 1e-7 });
  const outK = binary ? 2 : K;
  return {
    predict(xt, at) {
      const out = new Float64Array(at.length * outK);
      const kt = xt.k;
      at.forEach((r, i) => {
        for (let c = 0; c < K; c++) {
          let s = w[c * D + x.dim]!;
          for (let e = r * kt, end = e + kt; e < end; e++) s += w[c * D + xt.index[e]!]! * xt.value[e]!;
          out[i * outK + c] = s;
        }
        if (task.kind === 'regression') out[i] = out[i]! * yScale + yMean;
        else if (binary) {
          const p = 1 / (1 + Math.exp(-out[i * 2]!));
          out[i * 2] = 1 - p;
          out[i * 2 + 1] = p;
        } else softmaxInPlace(out, i * K, K);
      });
      return out;
    },
  };
}

export function softmaxInPlace(v: Float64Array, at: number, K: number): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < K; c++) max = Math.max(max, v[at + c]!);
  let sum = 0;
  for (let c = 0; c < K; c++) {
    const e = Math.exp(v[at + c]! - max);
    v[at + c] = e;
    sum += e;
  }
  for (let c = 0; c < K; c++) v[at + c]! /= sum;
}
