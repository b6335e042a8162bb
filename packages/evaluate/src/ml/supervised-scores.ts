import { rocAuc } from './auc.js';

export interface ClassificationScores {
  readonly accuracy: number;
  /** Mean F1 over the classes present in the test labels or predictions. */
  readonly macroF1: number;
  /** Binary: AUC of class 1; more classes: mean one-vs-rest AUC over classes present in the test labels. */
  readonly rocAuc: number;
}

export interface RegressionScores {
  /** Coefficient of determination 1 − SS_res / SS_tot (can be negative). */
  readonly r2: number;
  readonly mae: number;
}

/** `proba` is row-major n × K. */
export function classificationScores(
  labels: ArrayLike<number>,
  proba: Float64Array,
  K: number,
): ClassificationScores {
  const n = labels.length;
  const tp = new Float64Array(K);
  const predicted = new Float64Array(K);
  const actual = new Float64Array(K);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < K; c++) if (proba[i * K + c]! > proba[i * K + best]!) best = c;
    const y = labels[i]!;
    predicted[best]!++;
    actual[y]!++;
    if (best === y) {
      correct++;
      tp[y]!++;
    }
  }
  let f1 = 0;
  let classes = 0;
  for (let c = 0; c < K; c++) {
    if (actual[c] === 0 && predicted[c] === 0) continue;
    classes++;
    f1 += (2 * tp[c]!) / (actual[c]! + predicted[c]!);
  }
  let auc: number;
  if (K === 2) {
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) s[i] = proba[i * 2 + 1]!;
    auc = rocAuc(
      s,
      Array.from({ length: n }, (_, i) => labels[i] === 1),
    );
  } else {
    let sum = 0;
    let m = 0;
    const s = new Float64Array(n);
    const pos = new Uint8Array(n);
    for (let c = 0; c < K; c++) {
      if (actual[c] === 0 || actual[c] === n) continue;
      for (let i = 0; i < n; i++) {
        s[i] = proba[i * K + c]!;
        pos[i] = labels[i] === c ? 1 : 0;
      }
      sum += rocAuc(s, pos);
      m++;
    }
    auc = m > 0 ? sum / m : Number.NaN;
  }
  return { accuracy: correct / n, macroF1: classes > 0 ? f1 / classes : Number.NaN, rocAuc: auc };
}

export function regressionScores(truth: ArrayLike<number>, predicted: ArrayLike<number>): RegressionScores {
  const n = truth.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += truth[i]!;
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  let abs = 0;
  for (let i = 0; i < n; i++) {
    const e = truth[i]! - predicted[i]!;
    ssRes += e * e;
    ssTot += (truth[i]! - mean) ** 2;
    abs += Math.abs(e);
  }
  return { r2: ssTot > 0 ? 1 - ssRes / ssTot : Number.NaN, mae: abs / n };
}
