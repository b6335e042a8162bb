/** Mean of the non-NaN values (NaN when there are none), as pandas' Series.mean and numpy's nanmean. */
export function nanMean(values: readonly number[]): number {
  let s = 0;
  let n = 0;
  for (const v of values)
    if (!Number.isNaN(v)) {
      s += v;
      n++;
    }
  return n === 0 ? Number.NaN : s / n;
}
