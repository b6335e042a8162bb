import { logGamma } from './gamma.js';
import { invertCdf } from './invert-cdf.js';

/**
 * The beta distribution on [0, 1] with shapes a, b. The regularized incomplete beta function is
 * evaluated by its continued fraction (modified Lentz), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a)
 * where the fraction converges slowly; Press et al., Numerical Recipes 3rd ed., §6.4.
 *
 *     betaCdf(0.5, 2, 3)      // 0.6875
 *     betaQuantile(0.6875, 2, 3) // 0.5
 */

const EPS = 1e-16;
const FPMIN = 1e-300;

/** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Regularized incomplete beta I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** Density of Beta(a, b) at x. */
export function betaPdf(x: number, a: number, b: number): number {
  if (x < 0 || x > 1) return 0;
  if (x === 0) return a < 1 ? Number.POSITIVE_INFINITY : a === 1 ? b : 0;
  if (x === 1) return b < 1 ? Number.POSITIVE_INFINITY : b === 1 ? a : 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b));
}

/** P(X ≤ x) for X ~ Beta(a, b). */
export function betaCdf(x: number, a: number, b: number): number {
  return regularizedBeta(x, a, b);
}

/** The x in [0, 1] with P(X ≤ x) = p for X ~ Beta(a, b). */
export function betaQuantile(p: number, a: number, b: number): number {
  return invertCdf(
    p,
    (t) => regularizedBeta(t, a, b),
    (t) => betaPdf(t, a, b),
    0,
    1,
    a / (a + b),
  );
}
