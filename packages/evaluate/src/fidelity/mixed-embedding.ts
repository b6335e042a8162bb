import type { Rng } from '@synthkit/core';
import type { PreparedData } from '../prepare/prepared.js';

/**
 * Rows of mixed columns as points of one Euclidean space, kept sparse: numerical/datetime columns
 * standardised with the real mean and sd (missing -> the mean, plus a 0/1 missing coordinate),
 * discrete columns one-hot scaled by 1/√2 so that two different categories are at distance 1, like a
 * one-sd step. Distances are computed from codes, never from materialised one-hot vectors.
 */
export interface MixedPoints {
  readonly n: number;
  /** n × nc standardised continuous coordinates (missing indicators included), row-major. */
  readonly cont: Float64Array;
  readonly nc: number;
  /** n × nd category codes (-1 missing counts as its own category), row-major. */
  readonly disc: Int32Array;
  readonly nd: number;
}

export interface MixedEmbedding {
  readonly real: MixedPoints;
  readonly synthetic: MixedPoints;
}

function pick(n: number, max: number, rng: Rng): Int32Array {
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
  return rng.permutation(n).slice(0, max).sort();
}

export function mixedEmbedding(data: PreparedData, maxRows: number, rng: Rng): MixedEmbedding {
  const rRows = pick(data.nReal, maxRows, rng.fork('real'));
  const sRows = pick(data.nSynthetic, maxRows, rng.fork('synthetic'));
  const contCols = data.columns.filter((c) => c.kind === 'continuous');
  const discCols = data.columns.filter((c) => c.kind === 'discrete');
  const withMissing = contCols.map((c) => c.real.some(Number.isNaN) || c.synthetic.some(Number.isNaN));
  const nc = contCols.length + withMissing.filter(Boolean).length;
  const nd = discCols.length;
  const stats = contCols.map((c) => {
    let s = 0;
    let n = 0;
    for (const v of c.real)
      if (!Number.isNaN(v)) {
        s += v;
        n++;
      }
    const mean = n > 0 ? s / n : 0;
    let ss = 0;
    for (const v of c.real) if (!Number.isNaN(v)) ss += (v - mean) ** 2;
    const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    return { mean, sd: sd > 0 ? sd : 1 };
  });
  const build = (rows: Int32Array, side: 'real' | 'synthetic'): MixedPoints => {
    const n = rows.length;
    const cont = new Float64Array(n * nc);
    const disc = new Int32Array(n * nd);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      let o = i * nc;
      contCols.forEach((c, j) => {
        const v = c[side][r]!;
        const { mean, sd } = stats[j]!;
        cont[o++] = Number.isNaN(v) ? 0 : (v - mean) / sd;
        if (withMissing[j]) cont[o++] = Number.isNaN(v) ? 1 : 0;
      });
      discCols.forEach((c, j) => {
        disc[i * nd + j] = c[side][r]!;
      });
    }
    return { n, cont, nc, disc, nd };
  };
  return { real: build(rRows, 'real'), synthetic: build(sRows, 'synthetic') };
}

/** Squared distance between row i of a and row j of b. */
export function squaredDistance(a: MixedPoints, i: number, b: MixedPoints, j: number): number {
  let d = 0;
  const nc = a.nc;
  for (let k = 0, x = i * nc, y = j * nc; k < nc; k++, x++, y++) {
    const t = a.cont[x]! - b.cont[y]!;
    d += t * t;
  }
  const nd = a.nd;
  for (let k = 0, x = i * nd, y = j * nd; k < nd; k++, x++, y++) if (a.disc[x] !== b.disc[y]) d += 1;
  return d;
}

/** Squared distance of every row of `p` to the mean point of `center` (one-hot means as frequencies). */
export function distancesToCenter(p: MixedPoints, center: MixedPoints): Float64Array {
  const mean = new Float64Array(center.nc);
  for (let i = 0; i < center.n; i++)
    for (let k = 0; k < center.nc; k++) mean[k]! += center.cont[i * center.nc + k]!;
  for (let k = 0; k < center.nc; k++) mean[k]! /= center.n;
  // per discrete column: frequency of each code and Σ p² (code -1 shifted to slot 0)
  const freqs: Map<number, number>[] = [];
  const sumSq: number[] = [];
  for (let k = 0; k < center.nd; k++) {
    const f = new Map<number, number>();
    for (let i = 0; i < center.n; i++) {
      const c = center.disc[i * center.nd + k]!;
      f.set(c, (f.get(c) ?? 0) + 1 / center.n);
    }
    freqs.push(f);
    let s = 0;
    for (const v of f.values()) s += v * v;
    sumSq.push(s);
  }
  const out = new Float64Array(p.n);
  for (let i = 0; i < p.n; i++) {
    let d = 0;
    for (let k = 0; k < p.nc; k++) d += (p.cont[i * p.nc + k]! - mean[k]!) ** 2;
    // ‖e_x/√2 − f/√2‖² = (1 − 2 f_x + Σ f²) / 2
    for (let k = 0; k < p.nd; k++) d += (1 - 2 * (freqs[k]!.get(p.disc[i * p.nd + k]!) ?? 0) + sumSq[k]!) / 2;
    out[i] = Math.sqrt(Math.max(0, d));
  }
  return out;
}
