import { cholesky } from './cholesky.js';
import type { NormalStream } from './ziggurat.js';

/**
 * Rows of N(0, R) for a positive-definite correlation matrix R, as z = L·ε with R = L·Lᵀ and ε
 * independent standard normals. ε is drawn row by row, so the stream (and every value) does not
 * depend on how the rows are cut into batches.
 */
export class GaussianSampler {
  readonly d: number;
  readonly chol: Float64Array;
  private flat = new Float64Array(0);

  constructor(correlation: Float64Array, d: number) {
    this.d = d;
    this.chol = cholesky(correlation, d);
  }

  /** Fills z[j][0..n) for every dimension j with n correlated rows. */
  draw(normals: NormalStream, n: number, z: readonly Float64Array[]): void {
    const d = this.d;
    if (this.flat.length < n * d) this.flat = new Float64Array(n * d);
    const flat = this.flat;
    normals.fill(flat, n * d);
    // Eight rows at a time: each factor entry is loaded once for eight independent sums, which the
    // CPU overlaps (one running sum waits on every add). Every sum still adds k = 0..j in order,
    // so each value is the same as row by row.
    const l = this.chol;
    let i = 0;
    for (; i + 8 <= n; i += 8) {
      const o0 = i * d;
      const o1 = o0 + d;
      const o2 = o1 + d;
      const o3 = o2 + d;
      const o4 = o3 + d;
      const o5 = o4 + d;
      const o6 = o5 + d;
      const o7 = o6 + d;
      for (let j = 0; j < d; j++) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let s4 = 0;
        let s5 = 0;
        let s6 = 0;
        let s7 = 0;
        const row = j * d;
        for (let k = 0; k <= j; k++) {
          const c = l[row + k]!;
          s0 += c * flat[o0 + k]!;
          s1 += c * flat[o1 + k]!;
          s2 += c * flat[o2 + k]!;
          s3 += c * flat[o3 + k]!;
          s4 += c * flat[o4 + k]!;
          s5 += c * flat[o5 + k]!;
          s6 += c * flat[o6 + k]!;
          s7 += c * flat[o7 + k]!;
        }
        const zj = z[j]!;
        zj[i] = s0;
        zj[i + 1] = s1;
        zj[i + 2] = s2;
        zj[i + 3] = s3;
        zj[i + 4] = s4;
        zj[i + 5] = s5;
        zj[i + 6] = s6;
        zj[i + 7] = s7;
      }
    }
    for (let o = i * d; i < n; i++, o += d) {
      for (let j = 0; j < d; j++) {
        let s = 0;
        const row = j * d;
        for (let k = 0; k <= j; k++) s += l[row + k]! * flat[o + k]!;
        z[j]![i] = s;
      }
    }
  }
}
