import type { ReversibleTransform } from './transform.js';

export type DatetimeNumberState = {
  /** The coarsest unit every value is a whole multiple of (ms): a day, an hour, a minute, a second or 1 ms. */
  readonly unit: number;
};

const UNITS = [86_400_000, 3_600_000, 60_000, 1000, 1] as const;

/**
 * Datetimes (epoch ms) as plain numbers, and back. The fitted unit is the data's resolution, so a
 * date-only column comes back as whole days and a column of seconds never gains milliseconds.
 */
export const datetimeNumber: ReversibleTransform<Float64Array, Float64Array, DatetimeNumberState> = {
  name: 'datetimeNumber',
  fit(input) {
    let u = 0;
    search: for (; u < UNITS.length - 1; u++) {
      const unit = UNITS[u]!;
      for (let i = 0; i < input.length; i++) {
        const v = input[i]!;
        if (!Number.isNaN(v) && v % unit !== 0) continue search;
      }
      break;
    }
    return { unit: UNITS[u]! };
  },
  forward(_state, input) {
    return Float64Array.from(input);
  },
  reverse(state, output) {
    const out = new Float64Array(output.length);
    const unit = state.unit;
    for (let i = 0; i < output.length; i++) out[i] = Math.round(output[i]! / unit) * unit;
    return out;
  },
};
