import { type SampleContext, SynthkitError, type ViewTable } from '@synthkit/core';
import { throwIfAborted } from '../train/train-loop.js';
import { concatViews, takeRows } from './view-rows.js';

export interface StreamRowsOptions {
  /** Produces the next chunk of generated rows. */
  readonly generate: () => ViewTable | Promise<ViewTable>;
  /** Keeps the rows that meet the request (see conditionFilter); all when absent. */
  readonly accept?: (view: ViewTable) => Int32Array;
  /** Rows per generate() call, for the rejection budget. */
  readonly chunk: number;
}

/**
 * Re-chunks generated rows into batches of ctx.batchSize until n rows are out, dropping rows the
 * filter rejects; CONDITION_UNSATISFIABLE when 100·n rows (at least 20 chunks) gave too few.
 */
export async function* streamRows(
  n: number,
  ctx: SampleContext,
  options: StreamRowsOptions,
): AsyncIterable<ViewTable> {
  const out = Math.max(1, ctx.batchSize);
  const budget = Math.max(20 * options.chunk, 100 * n);
  let pending: ViewTable[] = [];
  let pendingRows = 0;
  let produced = 0;
  let generated = 0;
  while (produced < n) {
    throwIfAborted(ctx.signal);
    if (generated >= budget)
      throw new SynthkitError(
        'CONDITION_UNSATISFIABLE',
        `Only ${produced + pendingRows} of ${n} rows met the conditions in ${generated} generated rows`,
        {
          hint: 'The model rarely produces rows like these; relax the conditions or train longer',
        },
      );
    let rows = await options.generate();
    generated += rows.nRows;
    if (options.accept) rows = takeRows(rows, options.accept(rows));
    if (rows.nRows > 0) {
      pending.push(rows);
      pendingRows += rows.nRows;
    }
    while (pendingRows >= out || (pendingRows > 0 && produced + pendingRows >= n)) {
      const all = concatViews(pending);
      const take = Math.min(out, n - produced);
      yield take === all.nRows ? all : takeRows(all, range(0, take));
      produced += take;
      pendingRows = all.nRows - take;
      pending = pendingRows > 0 ? [takeRows(all, range(take, all.nRows))] : [];
      if (produced >= n) return;
    }
  }
}

function range(start: number, end: number): Int32Array {
  return Int32Array.from({ length: end - start }, (_, i) => start + i);
}
