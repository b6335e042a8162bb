import type { NoiseSchedule } from './noise-schedule.js';

/**
 * The timesteps a sampler visits, from T−1 down to 0, with ᾱ at each and at the step after it.
 * With fewer steps than T the visited steps are evenly strided and the process is re-spaced
 * (Nichol & Dhariwal, 2021, §4; Song et al., 2021, DDIM): the jump from τ_i to τ_{i−1} uses
 * α = ᾱ_{τ_i} / ᾱ_{τ_{i−1}}, and the final step goes to ᾱ = 1 (clean data).
 */
export interface SamplingPlan {
  /** Model timestep per sampling step, descending. */
  readonly timesteps: Int32Array;
  readonly alphaBar: Float64Array;
  readonly alphaBarPrev: Float64Array;
}

export function stridedPlan(schedule: NoiseSchedule, steps: number): SamplingPlan {
  const { T } = schedule;
  if (!Number.isInteger(steps) || steps < 1 || steps > T)
    throw new RangeError(`steps must be an integer in [1, ${T}], got ${steps}`);
  const ascending = new Int32Array(steps);
  for (let i = 0; i < steps; i++)
    ascending[i] = steps === 1 ? T - 1 : Math.round((i * (T - 1)) / (steps - 1));
  const timesteps = ascending.reverse();
  const alphaBar = new Float64Array(steps);
  const alphaBarPrev = new Float64Array(steps);
  for (let i = 0; i < steps; i++) {
    alphaBar[i] = schedule.alphaBar[timesteps[i]!]!;
    alphaBarPrev[i] = i + 1 < steps ? schedule.alphaBar[timesteps[i + 1]!]! : 1;
  }
  return { timesteps, alphaBar, alphaBarPrev };
}
