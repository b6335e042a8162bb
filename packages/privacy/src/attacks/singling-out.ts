import type { AttackPlugin, AttackResult } from '@synthkit/core';
import { takeAligned } from '../data/aligned.js';
import { distinctRows } from '../data/row-keys.js';
import { prepareAudit } from '../prepare.js';
import {
  countMatches,
  describePredicate,
  distinctValues,
  randomPredicate,
} from '../singling-out/predicate.js';
import { multivariateQueries, univariateQueries } from '../singling-out/queries.js';
import { singlingOutSizeCorrection } from '../singling-out/size-correction.js';
import { anonymeterResult } from './anonymeter-result.js';
import { positiveInteger } from './options.js';

export interface SinglingOutOptions {
  mode?: 'univariate' | 'multivariate';
  /** Predicates to try (default 500). */
  attacks?: number;
  /** Columns per multivariate predicate (default 3). */
  columns?: number;
  /** Cap on multivariate predicate draws (default 100 × attacks). */
  maxAttempts?: number;
}

/**
 * Singling out (Anonymeter; Giomi et al., PETS 2023, §3.1): predicates that isolate exactly one
 * synthetic row are tried on the real rows; an attack succeeds when its predicate isolates exactly
 * one training row. The control attack tries the same predicates on control rows (size-corrected
 * when control and train differ in size), the baseline tries random predicates. Duplicate rows are
 * dropped first, as Anonymeter does.
 */
export function singlingOutAttack(options: SinglingOutOptions = {}): AttackPlugin {
  const mode = options.mode ?? 'multivariate';
  const nAttacks = positiveInteger(options.attacks ?? 500, 'attacks');
  const nColumns = positiveInteger(options.columns ?? 3, 'columns');
  const name = `singling-out-${mode}`;
  return {
    kind: 'attack',
    name,
    description: `Singling out with ${mode} predicates built from the synthetic rows (Anonymeter)`,
    async run(input, ctx): Promise<AttackResult> {
      const p = prepareAudit(input);
      const rng = ctx.rng.fork(name);
      const train = takeAligned(p.train, distinctRows(p.train));
      const control = takeAligned(p.control, distinctRows(p.control));
      const synthetic = takeAligned(p.synthetic, distinctRows(p.synthetic));
      const warnings: string[] = [];
      const generated =
        mode === 'univariate'
          ? { queries: univariateQueries(p.schema, synthetic, nAttacks, rng.fork('queries')), attempts: 0 }
          : multivariateQueries(
              p.schema,
              synthetic,
              nAttacks,
              nColumns,
              positiveInteger(options.maxAttempts ?? 100 * nAttacks, 'maxAttempts'),
              rng.fork('queries'),
            );
      const queries = generated.queries;
      ctx.progress({ stage: name, done: 1, total: 3 });
      if (queries.length === 0)
        return {
          name,
          risk: Number.NaN,
          ci: [Number.NaN, Number.NaN],
          verdict:
            'Not measured: no predicate singles out a synthetic row, so this attack has nothing to try.',
          warnings: ['No singling-out predicate could be built from the synthetic rows.'],
          details: { attacks: 0 },
        };
      if (queries.length < nAttacks)
        warnings.push(
          `Only ${queries.length} of ${nAttacks} ${mode} singling-out predicates could be built; the interval is wider and the risk may be underestimated.`,
        );
      let success = 0;
      const examples: string[] = [];
      for (const q of queries)
        if (countMatches(q, train) === 1) {
          success++;
          if (examples.length < 5) examples.push(describePredicate(q, p.schema));
        }
      let controlHits = 0;
      for (const q of queries) if (countMatches(q, control) === 1) controlHits++;
      const correction = singlingOutSizeCorrection(
        queries,
        control,
        train.nRows,
        rng.fork('size-correction'),
      );
      if (train.nRows > 2 * control.nRows)
        warnings.push(
          `Control successes (${controlHits} of ${queries.length}) were extrapolated from ${control.nRows} to ${train.nRows} rows with Anonymeter's size model (factor ${correction.toFixed(2)}), which assumes the predicates' match rates are spread evenly; treat this risk as approximate, or hold out as many control rows as train rows.`,
        );
      if (correction !== 1 && controlHits * correction > success && controlHits <= success)
        warnings.push(
          'The size correction lifted the control rate above the attack rate: the size model fits this synthetic table poorly, so a risk of 0 here is not conclusive.',
        );
      ctx.progress({ stage: name, done: 2, total: 3 });
      const distinct = distinctValues(synthetic);
      const randomRng = rng.fork('baseline');
      let baseline = 0;
      const width = mode === 'univariate' ? 1 : Math.min(nColumns, p.schema.names.length);
      for (let i = 0; i < queries.length; i++)
        if (countMatches(randomPredicate(p.schema, width, randomRng, distinct), train) === 1) baseline++;
      ctx.progress({ stage: name, done: 3, total: 3 });
      return anonymeterResult(
        name,
        `singling out one person with ${mode} predicates taken from the synthetic rows`,
        { attacks: queries.length, success, baseline, control: controlHits * correction },
        warnings,
        {
          mode,
          columnsPerPredicate: width,
          controlSizeCorrection: correction,
          distinctRows: { train: train.nRows, control: control.nRows, synthetic: synthetic.nRows },
          examplePredicates: examples,
        },
      );
    },
  };
}
