import type { Rng } from '@synthkit/core';
import type { AlignedSchema, AlignedTable } from '../data/aligned.js';

/** A conjunction of conditions on single columns: "age ≥ 61 and occupation = Farming-fishing". */
export interface Predicate {
  readonly columns: Int32Array;
  readonly ops: Uint8Array;
  /** Category code or number per condition (unused for isMissing / notMissing). */
  readonly values: Float64Array;
}

export const OP = { eq: 0, ne: 1, lt: 2, gt: 3, le: 4, ge: 5, isMissing: 6, notMissing: 7 } as const;
const SYMBOL = ['==', '!=', '<', '>', '<=', '>=', 'is missing', 'is not missing'];

/** Rows of `t` matching `p`, counting no further than `stopAt`. A missing value matches only isMissing. */
export function countMatches(p: Predicate, t: AlignedTable, stopAt = 2): number {
  let count = 0;
  const nc = p.columns.length;
  const cols = Array.from(p.columns, (c) => t.columns[c]!);
  const isCat = cols.map((c) => c instanceof Int32Array);
  // the first condition filters most rows: test it alone before the loop over the rest
  const first = cols[0]!;
  for (let r = 0; r < t.nRows; r++) {
    if (!holds(p.ops[0]!, first[r]!, p.values[0]!, isCat[0]!)) continue;
    let ok = true;
    for (let c = 1; c < nc && ok; c++) ok = holds(p.ops[c]!, cols[c]![r]!, p.values[c]!, isCat[c]!);
    if (ok && ++count >= stopAt) return count;
  }
  return count;
}

function holds(op: number, v: number, x: number, isCat: boolean): boolean {
  const missing = isCat ? v === -1 : Number.isNaN(v);
  if (op === OP.isMissing) return missing;
  if (op === OP.notMissing) return !missing;
  if (missing) return false;
  if (op === OP.eq) return v === x;
  if (op === OP.ne) return v !== x;
  if (op === OP.lt) return v < x;
  if (op === OP.gt) return v > x;
  if (op === OP.le) return v <= x;
  return v >= x;
}

export function describePredicate(p: Predicate, schema: AlignedSchema): string {
  return Array.from(p.columns, (col, c) => {
    const op = p.ops[c]!;
    const name = schema.names[col]!;
    if (op >= OP.isMissing) return `${name} ${SYMBOL[op]}`;
    const v = p.values[c]!;
    const shown = schema.kinds[col] === 'cat' ? JSON.stringify(schema.labels[col]![v]) : String(v);
    return `${name} ${SYMBOL[op]} ${shown}`;
  }).join(' and ');
}

/** Identity of a predicate, to keep each one once. */
export function predicateKey(p: Predicate): string {
  return Array.from(p.columns, (c, i) => `${c}:${p.ops[i]}:${p.values[i]}`).join('|');
}

export function predicate(
  conditions: ReadonlyArray<readonly [column: number, op: number, value: number]>,
): Predicate {
  const sorted = [...conditions].sort((a, b) => a[0] - b[0]);
  return {
    columns: Int32Array.from(sorted, (c) => c[0]),
    ops: Uint8Array.from(sorted, (c) => c[1]),
    values: Float64Array.from(sorted, (c) => c[2]),
  };
}

/**
 * The baseline attacker's guess: `nColumns` random columns, each with a random value seen in the
 * synthetic column and a random operator (Anonymeter's random queries).
 */
export function randomPredicate(
  schema: AlignedSchema,
  nColumns: number,
  rng: Rng,
  distinct: readonly Float64Array[],
): Predicate {
  const cols = rng.permutation(schema.names.length).subarray(0, nColumns);
  return predicate(
    Array.from(cols, (col) => {
      const values = distinct[col]!;
      const v = values[rng.int(values.length)]!;
      const missing = schema.kinds[col] === 'cat' ? v === -1 : Number.isNaN(v);
      if (missing) return [col, rng.next() < 0.5 ? OP.isMissing : OP.notMissing, 0] as const;
      const ops = schema.kinds[col] === 'cat' ? [OP.eq, OP.ne] : [OP.eq, OP.ne, OP.lt, OP.gt, OP.le, OP.ge];
      return [col, ops[rng.int(ops.length)]!, v] as const;
    }),
  );
}

/** Distinct values of every column (missing included once), for random predicates. */
export function distinctValues(t: AlignedTable): Float64Array[] {
  return t.columns.map((c) => {
    const set = new Set<number>();
    let nan = false;
    for (const v of c) {
      if (Number.isNaN(v)) nan = true;
      else set.add(v);
    }
    const out = Float64Array.from(set);
    return nan ? Float64Array.from([...out, Number.NaN]) : out;
  });
}
