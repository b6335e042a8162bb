import { lowerBound, upperBound } from '@synthkit/core';
/**
 * A monotone map from a latent standard-normal score z to a column value, x = Q(Φ(z)), tabulated at
 * evenly spaced z and linearly interpolated. Sampling then costs one multiply-add per value for every
 * marginal, however expensive its quantile function (gamma and beta need root finding; the empirical
 * one a search), and never evaluates Φ. Scores beyond ±Z_MAX (probability 1.2e-15) take the end values.
 */
export const Z_MAX = 8;
export const Z_STEPS = 4096;
const H = (2 * Z_MAX) / Z_STEPS;
const INV_H = 1 / H;

export class ZTable {
  /** x at z = −Z_MAX + k·(2·Z_MAX/Z_STEPS), k = 0..Z_STEPS; non-decreasing. */
  readonly x: Float64Array;

  constructor(x: Float64Array) {
    if (x.length !== Z_STEPS + 1) throw new Error(`ZTable needs ${Z_STEPS + 1} knots, got ${x.length}`);
    this.x = x;
  }

  /** Tabulates `fromZ` (which must be non-decreasing) and repairs any rounding wiggle to monotone. */
  static build(fromZ: (z: number) => number): ZTable {
    const x = new Float64Array(Z_STEPS + 1);
    for (let k = 0; k <= Z_STEPS; k++) {
      const v = fromZ(-Z_MAX + k * H);
      x[k] = k > 0 && !(v >= x[k - 1]!) ? x[k - 1]! : v;
    }
    return new ZTable(x);
  }

  /** The value at one latent score. */
  at(z: number): number {
    let t = (z + Z_MAX) * INV_H;
    if (!(t > 0)) return this.x[0]!;
    if (t >= Z_STEPS) return this.x[Z_STEPS]!;
    const i = t | 0;
    t -= i;
    const a = this.x[i]!;
    return a + t * (this.x[i + 1]! - a);
  }

  /** out[offset + i] = value at z[i], for i < n (the sampling hot path). */
  map(z: Float64Array, out: Float64Array, n: number, offset = 0): void {
    const x = this.x;
    const last = x[Z_STEPS]!;
    const first = x[0]!;
    for (let i = 0; i < n; i++) {
      let t = (z[i]! + Z_MAX) * INV_H;
      if (!(t > 0)) out[offset + i] = first;
      else if (t >= Z_STEPS) out[offset + i] = last;
      else {
        const k = t | 0;
        t -= k;
        const a = x[k]!;
        out[offset + i] = a + t * (x[k + 1]! - a);
      }
    }
  }

  get min(): number {
    return this.x[0]!;
  }

  get max(): number {
    return this.x[Z_STEPS]!;
  }

  /**
   * The latent interval [zLo, zHi] whose values fall in [min, max] (±Infinity when the range reaches
   * past the table's ends), or undefined when no value of the column does.
   */
  zRange(min: number, max: number): [number, number] | undefined {
    const x = this.x;
    if (min > max || max < x[0]! || min > x[Z_STEPS]!) return undefined;
    let zLo = Number.NEGATIVE_INFINITY;
    if (min > x[0]!) {
      const k = lowerBound(x, min); // first knot with x >= min; k >= 1
      const a = x[k - 1]!;
      const b = x[k]!;
      zLo = -Z_MAX + (k - 1 + (b > a ? (min - a) / (b - a) : 1)) * H;
    }
    let zHi = Number.POSITIVE_INFINITY;
    if (max < x[Z_STEPS]!) {
      const k = upperBound(x, max) - 1; // last knot with x <= max; k <= Z_STEPS - 1
      const a = x[k]!;
      const b = x[k + 1]!;
      zHi = -Z_MAX + (k + (b > a ? (max - a) / (b - a) : 0)) * H;
    }
    return zLo <= zHi ? [zLo, zHi] : [zHi, zHi];
  }
}
