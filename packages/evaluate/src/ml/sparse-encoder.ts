import { type FeatureColumn, frequentCodes } from './features.js';

/**
 * Rows for linear models, stored sparse with a fixed number of entries per row: a continuous column
 * gives its standardised value (missing -> 0, the mean) and a missing indicator, a discrete column the
 * index of its one-hot coordinate (frequent categories, then "other", then "missing").
 */
export interface SparseRows {
  readonly n: number;
  /** Entries per row. */
  readonly k: number;
  /** Feature dimension (without the intercept). */
  readonly dim: number;
  readonly index: Int32Array;
  readonly value: Float64Array;
}

export interface SparseEncoder {
  readonly dim: number;
  encode(columns: readonly FeatureColumn[]): SparseRows;
}

type Spec =
  | { kind: 'continuous'; mean: number; sd: number; at: number }
  | { kind: 'discrete'; map: Int32Array; other: number; missing: number };

export function fitSparseEncoder(
  columns: readonly FeatureColumn[],
  rows: Int32Array,
  maxCategories = 100,
): SparseEncoder {
  let dim = 0;
  const specs: Spec[] = columns.map((c) => {
    if (c.kind === 'continuous') {
      let s = 0;
      let n = 0;
      for (const r of rows) {
        const v = c.values[r]!;
        if (!Number.isNaN(v)) {
          s += v;
          n++;
        }
      }
      const mean = n > 0 ? s / n : 0;
      let ss = 0;
      for (const r of rows) {
        const v = c.values[r]!;
        if (!Number.isNaN(v)) ss += (v - mean) ** 2;
      }
      const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
      const at = dim;
      dim += 2;
      return { kind: 'continuous', mean, sd: sd > 0 ? sd : 1, at };
    }
    const top = frequentCodes(c.codes, c.nLabels, rows, maxCategories);
    const map = new Int32Array(c.nLabels).fill(-1);
    top.forEach((code, k) => {
      map[code] = dim + k;
    });
    const other = dim + top.length;
    const missing = other + 1;
    dim = missing + 1;
    return { kind: 'discrete', map, other, missing };
  });
  const k = specs.reduce((s, x) => s + (x.kind === 'continuous' ? 2 : 1), 0);
  return {
    dim,
    encode(cols) {
      const n =
        cols.length === 0
          ? 0
          : cols[0]!.kind === 'continuous'
            ? cols[0]!.values.length
            : cols[0]!.codes.length;
      const index = new Int32Array(n * k);
      const value = new Float64Array(n * k);
      let o = 0;
      specs.forEach((s, f) => {
        const c = cols[f]!;
        if (s.kind === 'continuous' && c.kind === 'continuous') {
          for (let i = 0; i < n; i++) {
            const v = c.values[i]!;
            const miss = Number.isNaN(v);
            index[i * k + o] = s.at;
            value[i * k + o] = miss ? 0 : (v - s.mean) / s.sd;
            index[i * k + o + 1] = s.at + 1;
            value[i * k + o + 1] = miss ? 1 : 0;
          }
          o += 2;
        } else if (s.kind === 'discrete' && c.kind === 'discrete') {
          for (let i = 0; i < n; i++) {
            const code = c.codes[i]!;
            index[i * k + o] =
              code < 0 ? s.missing : code < s.map.length && s.map[code]! >= 0 ? s.map[code]! : s.other;
            value[i * k + o] = 1;
          }
          o += 1;
        } else throw new Error(`encoder: column ${c.name} changed kind`);
      });
      return { n, k, dim, index, value };
    },
  };
}
