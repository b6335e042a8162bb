/**
 * A discrete diffusion noise schedule over timesteps 0..T−1: β_t, and ᾱ_t = Π_{s≤t} (1 − β_s), the
 * fraction of signal left at step t (Ho et al., 2020).
 */
export interface NoiseSchedule {
  readonly T: number;
  readonly betas: Float64Array;
  readonly alphaBar: Float64Array;
}

/** How a schedule is written in a model's sidecar JSON. */
export type ScheduleSpec =
  | { readonly kind: 'cosine'; readonly T: number; readonly s?: number }
  | { readonly kind: 'linear'; readonly T: number; readonly betaStart?: number; readonly betaEnd?: number }
  | { readonly kind: 'betas'; readonly betas: readonly number[] };

/**
 * Cosine schedule (Nichol & Dhariwal, 2021, eq. 17): ᾱ(u) ∝ cos²((u + s)/(1 + s) · π/2) at u = t/T,
 * β_t = min(1 − ᾱ(t+1)/ᾱ(t), 0.999); TabDDPM's default with s = 0.008.
 */
export function cosineSchedule(T: number, s = 0.008): NoiseSchedule {
  const f = (u: number): number => Math.cos(((u + s) / (1 + s)) * (Math.PI / 2)) ** 2;
  const betas = new Float64Array(T);
  for (let t = 0; t < T; t++) betas[t] = Math.min(1 - f((t + 1) / T) / f(t / T), 0.999);
  return fromBetas(betas);
}

/** Linear β from `betaStart` to `betaEnd` (Ho et al., 2020), scaled as in iDDPM so any T behaves alike. */
export function linearSchedule(
  T: number,
  betaStart = (1000 / T) * 1e-4,
  betaEnd = (1000 / T) * 0.02,
): NoiseSchedule {
  const betas = new Float64Array(T);
  for (let t = 0; t < T; t++)
    betas[t] = T === 1 ? betaStart : betaStart + ((betaEnd - betaStart) * t) / (T - 1);
  return fromBetas(betas);
}

export function fromBetas(betas: ArrayLike<number>): NoiseSchedule {
  const T = betas.length;
  const b = Float64Array.from(betas);
  const alphaBar = new Float64Array(T);
  let prod = 1;
  for (let t = 0; t < T; t++) {
    prod *= 1 - b[t]!;
    alphaBar[t] = prod;
  }
  return { T, betas: b, alphaBar };
}

export function scheduleFromSpec(spec: ScheduleSpec): NoiseSchedule {
  switch (spec.kind) {
    case 'cosine':
      return cosineSchedule(spec.T, spec.s);
    case 'linear':
      return linearSchedule(spec.T, spec.betaStart, spec.betaEnd);
    case 'betas':
      return fromBetas(spec.betas);
  }
}
