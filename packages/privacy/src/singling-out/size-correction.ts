import type { Rng } from '@synthkit/core';
import { type AlignedTable, takeAligned } from '../data/aligned.js';
import { countMatches, type Predicate } from './predicate.js';

/**
 * How many predicates single out a row depends on the table size. A predicate matching a random
 * row with probability w singles out one row of n with probability n·w·(1 − w)^(n−1) (Cohen &
 * Nissim, PNAS 117:8344, 2020); with w spread uniformly on [0, w_eff] the expected share is
 * I(n) = (1 − (n·w_eff + 1)(1 − w_eff)^n)/(n + 1) up to a factor. As Anonymeter does when the
 * control and training sets differ in size, the factor and w_eff are fitted to counts measured on
 * subsamples of control, and the control successes are scaled by I(n_train)/I(n_control).
 */
export function singlingOutSizeCorrection(
  queries: readonly Predicate[],
  control: AlignedTable,
  nTrain: number,
  rng: Rng,
): number {
  const nControl = control.nRows;
  if (nControl === nTrain || queries.length === 0) return 1;
  const sizes: number[] = [];
  const successes: number[] = [];
  const smallest = Math.min(1000, nControl);
  for (let s = 0; s < 10; s++) {
    const size = Math.round(smallest + ((nControl - smallest) * s) / 9);
    for (let rep = 0; rep < 5; rep++) {
      const sub = takeAligned(control, rng.permutation(nControl).subarray(0, size));
      let hits = 0;
      for (const q of queries) if (countMatches(q, sub) === 1) hits++;
      sizes.push(size);
      successes.push(hits);
    }
  }
  const wEff = fitWeight(sizes, successes);
  const model = (n: number) => integral(n, wEff);
  const correction = model(nTrain) / model(nControl);
  return Number.isFinite(correction) && correction > 0 ? correction : 1;
}

export function integral(n: number, w: number): number {
  return (1 - (n * w + 1) * (1 - w) ** n) / (n + 1);
}

/** Least squares of successes ≈ norm · I(size, w) over w (norm solved in closed form per w). */
function fitWeight(sizes: number[], successes: number[]): number {
  const sse = (logW: number): number => {
    const w = Math.exp(logW);
    let sf = 0;
    let ff = 0;
    for (let i = 0; i < sizes.length; i++) {
      const f = integral(sizes[i]!, w);
      sf += successes[i]! * f;
      ff += f * f;
    }
    const norm = ff > 0 ? sf / ff : 0;
    let e = 0;
    for (let i = 0; i < sizes.length; i++) e += (successes[i]! - norm * integral(sizes[i]!, w)) ** 2;
    return e;
  };
  // coarse grid on log w, then golden-section refinement around the best point
  let best = Math.log(1e-9);
  let bestErr = Number.POSITIVE_INFINITY;
  const lo0 = Math.log(1e-9);
  const step = -lo0 / 200;
  for (let g = 0; g <= 200; g++) {
    const lw = lo0 + g * step;
    const e = sse(lw);
    if (e < bestErr) {
      bestErr = e;
      best = lw;
    }
  }
  let a = best - step;
  let b = Math.min(0, best + step);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 40; it++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (sse(c) < sse(d)) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}
