import { extent } from './extent.js';

/**
 * numpy's `histogram_bin_edges(x, bins)` (equal width over [min, max] of the non-missing values,
 * ±0.5 when they are all equal) and `digitize(x, edges)`: bin i holds edges[i-1] <= x < edges[i], so
 * values below the first edge get 0, the maximum and anything above get `bins + 1`, and NaN sorts
 * last (also `bins + 1`). This is exactly how SDMetrics 0.18's Column Pair Trends discretises a
 * numerical or datetime column, each table with the edges of its own values.
 */
export function equalWidthEdges(values: Float64Array, bins = 10): Float64Array | undefined {
  let [lo, hi] = extent(values);
  if (lo > hi) return undefined; // no non-missing value
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const edges = new Float64Array(bins + 1);
  const step = (hi - lo) / bins;
  for (let i = 0; i < bins; i++) edges[i] = i * step + lo; // np.linspace: i*step + start, last = stop
  edges[bins] = hi;
  return edges;
}

/** Number of edges <= x (numpy digitize, right=false); NaN -> edges.length. */
export function digitize(values: Float64Array, edges: Float64Array): Int32Array {
  const out = new Int32Array(values.length);
  const m = edges.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      out[i] = m;
      continue;
    }
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
  return out;
}
