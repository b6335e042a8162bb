import type { EmpiricalCdf } from './empirical-cdf.js';

/**
 * The one-sample Kolmogorov–Smirnov statistic D = sup |F(x) − Fₙ(x)| of a sample against a
 * continuous distribution function F (A. N. Kolmogorov, 1933), checked on both sides of every jump
 * of Fₙ. With `maxPoints`, F is evaluated only at distinct values spaced at least 1/maxPoints of
 * probability apart (plus every jump at least that large); because F and Fₙ are monotone, the
 * result is then below the exact D by less than 1/maxPoints. A cdf that returns NaN gives NaN.
 *
 *     ksStatistic(EmpiricalCdf.of([0.1, 0.5, 0.9]), (x) => x) // 0.23333333333333334
 */
export function ksStatistic(
  ecdf: EmpiricalCdf,
  cdf: (x: number) => number,
  maxPoints = Number.POSITIVE_INFINITY,
): number {
  const { values, counts } = ecdf;
  const n = ecdf.n;
  const step = Number.isFinite(maxPoints) ? n / maxPoints : 0;
  let d = 0;
  let lastCount = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < values.length; k++) {
    const below = k > 0 ? counts[k - 1]! : 0;
    const at = counts[k]!;
    // Evaluate when enough probability has passed since the last evaluation, at large jumps, and at the ends.
    if (below - lastCount < step && at - below < step && k !== values.length - 1) continue;
    lastCount = at;
    const f = cdf(values[k]!);
    if (Number.isNaN(f)) return Number.NaN;
    const a = Math.abs(f - below / n);
    const b = Math.abs(f - at / n);
    if (a > d) d = a;
    if (b > d) d = b;
  }
  return d;
}

/**
 * Asymptotic critical value of D at level alpha: sqrt(−ln(alpha/2)/2)/sqrt(n) (Smirnov's limit
 * distribution; 1.358/sqrt(n) at alpha = 0.05).
 */
export function ksCriticalValue(n: number, alpha = 0.05): number {
  return Math.sqrt(-0.5 * Math.log(alpha / 2)) / Math.sqrt(n);
}
