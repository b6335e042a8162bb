/** First index whose value is >= v in an ascending array (its length when none is). */
export function lowerBound(sorted: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > v in an ascending array (its length when none is). */
export function upperBound(sorted: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index drawn by r in [0, total) from cumulative weights (inverse-CDF sampling); clamped to the
 * last index, which rounding of r = u·total can otherwise step past.
 */
export function drawFromCumulative(cumulative: ArrayLike<number>, r: number): number {
  return Math.min(upperBound(cumulative, r), cumulative.length - 1);
}
