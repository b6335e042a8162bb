import type { Rng } from '@synthkit/core';
import type { EncodedRows } from '../encoder/fit-sidecar.js';
import type { SidecarLayout } from '../encoder/sidecar.js';
import type { NoiseSchedule } from '../schedule/noise-schedule.js';

/** log of a probability that is exactly 0 in theory; keeps logaddexp finite in float32. */
export const LOG_FLOOR = -69;

/**
 * One training batch, noised in JS from the run's Rng (TabDDPM's forward process): rows drawn at
 * random, t ~ U{0..T−1}, numerical x_t = √ᾱ_t·x₀ + √(1−ᾱ_t)·ε, categorical x_t ~ q(x_t | x₀) (keep x₀
 * with probability ᾱ_t, else a uniform class). Alongside: the constants the multinomial loss needs,
 * per row and one-hot position, and the true posterior θ = q(x_{t−1} | x_t, x₀).
 */
export interface TrainingBatch {
  readonly rows: number;
  readonly x: Float32Array; // [rows × width]
  readonly t: Float32Array; // [rows]
  readonly eps: Float32Array; // [rows × nNum]
  readonly labels?: Int32Array;
  readonly logA: Float32Array; // [rows × catWidth] log(α·[k = x_t] + (1−α)/K)
  readonly logAlphaBarPrev: Float32Array; // [rows]
  readonly logC: Float32Array; // [rows × catWidth] log((1−ᾱ_{t−1})/K), floored
  readonly theta: Float32Array; // [rows × catWidth]
  /** Σ θ·log θ over the batch / rows: the constant half of the KL. */
  readonly negEntropy: number;
}

export function drawTrainingBatch(
  data: EncodedRows,
  layout: SidecarLayout,
  schedule: NoiseSchedule,
  rows: number,
  rng: Rng,
): TrainingBatch {
  const nNum = layout.numerical.length;
  const nCat = layout.categorical.length;
  const width = layout.width;
  const catWidth = width - nNum;
  const x = new Float32Array(rows * width);
  const t = new Float32Array(rows);
  const eps = new Float32Array(rows * nNum);
  const logA = new Float32Array(rows * catWidth);
  const logAlphaBarPrev = new Float32Array(rows);
  const logC = new Float32Array(rows * catWidth);
  const theta = new Float32Array(rows * catWidth);
  const labels = data.labels ? new Int32Array(rows) : undefined;
  let negEntropy = 0;
  for (let r = 0; r < rows; r++) {
    const i = rng.int(data.n);
    const step = rng.int(schedule.T);
    t[r] = step;
    if (labels) labels[r] = data.labels![i]!;
    const ab = schedule.alphaBar[step]!;
    const abPrev = step > 0 ? schedule.alphaBar[step - 1]! : 1;
    const alpha = ab / abPrev;
    logAlphaBarPrev[r] = Math.log(abPrev);
    const sa = Math.sqrt(ab);
    const s1 = Math.sqrt(1 - ab);
    for (let j = 0; j < nNum; j++) {
      const e = rng.normal();
      eps[r * nNum + j] = e;
      x[r * width + j] = sa * data.num[i * nNum + j]! + s1 * e;
    }
    for (let c = 0; c < nCat; c++) {
      const K = layout.spanSize[c]!;
      const at = layout.spanStart[c]!;
      const x0 = data.codes[i * nCat + c]!;
      const xt = rng.next() < ab ? x0 : rng.int(K);
      x[r * width + at + xt] = 1;
      const o = r * catWidth + at - nNum;
      // A and the posterior take at most three distinct values (at x₀, at x_t, elsewhere), so
      // the logs are computed once per value, not once per class
      const aOther = (1 - alpha) / K;
      const aHere = alpha + aOther;
      const cPrev = (1 - abPrev) / K;
      const lc = abPrev < 1 ? Math.max(Math.log(cPrev), LOG_FLOOR) : LOG_FLOOR;
      const logAOther = Math.max(Math.log(aOther), LOG_FLOOR);
      const logAHere = Math.max(Math.log(aHere), LOG_FLOOR);
      const vOther = aOther * cPrev;
      const vX0 = (x0 === xt ? aHere : aOther) * (abPrev + cPrev);
      const vXt = x0 === xt ? vX0 : aHere * cPrev;
      const z = vOther * (K - (x0 === xt ? 1 : 2)) + vX0 + (x0 === xt ? 0 : vXt);
      const pOther = vOther / z;
      const pX0 = vX0 / z;
      const pXt = vXt / z;
      logA.fill(logAOther, o, o + K);
      logA[o + xt] = logAHere;
      logC.fill(lc, o, o + K);
      theta.fill(pOther, o, o + K);
      theta[o + xt] = pXt;
      theta[o + x0] = pX0;
      if (pOther > 0) negEntropy += (K - (x0 === xt ? 1 : 2)) * pOther * Math.log(pOther);
      negEntropy += pX0 * Math.log(pX0);
      if (x0 !== xt && pXt > 0) negEntropy += pXt * Math.log(pXt);
    }
  }
  const batch = { rows, x, t, eps, logA, logAlphaBarPrev, logC, theta, negEntropy: negEntropy / rows };
  return labels ? { ...batch, labels } : batch;
}
