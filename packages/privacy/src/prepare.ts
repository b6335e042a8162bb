import { type AttackInput, type Rng, SynthkitError } from '@synthkit/core';
import { type AlignedInput, type AlignedTable, alignTables, takeAligned } from './data/aligned.js';
import { overlapCounts } from './data/row-keys.js';

/** Fewer rows than this in any table and no attack can tell leakage from chance. */
export const MIN_ROWS = 20;
/** Control below this share of train cannot calibrate the attacks, even with size adjustments. */
export const MIN_CONTROL_SHARE = 0.05;
/** Below this share of train, the attacks that depend on set size are size-corrected (SDMetrics warns at 0.5 too). */
export const SMALL_CONTROL_SHARE = 0.5;

export interface PreparedAudit extends AlignedInput {
  /** Things the user should know about the inputs, shown once in the report. */
  readonly warnings: readonly string[];
  /** Rows of control that are exact copies of a train row. */
  readonly overlap: { readonly shared: number; readonly expected: number };
}

const cache = new WeakMap<AttackInput, PreparedAudit>();

/**
 * Aligns the three tables and checks them: too few rows or a far too small control set is an
 * error; control rows copied from train and a small control set are warnings. Cached per input
 * object, so the attacks of one audit share the work.
 */
export function prepareAudit(input: AttackInput): PreparedAudit {
  const hit = cache.get(input);
  if (hit) return hit;
  for (const [name, t] of [
    ['train', input.train],
    ['control', input.control],
    ['synthetic', input.synthetic],
  ] as const)
    if (t.nRows < MIN_ROWS)
      throw new SynthkitError(
        'NO_ROWS',
        `The ${name} table has ${t.nRows} rows; privacy attacks need at least ${MIN_ROWS} in each table`,
        {
          hint:
            name === 'control'
              ? 'Hold out more real rows as control (synthkit split --holdout 0.2)'
              : `Pass a ${name} table with more rows: with so few, no attack can tell leakage from chance`,
        },
      );
  const share = input.control.nRows / input.train.nRows;
  if (share < MIN_CONTROL_SHARE)
    throw new SynthkitError(
      'BAD_VALUE',
      `The control table has ${input.control.nRows} rows for ${input.train.nRows} train rows (${(100 * share).toFixed(1)}%); below ${100 * MIN_CONTROL_SHARE}% the control attacks cannot calibrate the risk`,
      {
        hint: 'Hold out at least 5% of the real rows (synthkit split --holdout 0.2), or audit on a random subset of train',
      },
    );
  const aligned = alignTables(input.train, input.control, input.synthetic, input.metadata);
  const warnings = aligned.dropped.map((d) => `Column ${d}.`);
  if (share < SMALL_CONTROL_SHARE)
    warnings.push(
      `Control has ${input.control.nRows} rows, ${(100 * share).toFixed(0)}% of train's ${input.train.nRows}: set-size dependent measures are adjusted (the DCR share is compared with its no-leak value, singling out is compared on equal-size subsets) and their intervals are wider. A control set at least half the size of train gives sharper results.`,
    );
  const { shared, duplicatesWithinA } = overlapCounts(aligned.train, aligned.control);
  // independent samples share rows only through natural duplicates: about as often as train repeats itself
  const expected = (input.control.nRows * duplicatesWithinA) / input.train.nRows;
  if (shared > 2 * expected + 3)
    warnings.push(
      `${shared} control rows are exact copies of train rows (about ${expected.toFixed(1)} expected from duplicates already in the data): the control set is not independent of train, so every risk below is underestimated. Split the data before training (synthkit split).`,
    );
  const prepared: PreparedAudit = { ...aligned, warnings, overlap: { shared, expected } };
  cache.set(input, prepared);
  return prepared;
}

/** Lets another input object of the same tables (e.g. with secrets added) reuse the preparation. */
export function reusePrepared(input: AttackInput, prepared: PreparedAudit): void {
  cache.set(input, prepared);
}

/** `n` distinct random rows of `t` (all of them, shuffled, when n ≥ nRows). */
export function sampleRows(t: AlignedTable, n: number, rng: Rng): AlignedTable {
  return takeAligned(t, rng.permutation(t.nRows).subarray(0, Math.min(n, t.nRows)));
}
