import { gammaCdf, gammaPdf, invertCdf, normalCdf } from '@synthkit/core';
import type { Marginal, ParametricFamily } from './marginal.js';

/**
 * Gamma(k, θ) shifted to start at the observed minimum, by the method of moments on x − min:
 * k = m²/v, θ = v/m (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions 1, §17.7).
 */
export const gammaFamily: ParametricFamily = {
  name: 'gamma',
  fit(s) {
    const m = s.mean - s.min;
    if (!(m > 0 && s.variance > 0)) return undefined;
    return gammaFamily.fromParams([(m * m) / s.variance, s.variance / m, s.min]);
  },
  fromParams([shape = 1, scale = 1, loc = 0]): Marginal {
    const cdf = (t: number) => gammaCdf(t, shape, 1);
    const pdf = (t: number) => gammaPdf(t, shape, 1);
    let guess: number | undefined;
    return {
      family: 'gamma',
      params: [shape, scale, loc],
      cdf: (x) => gammaCdf(x - loc, shape, scale),
      fromZ: (z) => {
        // Tables are built in increasing z, so the previous root is a good Newton start.
        guess = invertCdf(normalCdf(z), cdf, pdf, 0, Number.POSITIVE_INFINITY, guess ?? shape);
        return loc + scale * guess;
      },
    };
  },
};
