import { SynthkitError } from '../errors/synthkit-error.js';
import type { DiscreteViewColumn, ViewColumn, ViewTable } from '../plugin/types.js';
import { toLabels } from '../synthesizer/labels.js';
import type { ViewPlan } from '../synthesizer/view.js';
import type { Table } from '../table/table.js';
import { MISSING_LABEL } from '../transforms/ordinal.js';
import {
  assertHoldsOnData,
  type Constraint,
  type FittedConstraint,
  type Reparam,
  rejectWhere,
  requireColumns,
} from './constraint.js';

type State = {
  /** Each combination seen in the data, as one label per column (missing as null). */
  combos: Array<Array<string | null>>;
  /** Whether the view gets one merged column instead of the members (all members discrete). */
  reparam: boolean;
};

/** Separates the member labels of a merged column's label, e.g. "Paris | France". */
export const COMBINATION_SEPARATOR = ' | ';

/**
 * Only combinations of these columns' values that appear together in the data (city <-> country).
 * Learned as one merged discrete column whose labels are the seen combinations, so a generator
 * cannot produce any other; the reverse splits it back into the member columns.
 */
export function fixedCombinations(columns: readonly string[]): Constraint {
  if (columns.length < 2)
    throw new SynthkitError('BAD_METADATA', 'fixedCombinations needs at least two columns', {
      hint: 'List the columns whose value combinations must stay as seen, e.g. ["city", "country"]',
    });
  const name = `fixedCombinations(${columns.join(', ')})`;
  const constraint: Constraint = {
    type: 'fixedCombinations',
    name,
    columns,
    spec: { type: 'fixedCombinations', columns: [...columns] },
    fit(table: Table, plan: ViewPlan) {
      requireColumns(table, constraint);
      const members = columns.map((c) => {
        const p = plan.columns.find((x) => x.name === c);
        if (p?.kind === 'discrete') return p;
        throw new SynthkitError(
          'TYPE_MISMATCH',
          `Constraint ${name} needs categorical or boolean columns, "${c}" is not`,
          {
            column: c,
            hint: 'Use an inequality, a range or a predicate for numerical columns',
          },
        );
      });
      const keys = comboKeys(table, columns);
      const seen = new Map<string, Array<string | null>>();
      for (let i = 0; i < keys.length; i++) if (!seen.has(keys[i]!)) seen.set(keys[i]!, JSON.parse(keys[i]!));
      const fitted = restore({ combos: [...seen.values()], reparam: members.length === columns.length });
      assertHoldsOnData(fitted, table);
      return fitted;
    },
    restore: (state) => restore(state as State),
  };

  function restore(state: State): FittedConstraint {
    const allowed = new Set(state.combos.map((c) => JSON.stringify(c)));
    return {
      constraint,
      state,
      reparam: state.reparam ? (before) => mergedReparam(columns, state.combos, before) : undefined,
      markInvalid(table, valid) {
        const keys = comboKeys(table, columns);
        return rejectWhere(valid, (i) => !allowed.has(keys[i]!));
      },
    };
  }
  return constraint;
}

/** The name of the merged view column. */
export function mergedColumnName(columns: readonly string[]): string {
  return columns.join('+');
}

/** JSON key of each row's combination (labels as in the view; missing as null). */
function comboKeys(table: Table, columns: readonly string[]): string[] {
  const cols = columns.map((c) => toLabels(table.column(c)));
  const keys = new Array<string>(table.nRows);
  const row = new Array<string | null>(columns.length);
  for (let i = 0; i < table.nRows; i++) {
    for (let j = 0; j < cols.length; j++) {
      const c = cols[j]!;
      const k = c.codes[i]!;
      row[j] = k < 0 ? null : c.categories[k]!;
    }
    keys[i] = JSON.stringify(row);
  }
  return keys;
}

function mergedReparam(
  columns: readonly string[],
  combos: Array<Array<string | null>>,
  before: ViewTable,
): Reparam {
  const merged = mergedColumnName(columns);
  const labels = combos.map((c) => c.map((v) => v ?? MISSING_LABEL).join(COMBINATION_SEPARATOR));
  const members = columns.map((c) => before.columns.find((x) => x.name === c) as DiscreteViewColumn);
  // Combination k as member codes, and member codes (as a mixed-radix key) -> k.
  const memberCodes = combos.map((combo) =>
    combo.map((v, j) => members[j]!.labels.indexOf(v ?? MISSING_LABEL)),
  );
  const radix = members.map((m) => m.labels.length);
  const keyOf = (codes: ArrayLike<number>) => {
    let key = 0;
    for (let j = 0; j < radix.length; j++) key = key * radix[j]! + codes[j]!;
    return key;
  };
  const index = new Map(memberCodes.map((codes, k) => [keyOf(codes), k]));
  return {
    touches: [...columns],
    equalsFor(fixed) {
      let found = -1;
      for (let k = 0; k < combos.length; k++) {
        if (!columns.every((c, j) => !fixed.has(c) || fixed.get(c) === (combos[k]![j] ?? MISSING_LABEL)))
          continue;
        if (found >= 0) return undefined;
        found = k;
      }
      return found >= 0 ? { column: merged, code: found } : undefined;
    },
    forward(view) {
      const cols = columns.map((c) => (view.columns.find((x) => x.name === c) as DiscreteViewColumn).codes);
      const codes = new Int32Array(view.nRows);
      const row = new Int32Array(cols.length);
      for (let i = 0; i < view.nRows; i++) {
        for (let j = 0; j < cols.length; j++) row[j] = cols[j]![i]!;
        codes[i] = index.get(keyOf(row)) ?? 0;
      }
      const out: ViewColumn[] = [];
      for (const c of view.columns) {
        if (c.name === columns[0]) out.push({ kind: 'discrete', name: merged, codes, labels });
        else if (!columns.includes(c.name)) out.push(c);
      }
      return { nRows: view.nRows, columns: out };
    },
    reverse(view) {
      const m = view.columns.find((x) => x.name === merged) as DiscreteViewColumn;
      const byName = new Map(view.columns.map((c) => [c.name, c]));
      const columnsOut = before.columns.map((c): ViewColumn => {
        const j = columns.indexOf(c.name);
        if (j < 0) return byName.get(c.name)!;
        const codes = new Int32Array(view.nRows);
        for (let i = 0; i < view.nRows; i++) codes[i] = memberCodes[m.codes[i]!]![j]!;
        return { kind: 'discrete', name: c.name, codes, labels: members[j]!.labels };
      });
      return { nRows: view.nRows, columns: columnsOut };
    },
  };
}
