/**
 * The non-missing values, sorted. SDMetrics' KSComplement rounds to 14 decimals before comparing
 * (float noise like 0.1 + 0.2 must not split a tie); we do the same so ties agree.
 */
export function sortedFinite(values: Float64Array, roundDecimals = 14): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) n++;
  const out = new Float64Array(n);
  const f = 10 ** roundDecimals;
  let o = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const r = Math.round(v * f) / f;
    out[o++] = Number.isFinite(r) ? r : v;
  }
  return out.sort();
}
