import { SynthkitError } from '../errors/synthkit-error.js';
import type { Rng } from '../rng/rng.js';
import type { ReversibleTransform } from './transform.js';

export type FrequencyIntervalState = {
  /** How many times each code occurred in the fitted data. */
  readonly counts: number[];
};

/**
 * Frequency-interval encoding of category codes into [0, 1]: the unit interval is cut into one piece
 * per category, most frequent first (ties by code), each as long as the category's share of the data.
 * A value maps to a point of its piece and any point maps back to the piece it falls in. This is the
 * encoding SDV's GaussianCopula uses for categorical columns (RDT FrequencyEncoder / UniformEncoder:
 * https://docs.sdv.dev/rdt/transformers-glossary/categorical/uniformencoder), so a Gaussian copula sees
 * a continuous variable whose normal scores keep the categories' frequencies exactly.
 *
 * `forward` maps to the middle of each piece (deterministic); `forwardRandom` draws a seeded point
 * uniformly inside it, which is what a copula fit wants (no artificial ties).
 *
 *     const s = frequencyInterval.fit(Int32Array.of(0, 1, 1, 1)); // pieces: code 1 → [0, .75), code 0 → [.75, 1)
 *     frequencyInterval.forward(s, Int32Array.of(0, 1)) // Float64Array [0.875, 0.375]
 */
export const frequencyInterval: ReversibleTransform<Int32Array, Float64Array, FrequencyIntervalState> = {
  name: 'frequencyInterval',
  fit(input) {
    let k = 0;
    for (let i = 0; i < input.length; i++) if (input[i]! + 1 > k) k = input[i]! + 1;
    return fitFrequencyIntervals(input, k);
  },
  forward(state, input) {
    const { lower, upper } = frequencyIntervalBounds(state);
    const out = new Float64Array(input.length);
    for (let i = 0; i < input.length; i++) {
      const c = checkedCode(state, input, i, upper, lower);
      out[i] = 0.5 * (lower[c]! + upper[c]!);
    }
    return out;
  },
  reverse(state, output) {
    const bounds = frequencyIntervalBounds(state);
    const codes = new Int32Array(output.length);
    for (let i = 0; i < output.length; i++) codes[i] = codeAt(bounds, output[i]!);
    return codes;
  },
};

/** Fits the counts of codes 0..nCategories−1 (categories that never occur get an empty piece). */
export function fitFrequencyIntervals(codes: Int32Array, nCategories: number): FrequencyIntervalState {
  const counts = new Array<number>(nCategories).fill(0);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (!(c >= 0 && c < nCategories))
      throw new SynthkitError('BAD_VALUE', `Category code ${c} is outside [0, ${nCategories})`, {
        row: i + 1,
        hint: 'Encode missing values as their own category before the frequency-interval encoding',
      });
    counts[c]!++;
  }
  if (codes.length === 0) throw new SynthkitError('NO_ROWS', 'Cannot fit frequency intervals on zero rows');
  return { counts };
}

export interface FrequencyIntervalBounds {
  /** Codes in the order of their pieces along [0, 1]. */
  readonly order: Int32Array;
  /** Start of each code's piece. */
  readonly lower: Float64Array;
  /** End of each code's piece (equal to `lower` for a category that never occurred). */
  readonly upper: Float64Array;
  /** cuts[j] = end of the j-th piece in `order`; the last one is exactly 1. */
  readonly cuts: Float64Array;
  /** How many pieces are not empty (they come first in `order`). */
  readonly nonEmpty: number;
}

/** The pieces of [0, 1] of every code. */
export function frequencyIntervalBounds(state: FrequencyIntervalState): FrequencyIntervalBounds {
  const k = state.counts.length;
  let total = 0;
  for (const c of state.counts) total += c;
  const order = Int32Array.from({ length: k }, (_, i) => i).sort(
    (a, b) => state.counts[b]! - state.counts[a]! || a - b,
  );
  const lower = new Float64Array(k);
  const upper = new Float64Array(k);
  const cuts = new Float64Array(k);
  let acc = 0;
  let nonEmpty = 0;
  for (let j = 0; j < k; j++) {
    const c = order[j]!;
    lower[c] = acc / total;
    acc += state.counts[c]!;
    upper[c] = acc === total ? 1 : acc / total;
    cuts[j] = upper[c]!;
    if (state.counts[c]! > 0) nonEmpty++;
  }
  return { order, lower, upper, cuts, nonEmpty };
}

/** The code whose piece holds u (u below 0 or above 1 is clamped to the first or last piece). */
export function codeAt(bounds: FrequencyIntervalBounds, u: number): number {
  const { cuts, order } = bounds;
  let lo = 0;
  let hi = bounds.nonEmpty - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cuts[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return order[lo]!;
}

/** Like `forward`, but each value lands at a uniformly drawn point strictly inside its piece. */
export function forwardRandom(state: FrequencyIntervalState, codes: Int32Array, rng: Rng): Float64Array {
  const { lower, upper } = frequencyIntervalBounds(state);
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = checkedCode(state, codes, i, upper, lower);
    out[i] = lower[c]! + rng.nextOpen() * (upper[c]! - lower[c]!);
  }
  return out;
}

function checkedCode(
  state: FrequencyIntervalState,
  codes: Int32Array,
  i: number,
  upper: Float64Array,
  lower: Float64Array,
): number {
  const c = codes[i]!;
  if (!(c >= 0 && c < state.counts.length) || upper[c] === lower[c])
    throw new SynthkitError('BAD_VALUE', `Category code ${c} was not seen when the encoding was fitted`, {
      row: i + 1,
      hint: 'Refit on data that contains every category, or map unseen categories to a known one',
    });
  return c;
}
