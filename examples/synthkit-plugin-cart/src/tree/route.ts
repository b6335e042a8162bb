import type { Tree } from './types.js';

/** Columns of the rows being routed, indexed like the tree's predictors. */
export type RouteColumns = readonly (Float64Array | Int32Array)[];

/** The leaf each of the first `n` rows falls in, written to `out`. */
export function routeRows(tree: Tree, columns: RouteColumns, n: number, out: Int32Array): void {
  const { feature, threshold, left, right, catLeft } = tree;
  for (let i = 0; i < n; i++) {
    let node = 0;
    let f = feature[0]!;
    while (f >= 0) {
      const col = columns[f]!;
      const v = col[i]!;
      const goesLeft =
        col instanceof Float64Array ? v <= threshold[node]! : catLeft[threshold[node]! + v] === 1;
      node = goesLeft ? left[node]! : right[node]!;
      f = feature[node]!;
    }
    out[i] = left[node]!;
  }
}
