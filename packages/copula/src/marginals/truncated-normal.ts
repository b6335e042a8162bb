import { normalCdf, normalMass, standardTruncatedQuantile, truncatedNormalCdf } from '@synthkit/core';
import type { Marginal, ParametricFamily } from './marginal.js';
import { nelderMead } from './nelder-mead.js';

/**
 * N(μ, σ²) truncated to the observed range [min, max], μ and σ by maximum likelihood. The
 * log-likelihood needs only n, the mean and the variance of the sample,
 *   ℓ(μ, σ) = −n·log σ − n·(v + (x̄ − μ)²)/(2σ²) − n·log(Φ(β) − Φ(α)),  α, β = (min − μ)/σ, (max − μ)/σ,
 * so it is maximized with Nelder–Mead over (μ, log σ) at no cost per row (A. C. Cohen, Truncated
 * and Censored Samples, 1991, ch. 2).
 */
export const truncatedNormalFamily: ParametricFamily = {
  name: 'truncnorm',
  fit(s) {
    if (!(s.variance > 0 && s.max > s.min)) return undefined;
    const sd = Math.sqrt(s.variance);
    const nll = ([mu = 0, logSigma = 0]: number[]) => {
      const sigma = Math.exp(logSigma);
      const mass = normalMass((s.min - mu) / sigma, (s.max - mu) / sigma);
      if (!(mass > 0)) return Number.POSITIVE_INFINITY;
      return logSigma + (s.variance + (s.mean - mu) ** 2) / (2 * sigma * sigma) + Math.log(mass);
    };
    // Parameters in units of the sample's sd keep the simplex well scaled.
    // Bounded to |μ − x̄| ≤ 10·sd and σ ≤ 10·sd: a flat sample drives the unbounded MLE off to
    // infinity, where σ = 10·sd already describes it as well as any larger value.
    const [m, ls] = nelderMead(
      ([a = 0, b = 0]) =>
        Math.abs(a) > 10 || b > Math.log(10)
          ? Number.POSITIVE_INFINITY
          : nll([s.mean + a * sd, Math.log(sd) + b]),
      [0, 0],
      [0.5, 0.5],
    );
    const mu = s.mean + m! * sd;
    const sigma = sd * Math.exp(ls!);
    return truncatedNormalFamily.fromParams([mu, sigma, s.min, s.max]);
  },
  fromParams([mu = 0, sigma = 1, lo = Number.NEGATIVE_INFINITY, hi = Number.POSITIVE_INFINITY]): Marginal {
    const alpha = (lo - mu) / sigma;
    const beta = (hi - mu) / sigma;
    return {
      family: 'truncnorm',
      params: [mu, sigma, lo, hi],
      cdf: (x) => truncatedNormalCdf(x, mu, sigma, lo, hi),
      fromZ: (z) => {
        const x = mu + sigma * standardTruncatedQuantile(normalCdf(z), alpha, beta);
        return x < lo ? lo : Math.min(x, hi);
      },
    };
  },
};
