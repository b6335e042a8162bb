import type { AlignedSchema, AlignedTable } from '../data/aligned.js';

/**
 * Product-kernel density estimate for mixed data (Li & Racine, Nonparametric Econometrics, 2007,
 * §4.1): a Gaussian kernel per numeric column (bandwidth = factor · σ · n^(−1/(d+4)), Scott's rule)
 * and the Aitchison–Aitken kernel per categorical column (Biometrika 63:413, 1976): weight 1 − λ
 * for the same category and λ/(c − 1) for any other, λ = factor · n^(−2/(d+4)) capped at (c − 1)/c.
 * A missing value is a state of its own. Densities are returned as logs, up to a constant shared by
 * every estimate with the same schema and bandwidths.
 */
export interface MixedKde {
  logDensity(rows: AlignedTable): Float64Array;
}

export function fitMixedKde(
  schema: AlignedSchema,
  data: AlignedTable,
  factor: number,
  bandwidthFrom: AlignedTable = data,
): MixedKde {
  const d = schema.kinds.length;
  const n = bandwidthFrom.nRows;
  const scott = n ** (-1 / (d + 4));
  const cols = schema.kinds.map((kind, j) => {
    if (kind === 'cat') {
      const c = schema.labels[j]!.length + 1;
      const lambda = Math.min((c - 1) / c, factor * scott * scott);
      return { kind, logSame: Math.log(1 - lambda), logOther: Math.log(lambda / Math.max(1, c - 1)), inv: 0 };
    }
    const h = factor * scott * Math.max(standardDeviation(bandwidthFrom.columns[j] as Float64Array), 1e-12);
    return { kind, logSame: 0, logOther: Math.log(1e-3), inv: 1 / h };
  });
  const catCols: number[] = [];
  const numCols: number[] = [];
  schema.kinds.forEach((k, j) => {
    (k === 'cat' ? catCols : numCols).push(j);
  });
  const catData = catCols.map((j) => data.columns[j] as Int32Array);
  const numData = numCols.map((j) => data.columns[j] as Float64Array);
  return {
    logDensity(rows) {
      const out = new Float64Array(rows.nRows);
      const terms = new Float64Array(data.nRows);
      const n = data.nRows;
      for (let q = 0; q < rows.nRows; q++) {
        terms.fill(0);
        for (let c = 0; c < catCols.length; c++) {
          const col = cols[catCols[c]!]!;
          addCategorical(terms, catData[c]!, rows.columns[catCols[c]!]![q]!, col.logSame, col.logOther, n);
        }
        for (let c = 0; c < numCols.length; c++) {
          const col = cols[numCols[c]!]!;
          addNumeric(terms, numData[c]!, rows.columns[numCols[c]!]![q]!, col.inv, col.logOther, n);
        }
        out[q] = logMeanExp(terms);
      }
      return out;
    },
  };
}

function addCategorical(
  terms: Float64Array,
  y: Int32Array,
  x: number,
  same: number,
  other: number,
  n: number,
): void {
  for (let r = 0; r < n; r++) terms[r]! += y[r] === x ? same : other;
}

function addNumeric(
  terms: Float64Array,
  y: Float64Array,
  x: number,
  inv: number,
  missing: number,
  n: number,
): void {
  if (Number.isNaN(x)) {
    for (let r = 0; r < n; r++) terms[r]! += Number.isNaN(y[r]) ? 0 : missing;
    return;
  }
  for (let r = 0; r < n; r++) {
    const z = (x - y[r]!) * inv;
    terms[r]! += !Number.isNaN(z) ? -0.5 * z * z : missing;
  }
}

function logMeanExp(t: Float64Array): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of t) if (v > max) max = v;
  if (max === Number.NEGATIVE_INFINITY) return max;
  // terms below max − 50 add less than e^−50 relative: skip their exp
  const floor = max - 50;
  let s = 0;
  for (let i = 0; i < t.length; i++) {
    const v = t[i]!;
    if (v > floor) s += Math.exp(v - max);
  }
  return max + Math.log(s / t.length);
}

function standardDeviation(v: Float64Array): number {
  let s = 0;
  let s2 = 0;
  let n = 0;
  for (const x of v)
    if (!Number.isNaN(x)) {
      s += x;
      s2 += x * x;
      n++;
    }
  if (n < 2) return 0;
  const mean = s / n;
  return Math.sqrt(Math.max(0, (s2 - n * mean * mean) / (n - 1)));
}
