import type { ReversibleTransform } from './transform.js';

export type MissingIndicatorState = {
  /** Value written in place of a missing one: the mean of the present values (0 when none is present). */
  readonly fill: number;
};

export interface ImputedValues {
  /** Finite everywhere: missing values replaced by `fill`. */
  readonly values: Float64Array;
  /** 1 where the input was missing (NaN), 0 elsewhere. */
  readonly missing: Uint8Array;
}

/**
 * Mean imputation plus a 0/1 missing indicator, so a generator can learn both the value and whether
 * it is missing; the reverse puts NaN back where the indicator says 1.
 */
export const missingIndicator: ReversibleTransform<Float64Array, ImputedValues, MissingIndicatorState> = {
  name: 'missingIndicator',
  fit(input) {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < input.length; i++) {
      const v = input[i]!;
      if (!Number.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return { fill: n > 0 ? sum / n : 0 };
  },
  forward(state, input) {
    const values = new Float64Array(input.length);
    const missing = new Uint8Array(input.length);
    for (let i = 0; i < input.length; i++) {
      const v = input[i]!;
      if (Number.isNaN(v)) {
        values[i] = state.fill;
        missing[i] = 1;
      } else values[i] = v;
    }
    return { values, missing };
  },
  reverse(_state, { values, missing }) {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = missing[i] === 1 ? Number.NaN : values[i]!;
    return out;
  },
};
