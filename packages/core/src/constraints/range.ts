import type { ViewTable } from '../plugin/types.js';
import type { ViewPlan } from '../synthesizer/view.js';
import type { Table } from '../table/table.js';
import {
  assertHoldsOnData,
  type Constraint,
  continuousValues,
  type FittedConstraint,
  numericValues,
  type Reparam,
  rejectWhere,
  replaceColumns,
  requireColumns,
} from './constraint.js';

/** Keeps values off the logit's infinities at the bounds themselves. */
const EPS = 1e-9;

export interface RangeOptions {
  min?: number;
  max?: number;
  /** Bounds excluded (`>` / `<`) instead of included. */
  strict?: boolean;
}

/**
 * A column stays within [min, max] (either side optional). Learned through a change of variables:
 * the logit of the value scaled to (0, 1) when both bounds are given, log(1 + distance to the bound)
 * when one is, so every generated value maps back inside the range.
 */
export function range(column: string, options: RangeOptions, type = 'range'): Constraint {
  const { min, max, strict = false } = options;
  const lo = min ?? Number.NEGATIVE_INFINITY;
  const hi = max ?? Number.POSITIVE_INFINITY;
  const op = strict ? '<' : '<=';
  const name =
    type === 'range'
      ? `range(${[min !== undefined ? `${min} ${op} ` : '', column, max !== undefined ? ` ${op} ${max}` : ''].join('')})`
      : `${type}(${column})`;
  const constraint: Constraint = {
    type,
    name,
    columns: [column],
    spec:
      type === 'range'
        ? {
            type: 'range',
            column,
            ...(min === undefined ? {} : { min }),
            ...(max === undefined ? {} : { max }),
          }
        : { type: type as 'positive' | 'negative', column, strict },
    fit(table: Table, plan: ViewPlan) {
      requireColumns(table, constraint);
      const p = plan.columns.find((x) => x.name === column);
      const fitted = restore({ reparam: p?.kind === 'continuous' });
      numericValues(table, column, name);
      assertHoldsOnData(fitted, table);
      return fitted;
    },
    restore: (state) => restore(state as { reparam: boolean }),
  };

  function restore(state: { reparam: boolean }): FittedConstraint {
    return {
      constraint,
      state,
      reparam: state.reparam ? () => rangeReparam(column, min, max) : undefined,
      markInvalid(table, valid) {
        const v = numericValues(table, column, name);
        return rejectWhere(
          valid,
          strict ? (i) => v[i]! <= lo || v[i]! >= hi : (i) => v[i]! < lo || v[i]! > hi,
        );
      },
    };
  }
  return constraint;
}

function rangeReparam(column: string, min: number | undefined, max: number | undefined): Reparam {
  let to: (x: number) => number;
  let from: (z: number) => number;
  let increasing = true;
  if (min !== undefined && max !== undefined) {
    const w = max - min || 1;
    to = (x) => {
      const s = Math.min(1 - EPS, Math.max(EPS, (x - min) / w));
      return Math.log(s / (1 - s));
    };
    from = (z) => Math.min(max, Math.max(min, min + w / (1 + Math.exp(-z))));
  } else if (min !== undefined) {
    to = (x) => Math.log1p(Math.max(0, x - min));
    from = (z) => min + Math.max(0, Math.expm1(z));
  } else {
    to = (x) => Math.log1p(Math.max(0, max! - x));
    from = (z) => max! - Math.max(0, Math.expm1(z));
    increasing = false;
  }
  const map = (view: ViewTable, f: (x: number) => number): ViewTable => {
    const src = continuousValues(view, column);
    const values = new Float64Array(src.length);
    for (let i = 0; i < src.length; i++) values[i] = f(src[i]!);
    return replaceColumns(view, new Map([[column, { kind: 'continuous', name: column, values }]]));
  };
  return {
    touches: [column],
    forward: (view) => map(view, to),
    reverse: (view) => map(view, from),
    rangeFor: (_column, lo, hi) => (increasing ? { min: to(lo), max: to(hi) } : { min: to(hi), max: to(lo) }),
  };
}
