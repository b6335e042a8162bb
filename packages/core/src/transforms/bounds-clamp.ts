import type { ReversibleTransform } from './transform.js';

export type BoundsState = {
  readonly min: number;
  readonly max: number;
};

/**
 * Observed bounds: the reverse clamps generated values into [min, max], so a synthetic age is never
 * negative and never above the oldest person seen. Missing values (NaN) pass through.
 */
export const boundsClamp: ReversibleTransform<Float64Array, Float64Array, BoundsState> = {
  name: 'boundsClamp',
  fit(input) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < input.length; i++) {
      const v = input[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    // An all-missing column has no bounds: keep the state JSON-safe and clamp nothing.
    return min <= max ? { min, max } : { min: -Number.MAX_VALUE, max: Number.MAX_VALUE };
  },
  forward(_state, input) {
    return Float64Array.from(input);
  },
  reverse(state, output) {
    const out = new Float64Array(output.length);
    for (let i = 0; i < output.length; i++) {
      const v = output[i]!;
      out[i] = v < state.min ? state.min : v > state.max ? state.max : v;
    }
    return out;
  },
};
