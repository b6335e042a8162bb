/** Median of the finite values (NaN when there are none); does not modify its input. */
export function median(values: ArrayLike<number>): number {
  const v = Float64Array.from(values)
    .filter((x) => Number.isFinite(x))
    .sort();
  if (v.length === 0) return Number.NaN;
  const h = v.length >> 1;
  return v.length % 2 ? v[h]! : (v[h - 1]! + v[h]!) / 2;
}
