import { SynthkitError } from '../errors/synthkit-error.js';
import type { Rng } from '../rng/rng.js';
import type { Table } from '../table/table.js';
import { asSynthkitError, throwIfAborted } from './abort.js';
import type { ResolvedConditions } from './conditions.js';
import { type Fitted, reverseReparams } from './fitted.js';
import { checkViewShape, fromView } from './view.js';

/** Rejection gives up below this acceptance rate (1 row kept in 100 drawn)... */
const MIN_ACCEPTANCE = 0.01;
/** ...once at least this many rows were drawn. */
const MIN_DRAWS = 10_000;

export interface DrawOptions {
  readonly batchSize: number;
  readonly signal: AbortSignal | undefined;
}

/**
 * Exactly `n` rows of learned columns (ids and PII not yet added), in batches: the model samples,
 * its output is turned back into table columns, and rows breaking a constraint or a condition are
 * rejected and drawn again. Rejection gives up with an error naming the constraint or condition that
 * threw away most rows once fewer than 1 row in 100 is kept.
 */
export async function* drawRows(
  f: Fitted,
  n: number,
  conditions: ResolvedConditions,
  rng: Rng,
  o: DrawOptions,
): AsyncGenerator<Table> {
  const rejectedBy = new Float64Array(f.constraints.length + conditions.checks.length);
  let kept = 0;
  let drawn = 0;
  for (let round = 0; kept < n; round++) {
    const want = n - kept;
    const rate = drawn === 0 ? 1 : Math.max(kept / drawn, MIN_ACCEPTANCE);
    const ask = round === 0 ? want : Math.ceil((want / rate) * 1.2) + 16;
    const ctx = {
      rng: rng.fork(`round ${round}`),
      signal: o.signal,
      progress: () => {},
      conditions: conditions.passed,
      batchSize: o.batchSize,
    };
    let got = 0;
    const iterator = f.model.sample(ask, ctx)[Symbol.asyncIterator]();
    try {
      for (;;) {
        throwIfAborted(o.signal);
        let step: IteratorResult<import('../plugin/types.js').ViewTable>;
        try {
          step = await iterator.next();
        } catch (e) {
          throwIfAborted(o.signal);
          throw asSynthkitError(e, `Generator "${f.generator.name}" sampling`);
        }
        if (step.done) break;
        const batch = step.value;
        checkViewShape(f.modelSignature, batch, f.generator.name);
        got += batch.nRows;
        drawn += batch.nRows;
        const table = fromView(f.plan, reverseReparams(f.reparams, batch));
        if (rejectedBy.length === 0 && table.nRows <= n - kept) {
          // Nothing to check and every row wanted: the batch as it is.
          kept += table.nRows;
          if (table.nRows > 0) yield table;
        } else {
          const valid = new Uint8Array(table.nRows).fill(1);
          let k = 0;
          for (const c of f.constraints) rejectedBy[k++]! += c.markInvalid(table, valid);
          for (const c of conditions.checks) rejectedBy[k++]! += c.markInvalid(table, valid);
          const rows = keptRows(valid, n - kept);
          if (rows.length > 0) {
            kept += rows.length;
            yield rows.length === table.nRows ? table : table.take(rows);
          }
        }
        if (kept >= n) return;
        if (drawn >= MIN_DRAWS && kept / drawn < MIN_ACCEPTANCE)
          throw unsatisfiable(f, conditions, rejectedBy, kept, drawn);
      }
    } finally {
      await iterator.return?.();
    }
    if (got === 0)
      throw new SynthkitError(
        'BAD_PLUGIN',
        `Generator "${f.generator.name}" returned no rows when asked for ${ask}`,
        {
          hint: 'FittedModel.sample(n) must yield n rows in total; report this to the plugin author',
        },
      );
  }
}

function keptRows(valid: Uint8Array, max: number): Int32Array {
  let count = 0;
  for (let i = 0; i < valid.length && count < max; i++) count += valid[i]!;
  const rows = new Int32Array(count);
  for (let i = 0, o = 0; o < count; i++) if (valid[i] === 1) rows[o++] = i;
  return rows;
}

function unsatisfiable(
  f: Fitted,
  conditions: ResolvedConditions,
  rejectedBy: Float64Array,
  kept: number,
  drawn: number,
): SynthkitError {
  let worst = 0;
  for (let k = 1; k < rejectedBy.length; k++) if (rejectedBy[k]! > rejectedBy[worst]!) worst = k;
  const rate = `only ${kept} of ${drawn} sampled rows passed`;
  if (worst < f.constraints.length) {
    const c = f.constraints[worst]!.constraint;
    return new SynthkitError(
      'CONSTRAINT_UNSATISFIABLE',
      `Cannot sample rows that meet constraint ${c.name}: ${rate}`,
      {
        column: c.columns[c.columns.length - 1]!,
        hint: 'The model rarely produces rows that meet it: check the constraint against the data, or relax it',
      },
    );
  }
  const c = conditions.checks[worst - f.constraints.length]!;
  return new SynthkitError('CONDITION_UNSATISFIABLE', `Cannot sample rows where ${c.name}: ${rate}`, {
    column: c.column,
    hint: 'The value or range is too rare for this model (or outside the data); widen the condition or pick a generator that supports conditions',
  });
}
