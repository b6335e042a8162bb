import type { Column } from '../table/column.js';
import { MISSING_BOOL } from '../table/column.js';
import type { Table } from '../table/table.js';
import {
  assertHoldsOnData,
  type Constraint,
  type FittedConstraint,
  rejectWhere,
  requireColumns,
} from './constraint.js';

/** A row's values as a predicate sees them: numbers (datetimes as epoch ms), strings, booleans; null when missing. */
export type PredicateRow = Record<string, number | string | boolean | null>;

/**
 * A rule written in code: `predicate('adult drivers', ['age', 'licence'], (r) => r.licence !== 'yes' || r.age >= 17)`.
 * Enforced by rejection. For speed the row object is one per batch, refilled for each row: read
 * it inside the call, do not keep it. Predicates are code, so they are not saved in a model file;
 * pass them again to `Synthesizer.load(bytes, { constraints })`.
 */
export function predicate(
  name: string,
  columns: readonly string[],
  test: (row: PredicateRow) => boolean,
): Constraint {
  const constraint: Constraint = {
    type: 'predicate',
    name: `predicate(${name})`,
    columns,
    spec: undefined,
    fit(table: Table) {
      requireColumns(table, constraint);
      assertHoldsOnData(fitted, table);
      return fitted;
    },
    restore: () => fitted,
  };
  const fitted: FittedConstraint = {
    constraint,
    state: { predicate: name },
    reparam: undefined,
    markInvalid(table, valid) {
      const readers = columns.map((c) => reader(table.column(c)));
      const row: PredicateRow = {};
      return rejectWhere(valid, (i) => {
        for (let j = 0; j < columns.length; j++) row[columns[j]!] = readers[j]!(i);
        return !test(row);
      });
    },
  };
  return constraint;
}

function reader(c: Column): (i: number) => number | string | boolean | null {
  switch (c.type) {
    case 'number':
    case 'datetime':
      return (i) => (Number.isNaN(c.values[i]!) ? null : c.values[i]!);
    case 'boolean':
      return (i) => (c.values[i] === MISSING_BOOL ? null : c.values[i] === 1);
    case 'categorical':
      return (i) => (c.codes[i]! < 0 ? null : c.categories[c.codes[i]!]!);
  }
}
