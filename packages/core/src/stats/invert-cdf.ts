/**
 * Solves cdf(x) = p for a continuous, non-decreasing distribution function: Newton steps on the
 * density, falling back to bisection whenever a step would leave the bracket that is known to hold
 * the root (the standard safeguarded Newton method, e.g. Press et al., Numerical Recipes 3rd ed.,
 * §9.4 "rtsafe"). An infinite upper end is first replaced by doubling until cdf(hi) >= p.
 *
 *     invertCdf(0.5, (x) => x * x, (x) => 2 * x, 0, 1) // 0.7071067811865476
 */
export function invertCdf(
  p: number,
  cdf: (x: number) => number,
  pdf: (x: number) => number,
  lo: number,
  hi: number,
  guess?: number,
): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (!Number.isFinite(hi)) {
    let step = Math.max(1, Math.abs(lo));
    hi = lo + step;
    while (cdf(hi) < p && Number.isFinite(hi)) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
  }
  if (p <= cdf(lo)) return lo;
  if (p >= cdf(hi)) return hi;
  let x = guess !== undefined && guess > lo && guess < hi ? guess : 0.5 * (lo + hi);
  for (let iter = 0; iter < 200; iter++) {
    const f = cdf(x) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    if (hi - lo <= 4e-16 * Math.max(Math.abs(lo), Math.abs(hi), 1e-300)) break;
    const d = pdf(x);
    let next = d > 0 && Number.isFinite(d) ? x - f / d : Number.NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) <= 1e-15 * Math.abs(x)) return next;
    x = next;
  }
  return x;
}
