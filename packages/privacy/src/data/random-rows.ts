import type { Rng } from '@synthkit/core';
import type { AlignedSchema, AlignedTable } from './aligned.js';

/**
 * Rows with every column drawn independently and uniformly from the real column's support: numbers
 * uniform between the real minimum and maximum, categories uniform over those the real data uses.
 * SDMetrics' DCRBaselineProtection uses such rows as the best privacy a table could offer.
 */
export function uniformRandomRows(
  schema: AlignedSchema,
  real: AlignedTable,
  n: number,
  rng: Rng,
): AlignedTable {
  const columns = schema.kinds.map((kind, j) => {
    const src = real.columns[j]!;
    if (kind === 'cat') {
      const seen = [...new Set(src)].filter((c) => c >= 0);
      return seen.length === 0
        ? new Int32Array(n).fill(-1)
        : Int32Array.from({ length: n }, () => seen[rng.int(seen.length)]!);
    }
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of src) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return lo > hi
      ? new Float64Array(n).fill(Number.NaN)
      : Float64Array.from({ length: n }, () => rng.uniform(lo, hi));
  });
  return { nRows: n, columns };
}
