import {
  type EmpiricalCdf,
  type FrequencyIntervalState,
  forwardRandom,
  normalQuantile,
  type Rng,
} from '@synthkit/core';

/**
 * Latent normal scores of a continuous column: Φ⁻¹ of its ranks, each value spread uniformly over the
 * probability its ties occupy, u ∈ ((r − t)/n, r/n) (the randomized distributional transform,
 * L. Rüschendorf, J. Stat. Plan. Inference 139 (2009) 3921–3927). Rank-based scores estimate the copula
 * without trusting any fitted marginal (C. Genest, K. Ghoudi & L.-P. Rivest, Biometrika 82 (1995)
 * 543–552), and spreading ties keeps point masses from collapsing to one score.
 */
export function continuousScores(values: Float64Array, ecdf: EmpiricalCdf, rng: Rng): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [below, atOrBelow] = ecdf.rankRange(values[i]!);
    out[i] = normalQuantile((below + rng.nextOpen() * (atOrBelow - below)) / n);
  }
  return out;
}

/** Latent normal scores of a discrete column: Φ⁻¹ of a random point inside its frequency interval. */
export function discreteScores(codes: Int32Array, state: FrequencyIntervalState, rng: Rng): Float64Array {
  const u = forwardRandom(state, codes, rng);
  for (let i = 0; i < u.length; i++) u[i] = normalQuantile(u[i]!);
  return u;
}
