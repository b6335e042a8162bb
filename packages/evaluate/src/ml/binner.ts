import { type FeatureColumn, frequentCodes } from './features.js';

/**
 * Row-major matrix of small bin indices for histogram-based trees (as LightGBM, Ke et al. 2017, and
 * XGBoost's `hist`): bin 0 holds missing values, continuous columns get up to `maxBins` quantile bins,
 * discrete columns one bin per frequent category (the rest share the last bin).
 */
export interface BinnedMatrix {
  readonly n: number;
  readonly nFeatures: number;
  /** bins[i * nFeatures + f] */
  readonly bins: Uint8Array;
  /** Number of bins of each feature (bin 0 = missing included). */
  readonly nBins: Int32Array;
}

export interface Binner {
  readonly nBins: Int32Array;
  bin(columns: readonly FeatureColumn[]): BinnedMatrix;
}

type FeatureBinning = { kind: 'continuous'; edges: Float64Array } | { kind: 'discrete'; map: Int32Array };

function quantileEdges(values: Float64Array, rows: Int32Array, maxBins: number): Float64Array {
  const v: number[] = [];
  const step = Math.max(1, Math.floor(rows.length / 50_000));
  for (let k = 0; k < rows.length; k += step) {
    const x = values[rows[k]!]!;
    if (!Number.isNaN(x)) v.push(x);
  }
  const sorted = Float64Array.from(v).sort();
  const edges: number[] = [];
  // upper edges: value <= edges[b] -> bin b+1; distinct quantiles only
  for (let b = 1; b < maxBins; b++) {
    const q = sorted[Math.min(sorted.length - 1, Math.floor((b * sorted.length) / maxBins))];
    if (q !== undefined && (edges.length === 0 || q > edges[edges.length - 1]!)) edges.push(q);
  }
  return Float64Array.from(edges);
}

export function fitBinner(columns: readonly FeatureColumn[], rows: Int32Array, maxBins = 63): Binner {
  const specs: FeatureBinning[] = columns.map((c) => {
    if (c.kind === 'continuous') return { kind: 'continuous', edges: quantileEdges(c.values, rows, maxBins) };
    const top = frequentCodes(c.codes, c.nLabels, rows, 254);
    const map = new Int32Array(c.nLabels).fill(top.length + 1);
    top.forEach((code, k) => {
      map[code] = k + 1;
    });
    return { kind: 'discrete', map };
  });
  const nBins = Int32Array.from(specs, (s) =>
    s.kind === 'continuous' ? s.edges.length + 2 : Math.max(...s.map, 1) + 1,
  );
  return {
    nBins,
    bin(cols) {
      const n =
        cols.length === 0
          ? 0
          : cols[0]!.kind === 'continuous'
            ? cols[0]!.values.length
            : cols[0]!.codes.length;
      const F = specs.length;
      const bins = new Uint8Array(n * F);
      specs.forEach((s, f) => {
        const c = cols[f]!;
        if (s.kind === 'continuous' && c.kind === 'continuous') {
          const e = s.edges;
          for (let i = 0; i < n; i++) {
            const x = c.values[i]!;
            if (Number.isNaN(x)) continue; // bin 0
            let lo = 0;
            let hi = e.length;
            while (lo < hi) {
              const mid = (lo + hi) >> 1;
              if (e[mid]! < x) lo = mid + 1;
              else hi = mid;
            }
            bins[i * F + f] = lo + 1;
          }
        } else if (s.kind === 'discrete' && c.kind === 'discrete') {
          const other = nBins[f]! - 1;
          for (let i = 0; i < n; i++) {
            const code = c.codes[i]!;
            bins[i * F + f] = code < 0 ? 0 : code < s.map.length ? s.map[code]! : other;
          }
        } else throw new Error(`binner: column ${c.name} changed kind`);
      });
      return { n, nFeatures: F, bins, nBins };
    },
  };
}
