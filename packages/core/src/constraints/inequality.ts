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

/**
 * low <= high (low < high when strict), e.g. a taxi's pickup before its dropoff or a hotel guest's
 * check-in before check-out. Learned as (low, log(1 + high - low)) so that any generated pair maps
 * back to high >= low (SDV's Inequality constraint does the same change of variables). Rows where
 * either value is missing satisfy it; when either column has missing values, rejection alone enforces it.
 */
export function inequality(low: string, high: string, options: { strict?: boolean } = {}): Constraint {
  const strict = options.strict ?? false;
  const name = `inequality(${low} ${strict ? '<' : '<='} ${high})`;
  const constraint: Constraint = {
    type: 'inequality',
    name,
    columns: [low, high],
    spec: { type: 'inequality', low, high, strict },
    fit(table: Table, plan: ViewPlan) {
      requireColumns(table, constraint);
      numericValues(table, low, name);
      numericValues(table, high, name);
      const p = (n: string) => plan.columns.find((x) => x.name === n);
      const lp = p(low);
      const hp = p(high);
      const reparam =
        lp?.kind === 'continuous' && hp?.kind === 'continuous' && lp.fill === null && hp.fill === null;
      const fitted = restore({ reparam });
      assertHoldsOnData(fitted, table);
      return fitted;
    },
    restore: (state) => restore(state as { reparam: boolean }),
  };

  function restore(state: { reparam: boolean }): FittedConstraint {
    return {
      constraint,
      state,
      reparam: state.reparam ? () => differenceReparam(low, high) : undefined,
      markInvalid(table, valid) {
        const a = numericValues(table, low, name);
        const b = numericValues(table, high, name);
        // NaN compares false both ways, so missing values never count as a violation.
        return rejectWhere(valid, strict ? (i) => a[i]! >= b[i]! : (i) => a[i]! > b[i]!);
      },
    };
  }
  return constraint;
}

function differenceReparam(low: string, high: string): Reparam {
  const swap = (view: Parameters<Reparam['forward']>[0], f: (l: number, h: number) => number) => {
    const l = continuousValues(view, low);
    const h = continuousValues(view, high);
    const values = new Float64Array(h.length);
    for (let i = 0; i < h.length; i++) values[i] = f(l[i]!, h[i]!);
    return replaceColumns(view, new Map([[high, { kind: 'continuous', name: high, values }]]));
  };
  return {
    touches: [high],
    forward: (view) => swap(view, (l, h) => Math.log1p(Math.max(0, h - l))),
    reverse: (view) => swap(view, (l, z) => l + Math.max(0, Math.expm1(z))),
  };
}
