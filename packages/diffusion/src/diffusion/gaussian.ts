/**
 * One reverse step of Gaussian diffusion with an ε-predicting model, in the generalised form of DDIM
 * (Song et al., 2021, eq. 12) that covers strided schedules:
 *   x̂₀ = (x_t − √(1−ᾱ_t)·ε̂)/√ᾱ_t
 *   σ  = η·√((1−ᾱ_prev)/(1−ᾱ_t))·√(1 − ᾱ_t/ᾱ_prev)
 *   x_prev = √ᾱ_prev·x̂₀ + √(1−ᾱ_prev−σ²)·ε̂ + σ·z
 * η = 1 is the DDPM posterior q(x_prev | x_t, x̂₀) with its own variance (Ho et al., 2020, eq. 7);
 * η = 0 is deterministic DDIM. The last step (ᾱ_prev = 1) returns x̂₀.
 * x̂₀ is clipped to the data's range in model space (as DDPM clips images to [−1, 1]): early on
 * ε̂'s error is multiplied by 1/√ᾱ_t (≈ 160 at t = T − 1), and an unclipped x̂₀ far outside the
 * training range then feeds the network inputs it never saw.
 */
export interface GaussianStep {
  readonly alphaBar: number;
  readonly alphaBarPrev: number;
  readonly eta: number;
}

export function gaussianStepCoefficients({ alphaBar, alphaBarPrev, eta }: GaussianStep): {
  x0FromXt: number;
  x0FromEps: number;
  prevFromX0: number;
  prevFromEps: number;
  sigma: number;
} {
  const sigma =
    alphaBarPrev >= 1
      ? 0
      : eta * Math.sqrt((1 - alphaBarPrev) / (1 - alphaBar)) * Math.sqrt(1 - alphaBar / alphaBarPrev);
  return {
    x0FromXt: 1 / Math.sqrt(alphaBar),
    x0FromEps: -Math.sqrt(1 - alphaBar) / Math.sqrt(alphaBar),
    prevFromX0: Math.sqrt(alphaBarPrev),
    prevFromEps: Math.sqrt(Math.max(1 - alphaBarPrev - sigma * sigma, 0)),
    sigma,
  };
}
