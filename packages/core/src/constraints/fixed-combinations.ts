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
      const discrete = columns.map((c) => {
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
      // Dictionaries from the data itself, so every row has a key; the first row of each key names it.
      const labelled = columns.map((c) => toLabels(table.column(c)));
      const keys = new ComboKeyer(labelled.map((m) => m.categories)).keys(table, columns);
      const seen = new Map<number | string, Array<string | null>>();
      for (let i = 0; i < keys.length; i++)
        if (!seen.has(keys[i]!))
          seen.set(
            keys[i]!,
            labelled.map((m) => (m.codes[i]! < 0 ? null : m.categories[m.codes[i]!]!)),
          );
      const fitted = restore({ combos: [...seen.values()], reparam: discrete.length === columns.length });
      assertHoldsOnData(fitted, table);
      return fitted;
    },
    restore: (state) => restore(state as State),
  };

  function restore(state: State): FittedConstraint {
    const keyer = new ComboKeyer(
      columns.map((_, j) => [
        ...new Set(state.combos.map((c) => c[j]).filter((v): v is string => v !== null)),
      ]),
    );
    const allowed = new Set(state.combos.map((c) => keyer.keyOfLabels(c)));
    return {
      constraint,
      state,
      reparam: state.reparam ? (before) => mergedReparam(columns, state.combos, before) : undefined,
      markInvalid(table, valid) {
        const keys = keyer.keys(table, columns);
        return rejectWhere(valid, (i) => keys[i] === null || !allowed.has(keys[i]!));
      },
    };
  }
  return constraint;
}

/** The name of the merged view column. */
export function mergedColumnName(columns: readonly string[]): string {
  return columns.join('+');
}

/**
 * A key per row for its combination of member values: a mixed-radix number over label indices
 * (0 = missing) while that stays exact in a double, else a string; null for a value outside the
 * dictionaries. Typed work per row, no per-row objects.
 */
class ComboKeyer {
  private readonly dicts: Array<Map<string, number>>;
  private readonly radix: number[];
  private readonly exact: boolean;

  constructor(labels: ReadonlyArray<readonly string[]>) {
    this.dicts = labels.map((ls) => new Map(ls.map((l, k) => [l, k + 1])));
    this.radix = labels.map((ls) => ls.length + 1);
    this.exact = this.radix.reduce((p, r) => p * r, 1) <= Number.MAX_SAFE_INTEGER;
  }

  keyOfLabels(labels: ReadonlyArray<string | null>): number | string | null {
    const idx = labels.map((l, j) => (l === null ? 0 : (this.dicts[j]!.get(l) ?? -1)));
    return idx.includes(-1) ? null : this.combine(idx);
  }

  keys(table: Table, columns: readonly string[]): Array<number | string | null> {
    // Per member: category code -> label index (or -1), computed once per batch.
    const cols = columns.map((c, j) => {
      const col = toLabels(table.column(c));
      return {
        codes: col.codes,
        index: Int32Array.from(col.categories, (cat) => this.dicts[j]!.get(cat) ?? -1),
      };
    });
    const out = new Array<number | string | null>(table.nRows);
    const idx = new Int32Array(cols.length);
    for (let i = 0; i < table.nRows; i++) {
      let known = true;
      for (let j = 0; j < cols.length; j++) {
        const k = cols[j]!.codes[i]!;
        const x = k < 0 ? 0 : cols[j]!.index[k]!;
        if (x < 0) known = false;
        idx[j] = x;
      }
      out[i] = known ? this.combine(idx) : null;
    }
    return out;
  }

  private combine(idx: ArrayLike<number>): number | string {
    if (!this.exact) return Array.prototype.join.call(idx, ',');
    let key = 0;
    for (let j = 0; j < this.radix.length; j++) key = key * this.radix[j]! + idx[j]!;
    return key;
  }
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
  const labelIndex = members.map((m) => new Map(m.labels.map((l, k) => [l, k])));
  const memberCodes = combos.map((combo) =>
    combo.map((v, j) => labelIndex[j]!.get(v ?? MISSING_LABEL) ?? -1),
  );
  const radix = members.map((m) => m.labels.length);
  // A number key while the product of label counts stays exact in a double, else a string key.
  const exact = radix.reduce((p, r) => p * r, 1) <= Number.MAX_SAFE_INTEGER;
  const keyOf = (codes: ArrayLike<number>): number | string => {
    if (!exact) return Array.prototype.join.call(codes, ',');
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
