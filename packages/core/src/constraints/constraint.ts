import { SynthkitError } from '../errors/synthkit-error.js';
import type { ConstraintSpec } from '../metadata/types.js';
import type { JsonValue, ViewColumn, ViewTable } from '../plugin/types.js';
import type { ViewPlan } from '../synthesizer/view.js';
import type { Column } from '../table/column.js';
import type { Table } from '../table/table.js';

/**
 * A rule every synthetic row must follow. Declarative ones come from `metadata.constraints` (and are
 * saved with a model); predicates are code and must be passed again when a model is loaded.
 */
export interface Constraint {
  readonly type: string;
  /** For messages, e.g. `inequality(pickup <= dropoff)`. */
  readonly name: string;
  readonly columns: readonly string[];
  /** The JSON form; undefined for predicates written in code. */
  readonly spec: ConstraintSpec | undefined;
  /** Checks the training data (CONSTRAINT_VIOLATED_BY_DATA) and learns what checking needs. */
  fit(table: Table, plan: ViewPlan): FittedConstraint;
  /** The fitted form again from `FittedConstraint.state` (an artifact). */
  restore(state: JsonValue): FittedConstraint;
}

export interface FittedConstraint {
  readonly constraint: Constraint;
  /** Plain JSON, saved in artifacts. */
  readonly state: JsonValue;
  /**
   * A change of variables in the view that makes the constraint hold by construction, if there is
   * one, built for the view as it stands before it (`before` has the columns and labels, no rows needed).
   */
  readonly reparam: ((before: ViewTable) => Reparam) | undefined;
  /** Sets valid[i] = 0 for each row that breaks the constraint and returns how many it newly rejected. */
  markInvalid(table: Table, valid: Uint8Array): number;
}

export interface Reparam {
  /** View columns the generator sees in changed form (conditions on them go through rejection). */
  readonly touches: readonly string[];
  forward(view: ViewTable): ViewTable;
  reverse(view: ViewTable): ViewTable;
  /**
   * An equals-condition in the changed view equivalent to fixing these touched columns to these
   * labels, when there is exactly one (e.g. city = Paris fixes the merged city+country column).
   */
  equalsFor?(labels: ReadonlyMap<string, string>): { column: string; code: number } | undefined;
  /** A range on a touched column in the changed view's units, when the change is monotone. */
  rangeFor?(column: string, min: number, max: number): { min: number; max: number } | undefined;
}

/** Throws CONSTRAINT_VIOLATED_BY_DATA naming the first training row that breaks `fitted`. */
export function assertHoldsOnData(fitted: FittedConstraint, table: Table): void {
  const valid = new Uint8Array(table.nRows).fill(1);
  const bad = fitted.markInvalid(table, valid);
  if (bad === 0) return;
  const row = valid.indexOf(0) + 1;
  const c = fitted.constraint;
  throw new SynthkitError(
    'CONSTRAINT_VIOLATED_BY_DATA',
    `The training data breaks constraint ${c.name} in ${bad} row${bad === 1 ? '' : 's'}`,
    {
      column: c.columns[c.columns.length - 1]!,
      row,
      hint: `Fix row ${row} (and the others) in the data, or remove the constraint`,
    },
  );
}

/** A table column's values as numbers (NaN = missing) for numerical and datetime columns. */
export function numericValues(table: Table, name: string, constraint: string): Float64Array {
  const c: Column = table.column(name);
  if (c.type === 'number' || c.type === 'datetime') return c.values;
  throw new SynthkitError(
    'TYPE_MISMATCH',
    `Constraint ${constraint} needs a numerical or datetime column, "${name}" is ${c.type}`,
    {
      column: name,
      hint: 'Use fixedCombinations or a predicate for categorical columns',
    },
  );
}

/** Sets valid[i] = 0 where `broken(i)` among rows still valid; returns how many it rejected. */
export function rejectWhere(valid: Uint8Array, broken: (i: number) => boolean): number {
  let bad = 0;
  for (let i = 0; i < valid.length; i++)
    if (valid[i] === 1 && broken(i)) {
      valid[i] = 0;
      bad++;
    }
  return bad;
}

/** Checks that the constrained columns exist in the table. */
export function requireColumns(table: Table, c: Constraint): void {
  for (const name of c.columns)
    if (!table.has(name))
      throw new SynthkitError(
        'UNKNOWN_COLUMN',
        `Constraint ${c.name} names column "${name}", which the table lacks`,
        {
          column: name,
          hint: `Columns are: ${table.names.join(', ')}`,
        },
      );
}

/** A copy of `view` with some columns replaced (by name), the others shared. */
export function replaceColumns(view: ViewTable, replaced: ReadonlyMap<string, ViewColumn>): ViewTable {
  return { nRows: view.nRows, columns: view.columns.map((c) => replaced.get(c.name) ?? c) };
}

export function continuousValues(view: ViewTable, name: string): Float64Array {
  const c = view.columns.find((x) => x.name === name);
  if (c?.kind !== 'continuous') throw new Error(`view has no continuous column "${name}"`);
  return c.values;
}
