import type { Rng } from '@synthkit/core';
import { expNonPositive } from './exp-non-positive.js';

/**
 * Multinomial diffusion (Hoogeboom et al., 2021) for one categorical column with K classes:
 *   q(x_t | x_{t−1}) = Cat(α_t·x_{t−1} + (1−α_t)/K),   q(x_t | x₀) = Cat(ᾱ_t·x₀ + (1−ᾱ_t)/K)
 * and the posterior used for the reverse step with an x₀-predicting model (their eq. 9–11):
 *   θ(x_{t−1} = k) ∝ [α·x_t,k + (1−α)/K] · [ᾱ_prev·p̂₀,k + (1−ᾱ_prev)/K]
 * with α = ᾱ_t/ᾱ_prev (which also re-spaces a strided schedule) and p̂₀ = softmax(logits).
 * Training evaluates this in log space (float32 would underflow); here float64 probabilities after
 * a max-shifted softmax are exact enough and several times faster than logs per class.
 */

/**
 * The reference implementation in float64: sampling runs the same step in onnxruntime
 * (sampling/posterior-graph.ts), and tests check the two agree draw for draw.
 * One reverse step for every categorical column of a batch: `codes` is [rows × nCat] (in place),
 * `out` the model output [rows × outStride] whose column c logits start at `spanStart[c]`.
 * A class is drawn from θ by inverse-CDF with one uniform — the same distribution as the Gumbel-max
 * trick, for one random number instead of K.
 */
export function multinomialReverseStep(
  codes: Int32Array,
  spanStart: Int32Array,
  spanSize: Int32Array,
  out: Float32Array,
  outStride: number,
  rows: number,
  alphaBar: number,
  alphaBarPrev: number,
  rng: Rng,
): void {
  const nCat = spanSize.length;
  if (nCat === 0) return;
  let maxK = 0;
  for (let c = 0; c < nCat; c++) maxK = Math.max(maxK, spanSize[c]!);
  const w = new Float64Array(maxK);
  const alpha = alphaBar / alphaBarPrev;
  const last = alphaBarPrev >= 1;
  // per column: A_k = aHere at k = x_t, aOther elsewhere; θ_k ∝ A_k·(scale·e_k + cPrev), e = exp(logit − max)
  const aOther = new Float64Array(nCat);
  const aHere = new Float64Array(nCat);
  const cPrev = new Float64Array(nCat);
  for (let c = 0; c < nCat; c++) {
    const K = spanSize[c]!;
    aOther[c] = (1 - alpha) / K;
    aHere[c] = alpha + aOther[c]!;
    cPrev[c] = last ? 0 : (1 - alphaBarPrev) / K;
  }
  // row-major: each row's outputs are read once, in order, while they are in cache
  for (let r = 0; r < rows; r++) {
    const row = r * outStride;
    const cr = r * nCat;
    for (let c = 0; c < nCat; c++) {
      const K = spanSize[c]!;
      const o = row + spanStart[c]!;
      const xt = codes[cr + c]!;
      let max = out[o]!;
      for (let k = 1; k < K; k++) if (out[o + k]! > max) max = out[o + k]!;
      let z = 0;
      for (let k = 0; k < K; k++) {
        const e = expNonPositive(out[o + k]! - max);
        w[k] = e;
        z += e;
      }
      // θ_k ∝ A_k·(ᾱ_prev·p̂_k + c): the same posterior as multinomialPosteriorLog, unnormalised
      const scale = last ? 1 : alphaBarPrev / z;
      const cp = cPrev[c]!;
      const ao = aOther[c]!;
      const ah = aHere[c]!;
      let total = 0;
      for (let k = 0; k < K; k++) {
        const v = (k === xt ? ah : ao) * (scale * w[k]! + cp);
        w[k] = v;
        total += v;
      }
      let u = rng.next() * total;
      let pick = K - 1;
      for (let k = 0; k < K; k++) {
        u -= w[k]!;
        if (u < 0) {
          pick = k;
          break;
        }
      }
      codes[cr + c] = pick;
    }
  }
}
