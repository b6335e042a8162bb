import type { AttackPlugin, AttackResult } from '@synthkit/core';
import { type AlignedTable, takeAligned } from '../data/aligned.js';
import { distinctRows } from '../data/row-keys.js';
import { prepareAudit } from '../prepare.js';
import {
  countMatches,
  describePredicate,
  distinctValues,
  randomPredicate,
} from '../singling-out/predicate.js';
import { multivariateQueries, univariateQueries } from '../singling-out/queries.js';
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
 * one training row. The control attack tries the same predicates on control rows, the baseline tries
 * random predicates. Duplicate rows are dropped first, as Anonymeter does. Whether a predicate
 * isolates one row depends on the table's size, so when train and control differ in size both are
 * compared at the smaller size: the larger is replaced by a random subset of that size. Both are
 * then random samples of one population under "no leak", so their success rates are directly
 * comparable (no size model to extrapolate with, at the cost of some power).
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
      const size = Math.min(train.nRows, control.nRows);
      const atSize = (t: AlignedTable, label: string) =>
        t.nRows > size ? takeAligned(t, rng.fork(label).permutation(t.nRows).subarray(0, size)) : t;
      const trainRows = atSize(train, 'train-subset');
      const controlRows = atSize(control, 'control-subset');
      if (train.nRows !== control.nRows)
        warnings.push(
          `Train (${train.nRows} distinct rows) and control (${control.nRows}) differ in size: both were compared at ${size} rows (a random subset of the larger), which keeps the comparison fair but lowers the attack's power; hold out as many control rows as train rows for the strongest test.`,
        );
      let success = 0;
      const examples: string[] = [];
      for (const q of queries)
        if (countMatches(q, trainRows) === 1) {
          success++;
          if (examples.length < 5) examples.push(describePredicate(q, p.schema));
        }
      let controlHits = 0;
      for (const q of queries) if (countMatches(q, controlRows) === 1) controlHits++;
      ctx.progress({ stage: name, done: 2, total: 3 });
      const distinct = distinctValues(synthetic);
      const randomRng = rng.fork('baseline');
      let baseline = 0;
      const width = mode === 'univariate' ? 1 : Math.min(nColumns, p.schema.names.length);
      for (let i = 0; i < queries.length; i++)
        if (countMatches(randomPredicate(p.schema, width, randomRng, distinct), trainRows) === 1) baseline++;
      ctx.progress({ stage: name, done: 3, total: 3 });
      return anonymeterResult(
        name,
        `singling out one person with ${mode} predicates taken from the synthetic rows`,
        { attacks: queries.length, success, baseline, control: controlHits },
        warnings,
        {
          mode,
          columnsPerPredicate: width,
          distinctRows: { train: train.nRows, control: control.nRows, synthetic: synthetic.nRows },
          comparedAtRows: size,
          examplePredicates: examples,
        },
      );
    },
  };
}
