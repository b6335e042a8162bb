/**
 * One-dimensional variational Bayesian Gaussian mixture with a truncated Dirichlet-process
 * (stick-breaking) prior on the weights: Blei & Jordan (2006), "Variational inference for Dirichlet
 * process mixtures", with the Normal-Wishart updates of Bishop (2006) §10.2. This is the mixture
 * CTGAN's mode-specific normalisation uses (Xu et al., 2019, §4.2): components the data does not
 * need get weights near zero and are dropped by a weight threshold.
 *
 * Speed: EM runs on the distinct values with their counts, which gives the same fixed point as the
 * full column (the updates only use weighted sums) and turns most real columns into a few hundred
 * points instead of tens of thousands.
 *
 *   fitBayesianGmm(Float64Array.of(1, 1.1, 9, 9.2), { maxComponents: 10 }).means // ≈ [1.05, 9.1]
 */
export interface BayesianGmmOptions {
  /** Truncation level of the stick-breaking prior (the most modes a column may get). */
  readonly maxComponents: number;
  /** Components with a smaller weight are dropped (CTGAN: 0.005). */
  readonly weightThreshold?: number;
  /** Dirichlet-process concentration (CTGAN: 0.001: few components unless the data needs them). */
  readonly concentration?: number;
  readonly maxIterations?: number;
  /** Stop when the mean log normaliser changes less than this. */
  readonly tolerance?: number;
}

export interface BayesianGmm {
  /** Kept components only, in fitted order; weights renormalised over them. */
  readonly means: Float64Array;
  readonly stds: Float64Array;
  readonly weights: Float64Array;
  readonly iterations: number;
}

const REG_COVAR = 1e-6;
const EPS = 10 * Number.EPSILON;

export function fitBayesianGmm(values: Float64Array, options: BayesianGmmOptions): BayesianGmm {
  const { x, count } = distinctWithCounts(values);
  const n = values.length;
  const nPoints = x.length;
  // Never more components than distinct values: k-means could not seed them and they would be empty.
  const K = Math.max(1, Math.min(options.maxComponents, nPoints));
  const threshold = options.weightThreshold ?? 0.005;
  const gamma0 = options.concentration ?? 0.001;
  const maxIter = options.maxIterations ?? 100;
  const tol = options.tolerance ?? 1e-3;

  let mean0 = 0;
  for (let i = 0; i < nPoints; i++) mean0 += x[i]! * count[i]!;
  mean0 /= n;
  let var0 = 0;
  for (let i = 0; i < nPoints; i++) var0 += count[i]! * (x[i]! - mean0) ** 2;
  var0 /= n;
  if (nPoints === 1) {
    return {
      means: Float64Array.of(x[0]!),
      stds: Float64Array.of(0),
      weights: Float64Array.of(1),
      iterations: 0,
    };
  }
  // Priors as scikit-learn's BayesianGaussianMixture defaults for one feature.
  const beta0 = 1; // mean precision prior
  const nu0 = 1; // degrees of freedom prior = n_features
  const covPrior = var0;

  const resp = new Float64Array(nPoints * K);
  kmeansInit(x, count, K, resp);

  const nk = new Float64Array(K);
  const xk = new Float64Array(K);
  const sk = new Float64Array(K);
  const alpha = new Float64Array(K);
  const beta = new Float64Array(K);
  const meanPrec = new Float64Array(K);
  const means = new Float64Array(K);
  const dof = new Float64Array(K);
  const cov = new Float64Array(K);
  const logW = new Float64Array(K);
  const constTerm = new Float64Array(K);
  const halfPrec = new Float64Array(K);

  const mStep = (): void => {
    nk.fill(EPS);
    xk.fill(0);
    sk.fill(0);
    for (let i = 0; i < nPoints; i++) {
      const c = count[i]!;
      const xi = x[i]!;
      for (let k = 0; k < K; k++) {
        const r = resp[i * K + k]! * c;
        nk[k] = nk[k]! + r;
        xk[k] = xk[k]! + r * xi;
      }
    }
    for (let k = 0; k < K; k++) xk[k] = xk[k]! / nk[k]!;
    for (let i = 0; i < nPoints; i++) {
      const c = count[i]!;
      const xi = x[i]!;
      for (let k = 0; k < K; k++) sk[k] = sk[k]! + resp[i * K + k]! * c * (xi - xk[k]!) ** 2;
    }
    let tail = 0;
    for (let k = K - 1; k >= 0; k--) {
      sk[k] = sk[k]! / nk[k]! + REG_COVAR;
      alpha[k] = 1 + nk[k]!;
      beta[k] = gamma0 + tail;
      tail += nk[k]!;
    }
    for (let k = 0; k < K; k++) {
      meanPrec[k] = beta0 + nk[k]!;
      means[k] = (beta0 * mean0 + nk[k]! * xk[k]!) / meanPrec[k]!;
      dof[k] = nu0 + nk[k]!;
      const d = xk[k]! - mean0;
      cov[k] = (covPrior + nk[k]! * sk[k]! + ((nk[k]! * beta0) / meanPrec[k]!) * d * d) / dof[k]!;
    }
  };

  // Expected log weights under the stick-breaking posterior and the k-only part of the expected
  // log density, so the inner loop is one multiply-add and one exp per point and component.
  const prepareEStep = (): void => {
    let stick = 0;
    for (let k = 0; k < K; k++) {
      const dSum = digamma(alpha[k]! + beta[k]!);
      logW[k] = digamma(alpha[k]!) - dSum + stick;
      stick += digamma(beta[k]!) - dSum;
      const prec = 1 / cov[k]!;
      const logLambda = Math.LN2 + digamma(0.5 * dof[k]!);
      constTerm[k] =
        logW[k]! -
        0.5 * Math.log(2 * Math.PI) +
        0.5 * Math.log(prec) -
        0.5 * Math.log(dof[k]!) +
        0.5 * (logLambda - 1 / meanPrec[k]!);
      halfPrec[k] = 0.5 * prec;
    }
  };

  const logp = new Float64Array(K);
  const eStep = (): number => {
    prepareEStep();
    let total = 0;
    for (let i = 0; i < nPoints; i++) {
      const xi = x[i]!;
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) {
        const d = xi - means[k]!;
        const v = constTerm[k]! - halfPrec[k]! * d * d;
        logp[k] = v;
        if (v > max) max = v;
      }
      let s = 0;
      for (let k = 0; k < K; k++) {
        const e = Math.exp(logp[k]! - max);
        resp[i * K + k] = e;
        s += e;
      }
      for (let k = 0; k < K; k++) resp[i * K + k] = resp[i * K + k]! / s;
      total += count[i]! * (max + Math.log(s));
    }
    return total / n;
  };

  let prev = Number.NEGATIVE_INFINITY;
  let iterations = 0;
  for (let it = 0; it < maxIter; it++) {
    mStep();
    const ll = eStep();
    iterations = it + 1;
    if (Math.abs(ll - prev) < tol) break;
    prev = ll;
  }
  mStep();

  // Stick-breaking mean weights: E[v_k] · Π_{j<k} (1 − E[v_j]).
  const w = new Float64Array(K);
  let rest = 1;
  let wSum = 0;
  for (let k = 0; k < K; k++) {
    const s = alpha[k]! + beta[k]!;
    w[k] = (alpha[k]! / s) * rest;
    rest *= beta[k]! / s;
    wSum += w[k]!;
  }
  const keep: number[] = [];
  for (let k = 0; k < K; k++) if (w[k]! / wSum > threshold) keep.push(k);
  if (keep.length === 0) keep.push(w.indexOf(Math.max(...w)));
  const kept = keep.reduce((a, k) => a + w[k]!, 0);
  return {
    means: Float64Array.from(keep, (k) => means[k]!),
    stds: Float64Array.from(keep, (k) => Math.sqrt(cov[k]!)),
    weights: Float64Array.from(keep, (k) => w[k]! / kept),
    iterations,
  };
}

