import { betaCdf, betaPdf, invertCdf, normalCdf } from '@synthkit/core';
import type { Marginal, ParametricFamily } from './marginal.js';

/**
 * Beta(a, b) stretched over the observed range [min, max], shapes by the method of moments:
 * with m, v the mean and variance of (x − min)/(max − min), a = m·c and b = (1 − m)·c where
 * c = m(1 − m)/v − 1 (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions 2, §25.4).
 */
export const betaFamily: ParametricFamily = {
  name: 'beta',
  fit(s) {
    const w = s.max - s.min;
    if (!(w > 0)) return undefined;
    const m = (s.mean - s.min) / w;
    const v = s.variance / (w * w);
    const c = (m * (1 - m)) / v - 1;
    if (!(c > 0) || !(m > 0 && m < 1)) return undefined;
    return betaFamily.fromParams([m * c, (1 - m) * c, s.min, s.max]);
  },
  fromParams([a = 1, b = 1, lo = 0, hi = 1]): Marginal {
    const w = hi - lo;
    const cdf = (y: number) => betaCdf(y, a, b);
    const pdf = (y: number) => betaPdf(y, a, b);
    let guess: number | undefined;
    return {
      family: 'beta',
      params: [a, b, lo, hi],
      cdf: (x) => cdf((x - lo) / w),
      fromZ: (z) => {
        // Tables are built in increasing z, so the previous root is a good Newton start.
        guess = invertCdf(normalCdf(z), cdf, pdf, 0, 1, guess ?? a / (a + b));
        return lo + w * guess;
      },
    };
  },
};
