import type { Rng } from '@synthkit/core';
import { type GaussianStep, gaussianStepCoefficients } from '../../src/diffusion/gaussian.js';

/**
 * The reference implementation in float64 (sampling runs the same update in onnxruntime,
 * sampling/posterior-graph.ts, with these coefficients). Applies one step to `x` ([rows × nNum], in place) given the model output `out` ([rows × outStride],
 * ε̂ in its first nNum entries of each row).
 */
export function gaussianReverseStep(
  x: Float64Array,
  nNum: number,
  out: Float32Array,
  outStride: number,
  rows: number,
  step: GaussianStep,
  rng: Rng,
  /** Largest |x̂₀| per numerical dim (Infinity: no clipping). */
  clip?: Float64Array,
): void {
  if (nNum === 0) return;
  const c = gaussianStepCoefficients(step);
  for (let r = 0; r < rows; r++) {
    const xo = r * nNum;
    const oo = r * outStride;
    for (let j = 0; j < nNum; j++) {
      const eps = out[oo + j]!;
      let x0 = c.x0FromXt * x[xo + j]! + c.x0FromEps * eps;
      if (clip) x0 = Math.min(Math.max(x0, -clip[j]!), clip[j]!);
      let next = c.prevFromX0 * x0 + c.prevFromEps * eps;
      if (c.sigma > 0) next += c.sigma * rng.normal();
      x[xo + j] = next;
    }
  }
}
