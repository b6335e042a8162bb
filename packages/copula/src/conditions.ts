import { SynthkitError, type ViewCondition } from '@synthkit/core';
import type { ContinuousColumn } from './columns/continuous-column.js';
import type { DiscreteColumn } from './columns/discrete-column.js';

/** Conditions resolved to latent intervals: fixed column indices with their [lo, hi] on the z scale. */
export interface LatentBox {
  readonly fixed: number[];
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** Per fixed column: the code every row gets (discrete) or the [min, max] values are clamped to. */
  readonly pin: Array<{ code: number } | { min: number; max: number }>;
}

/** Turns view conditions into latent intervals, with a clear error for anything that cannot hold. */
export function resolveConditions(
  columns: ReadonlyArray<ContinuousColumn | DiscreteColumn>,
  conditions: readonly ViewCondition[],
): LatentBox {
  const byName = new Map(columns.map((c, i) => [c.name, i] as const));
  const fixed: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const pin: LatentBox['pin'] = [];
  for (const cond of conditions) {
    const j = byName.get(cond.column);
    if (j === undefined)
      throw new SynthkitError('BAD_CONDITION', `No column "${cond.column}" to condition on`, {
        column: cond.column,
        hint: `Columns are: ${columns.map((c) => c.name).join(', ')}`,
      });
    if (fixed.includes(j))
      throw new SynthkitError('BAD_CONDITION', `Column "${cond.column}" is conditioned on twice`, {
        column: cond.column,
        hint: 'Give one condition per column (a range can express both bounds)',
      });
    const col = columns[j]!;
    let interval: [number, number] | undefined;
    if (cond.kind === 'equals') {
      if (col.kind !== 'discrete')
        throw new SynthkitError(
          'BAD_CONDITION',
          `Column "${col.name}" is continuous: condition it with a range`,
          {
            column: col.name,
            hint: 'Use { kind: "range", min, max } (min = max for an exact value)',
          },
        );
      interval = col.zInterval(cond.code);
      if (!interval)
        throw new SynthkitError(
          'CONDITION_UNSATISFIABLE',
          `Column "${col.name}" never had ${col.labels[cond.code] !== undefined ? `the value "${col.labels[cond.code]}"` : `code ${cond.code}`} in the training data`,
          {
            column: col.name,
            hint: 'The copula only produces categories it has seen; pick one of the trained values',
          },
        );
      pin.push({ code: cond.code });
    } else {
      if (col.kind !== 'continuous')
        throw new SynthkitError(
          'BAD_CONDITION',
          `Column "${col.name}" is discrete: condition it with equals`,
          {
            column: col.name,
            hint: 'Use { kind: "equals", code } with one of the column labels',
          },
        );
      if (!(cond.min <= cond.max))
        throw new SynthkitError(
          'BAD_CONDITION',
          `Range on "${col.name}" has min ${cond.min} above max ${cond.max}`,
          {
            column: col.name,
            hint: 'Swap the bounds',
          },
        );
      interval = col.table.zRange(cond.min, cond.max);
      if (!interval)
        throw new SynthkitError(
          'CONDITION_UNSATISFIABLE',
          `No value of "${col.name}" lies in [${cond.min}, ${cond.max}]`,
          { column: col.name, hint: `The fitted column ranges over [${col.table.min}, ${col.table.max}]` },
        );
      pin.push({ min: cond.min, max: cond.max });
    }
    fixed.push(j);
    lo.push(interval[0]);
    hi.push(interval[1]);
  }
  return { fixed, lo: Float64Array.from(lo), hi: Float64Array.from(hi), pin };
}