/**
 * Posterior probability of each kept component for `value`, with the component weights and
 * Gaussian densities of the kept modes (the fitted model's E-step restricted to those modes).
 */
export function componentProbabilities(gmm: BayesianGmm, value: number, out: Float64Array): void {
  const K = gmm.means.length;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < K; k++) {
    const sd = gmm.stds[k]! > 0 ? gmm.stds[k]! : 1e-12;
    const z = (value - gmm.means[k]!) / sd;
    const v = Math.log(gmm.weights[k]!) - Math.log(sd) - 0.5 * z * z;
    out[k] = v;
    if (v > max) max = v;
  }
  let s = 0;
  for (let k = 0; k < K; k++) {
    out[k] = Math.exp(out[k]! - max);
    s += out[k]!;
  }
  for (let k = 0; k < K; k++) out[k] = out[k]! / s;
}

function distinctWithCounts(values: Float64Array): { x: Float64Array; count: Float64Array } {
  const sorted = Float64Array.from(values).sort();
  const x: number[] = [];
  const count: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) count[count.length - 1]!++;
    else {
      x.push(sorted[i]!);
      count.push(1);
    }
  }
  return { x: Float64Array.from(x), count: Float64Array.from(count) };
}

/**
 * Hard responsibilities from weighted 1-D k-means seeded at evenly spaced quantiles of the sorted
 * distinct values: deterministic without a random seed, and a reasonable start for EM.
 */
function kmeansInit(x: Float64Array, count: Float64Array, K: number, resp: Float64Array): void {
  const n = x.length;
  const centers = new Float64Array(K);
  for (let k = 0; k < K; k++) centers[k] = x[Math.min(n - 1, Math.floor(((k + 0.5) * n) / K))]!;
  const label = new Int32Array(n);
  const sum = new Float64Array(K);
  const w = new Float64Array(K);
  for (let it = 0; it < 30; it++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Number.POSITIVE_INFINITY;
      for (let k = 0; k < K; k++) {
        const d = Math.abs(x[i]! - centers[k]!);
        if (d < bestD) {
          bestD = d;
          best = k;
        }
      }
      if (label[i] !== best || it === 0) changed = true;
      label[i] = best;
    }
    if (!changed) break;
    sum.fill(0);
    w.fill(0);
    for (let i = 0; i < n; i++) {
      const l = label[i]!;
      sum[l] = sum[l]! + x[i]! * count[i]!;
      w[l] = w[l]! + count[i]!;
    }
    for (let k = 0; k < K; k++) if (w[k]! > 0) centers[k] = sum[k]! / w[k]!;
  }
  resp.fill(0);
  for (let i = 0; i < n; i++) resp[i * K + label[i]!] = 1;
}

/** ψ(x) for x > 0: recurrence up to x ≥ 6, then the asymptotic series (Abramowitz & Stegun 6.3.18). */
export function digamma(x: number): number {
  let r = 0;
  while (x < 6) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}
