import { SynthkitError } from '../errors/synthkit-error.js';
import { upperBound } from './sorted-search.js';

/**
 * The empirical distribution of a sample: its sorted values, the distinct values with how many
 * observations are ≤ each, and the interpolated quantile function (Hazen's plotting position
 * (i − 1/2)/n, type 5 of R. J. Hyndman & Y. Fan, "Sample quantiles in statistical packages",
 * The American Statistician 50 (1996) 361–365).
 *
 *     const e = EmpiricalCdf.of([3, 1, 2, 2]);
 *     e.cdf(2)        // 0.75
 *     e.quantile(0.5) // 2
 */
export class EmpiricalCdf {
  /** All observations in ascending order. */
  readonly sorted: Float64Array;
  /** Distinct observations in ascending order. */
  readonly values: Float64Array;
  /** counts[k] = number of observations ≤ values[k]. */
  readonly counts: Float64Array;

  private constructor(sorted: Float64Array) {
    this.sorted = sorted;
    const n = sorted.length;
    let k = 0;
    const values = new Float64Array(n);
    const counts = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (i > 0 && sorted[i] === sorted[i - 1]) counts[k - 1] = i + 1;
      else {
        values[k] = sorted[i]!;
        counts[k] = i + 1;
        k++;
      }
    }
    this.values = values.slice(0, k);
    this.counts = counts.slice(0, k);
  }

  /** The empirical distribution of `sample` (finite numbers, at least one). */
  static of(sample: ArrayLike<number>): EmpiricalCdf {
    if (sample.length === 0)
      throw new SynthkitError('NO_ROWS', 'An empirical distribution needs at least one value');
    const sorted = Float64Array.from(sample);
    for (let i = 0; i < sorted.length; i++) {
      if (!Number.isFinite(sorted[i]!))
        throw new SynthkitError(
          'BAD_VALUE',
          `Value ${sorted[i]} at position ${i + 1} is not a finite number`,
          {
            row: i + 1,
            hint: 'Remove or impute missing and infinite values before fitting',
          },
        );
    }
    sorted.sort();
    return new EmpiricalCdf(sorted);
  }

  get n(): number {
    return this.sorted.length;
  }

  get min(): number {
    return this.sorted[0]!;
  }

  get max(): number {
    return this.sorted[this.sorted.length - 1]!;
  }

  /** Index of the largest distinct value ≤ x, or −1 when x is below the sample. */
  private floorIndex(x: number): number {
    return upperBound(this.values, x) - 1;
  }

  /** Fₙ(x): the share of observations ≤ x. */
  cdf(x: number): number {
    const k = this.floorIndex(x);
    return k < 0 ? 0 : this.counts[k]! / this.n;
  }

  /** Number of observations strictly below x and ≤ x, as [below, atOrBelow]. */
  rankRange(x: number): [number, number] {
    const k = this.floorIndex(x);
    if (k < 0) return [0, 0];
    const atOrBelow = this.counts[k]!;
    if (this.values[k] !== x) return [atOrBelow, atOrBelow];
    return [k > 0 ? this.counts[k - 1]! : 0, atOrBelow];
  }

  /** Interpolated quantile at probability u ∈ [0, 1] (Hazen); flat across tied observations. */
  quantile(u: number): number {
    const s = this.sorted;
    const h = u * s.length - 0.5;
    if (h <= 0) return s[0]!;
    if (h >= s.length - 1) return s[s.length - 1]!;
    const i = Math.floor(h);
    return s[i]! + (h - i) * (s[i + 1]! - s[i]!);
  }
}
