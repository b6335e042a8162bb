import { Rng, SynthkitError, type Table } from '@synthkit/core';

export interface SplitOptions {
  /** Share of rows held out as control, in (0, 1) (default 0.2). */
  holdout?: number;
  seed?: number;
}

/**
 * Random split of a real table into the rows a generator may learn (`train`) and the rows held
 * back to calibrate privacy attacks (`control`). Row order within each part follows the input.
 *
 *   const { train, control } = splitTable(table, { holdout: 0.2, seed: 0 });
 */
export function splitTable(table: Table, options: SplitOptions = {}): { train: Table; control: Table } {
  const holdout = options.holdout ?? 0.2;
  if (!(holdout > 0 && holdout < 1))
    throw new SynthkitError('BAD_OPTION', `holdout must be a share between 0 and 1, got ${holdout}`, {
      hint: 'For example 0.2 keeps 20% of the rows as control',
    });
  const nControl = Math.round(table.nRows * holdout);
  if (nControl < 1 || nControl >= table.nRows)
    throw new SynthkitError(
      'NO_ROWS',
      `Cannot hold out ${(100 * holdout).toFixed(0)}% of ${table.nRows} rows and keep rows on both sides`,
      {
        hint: 'Use a table with more rows or a holdout nearer 0.5',
      },
    );
  const perm = new Rng(options.seed ?? 0).fork('split').permutation(table.nRows);
  const control = perm.subarray(0, nControl).sort();
  const train = perm.subarray(nControl).sort();
  return { train: table.take(train), control: table.take(control) };
}
