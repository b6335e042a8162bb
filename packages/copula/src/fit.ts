import {
  EmpiricalCdf,
  fitFrequencyIntervals,
  frequencyIntervalBounds,
  isSynthkitError,
  type RunContext,
  SynthkitError,
  type ViewTable,
} from '@synthkit/core';
import { ContinuousColumn } from './columns/continuous-column.js';
import { DiscreteColumn } from './columns/discrete-column.js';
import { hermiteCoefficients, latentCorrelation } from './latent/bucket-correction.js';
import { correlationMatrix } from './latent/correlation.js';
import { nearestCorrelation } from './latent/nearest-correlation.js';
import { continuousScores, discreteScores } from './latent/normal-scores.js';
import type { Family } from './marginals/marginal.js';
import { selectMarginal } from './marginals/select.js';
import { type CopulaColumn, CopulaModel } from './model.js';

export type MarginalChoice = 'auto' | Exclude<Family, 'constant'>;

/**
 * Fits a Gaussian copula to a view: a marginal per continuous column (selectMarginal), frequency
 * intervals per discrete column, and the correlation of the columns' latent normal scores, corrected
 * for the attenuation ties cause (bucket-correction.ts) and repaired to the nearest positive-definite
 * correlation matrix.
 */
export function fitCopula(
  view: ViewTable,
  marginals: MarginalChoice,
  ctx: Pick<RunContext, 'rng' | 'progress' | 'signal'>,
): CopulaModel {
  const n = view.nRows;
  if (!(n >= 1))
    throw new SynthkitError('NO_ROWS', 'Cannot fit a copula on zero rows', { hint: 'Give at least one row' });
  if (view.columns.length === 0)
    throw new SynthkitError('UNSUPPORTED', 'Cannot fit a copula on a table without columns', {
      hint: 'Keep at least one column that is not an id or PII',
    });
  const rng = ctx.rng.fork('copula/fit');
  const columns: CopulaColumn[] = [];
  const candidates: Array<ReadonlyArray<{ family: Family; ks: number }>> = [];
  const scores: Float64Array[] = [];
  const hermite: Float64Array[] = [];
  view.columns.forEach((col, j) => {
    if (ctx.signal?.aborted) throw new SynthkitError('ABORTED', 'Fitting was aborted');
    const colRng = rng.fork(`scores:${j}`);
    try {
      if (col.kind === 'continuous') {
        if (col.values.length !== n) throw lengthError(col.name, col.values.length, n);
        const ecdf = EmpiricalCdf.of(col.values);
        const s = selectMarginal(ecdf, marginals);
        columns.push(ContinuousColumn.fromMarginal(col.name, s.marginal));
        candidates.push(s.candidates);
        scores.push(continuousScores(col.values, ecdf, colRng));
        hermite.push(hermiteCoefficients(Float64Array.from(ecdf.counts, (c) => c / n)));
      } else {
        if (col.codes.length !== n) throw lengthError(col.name, col.codes.length, n);
        const state = fitFrequencyIntervals(col.codes, col.labels.length);
        columns.push(new DiscreteColumn(col.name, col.labels, state));
        candidates.push([]);
        scores.push(discreteScores(col.codes, state, colRng));
        const b = frequencyIntervalBounds(state);
        hermite.push(hermiteCoefficients(b.cuts.subarray(0, b.nonEmpty)));
      }
    } catch (e) {
      if (isSynthkitError(e) && e.column === undefined)
        throw new SynthkitError(e.code, `Column "${col.name}": ${e.message}`, {
          column: col.name,
          row: e.row,
          hint: e.hint,
          cause: e,
        });
      throw e;
    }
    ctx.progress?.({ stage: 'fit', done: j + 1, total: view.columns.length, message: col.name });
  });
  const d = columns.length;
  const raw = n >= 2 ? correlationMatrix(scores, n) : identity(d);
  // Ties and categories attenuate the correlation of jittered scores; undo it pair by pair.
  for (let a = 0; a < d; a++)
    for (let b = 0; b < a; b++) {
      const rho = latentCorrelation(raw[a * d + b]!, hermite[a]!, hermite[b]!);
      raw[a * d + b] = rho;
      raw[b * d + a] = rho;
    }
  return new CopulaModel(columns, nearestCorrelation(raw, d), candidates);
}

function identity(d: number): Float64Array {
  const r = new Float64Array(d * d);
  for (let i = 0; i < d; i++) r[i * d + i] = 1;
  return r;
}

function lengthError(name: string, got: number, n: number): SynthkitError {
  return new SynthkitError('BAD_VALUE', `Column "${name}" has ${got} values but the view has ${n} rows`, {
    column: name,
  });
}
