import { normalCdf } from '@synthkit/core';
import type { Marginal, ParametricFamily } from './marginal.js';

/** Uniform on the observed range [min, max]. */
export const uniformFamily: ParametricFamily = {
  name: 'uniform',
  fit(s) {
    return s.max > s.min ? uniformFamily.fromParams([s.min, s.max]) : undefined;
  },
  fromParams([lo = 0, hi = 1]): Marginal {
    const w = hi - lo;
    return {
      family: 'uniform',
      params: [lo, hi],
      cdf: (x) => (x <= lo ? 0 : x >= hi ? 1 : (x - lo) / w),
      fromZ: (z) => lo + w * normalCdf(z),
    };
  },
};
