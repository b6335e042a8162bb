import { normalCdf } from '@synthkit/core';
import type { Marginal, ParametricFamily } from './marginal.js';

/** N(μ, σ²) by maximum likelihood (sample mean and standard deviation). */
export const normalFamily: ParametricFamily = {
  name: 'normal',
  fit(s) {
    return s.variance > 0 ? normalFamily.fromParams([s.mean, Math.sqrt(s.variance)]) : undefined;
  },
  fromParams([mu = 0, sigma = 1]): Marginal {
    return {
      family: 'normal',
      params: [mu, sigma],
      cdf: (x) => normalCdf((x - mu) / sigma),
      fromZ: (z) => mu + sigma * z,
    };
  },
};
