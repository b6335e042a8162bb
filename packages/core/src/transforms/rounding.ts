import type { ReversibleTransform } from './transform.js';

export type RoundingState = {
  /** Decimal places kept on the way back: 0 for integer columns. */
  readonly decimals: number;
};

/** Most decimals worth detecting; beyond this a float is written as it is. */
const MAX_DECIMALS = 12;

/** Decimal places of a finite number as JavaScript prints it (1.25 -> 2, 3 -> 0, 1e-7 -> 7). */
export function decimalsOf(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return 0;
  const s = String(v);
  const e = s.indexOf('e-');
  if (e >= 0) {
    const mantissa = s.slice(0, e);
    const dot = mantissa.indexOf('.');
    return Number(s.slice(e + 2)) + (dot >= 0 ? mantissa.length - dot - 1 : 0);
  }
  return s.length - s.indexOf('.') - 1;
}

/** Rounds to `decimals` places; exact for integers and for values that already have that many places. */
export function roundTo(v: number, decimals: number): number {
  if (decimals <= 0) return Math.round(v);
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/**
 * Integer (and fixed-decimal) rounding: generators produce real numbers, and the reverse rounds them
 * to as many decimals as the data had, so integer columns stay integers.
 */
export const rounding: ReversibleTransform<Float64Array, Float64Array, RoundingState> = {
  name: 'rounding',
  fit(input) {
    let decimals = 0;
    for (let i = 0; i < input.length && decimals < MAX_DECIMALS; i++) {
      const v = input[i]!;
      if (!Number.isInteger(v) && Number.isFinite(v)) decimals = Math.max(decimals, decimalsOf(v));
    }
    return { decimals: Math.min(decimals, MAX_DECIMALS) };
  },
  forward(_state, input) {
    return Float64Array.from(input);
  },
  reverse(state, output) {
    const out = new Float64Array(output.length);
    for (let i = 0; i < output.length; i++) out[i] = roundTo(output[i]!, state.decimals);
    return out;
  },
};
