import type { Rng } from '@synthkit/core';
import type { AlignedSchema, AlignedTable } from '../data/aligned.js';
import { countMatches, OP, type Predicate, predicate, predicateKey } from './predicate.js';

/**
 * Singling-out predicates built from the synthetic table, as in Anonymeter (Giomi et al., PETS
 * 2023, §3.1): a predicate is kept only if it matches exactly one synthetic row, and the attack
 * bets that it also matches exactly one real training row.
 */

/** Univariate: rare values (seen once), the extremes of numeric columns, a value missing only once. */
export function univariateQueries(
  schema: AlignedSchema,
  synthetic: AlignedTable,
  n: number,
  rng: Rng,
): Predicate[] {
  const candidates: Predicate[] = [];
  schema.kinds.forEach((kind, col) => {
    const values = synthetic.columns[col]!;
    const counts = new Map<number, number>();
    let missing = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      if (kind === 'cat' ? v === -1 : Number.isNaN(v)) {
        missing++;
        continue;
      }
      counts.set(v, (counts.get(v) ?? 0) + 1);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (missing === 1) candidates.push(predicate([[col, OP.isMissing, 0]]));
    if (kind === 'num' && lo <= hi)
      candidates.push(predicate([[col, OP.le, lo]]), predicate([[col, OP.ge, hi]]));
    for (const [v, c] of counts) if (c === 1) candidates.push(predicate([[col, OP.eq, v]]));
  });
  rng.shuffle(candidates);
  return keepSingling(candidates, synthetic, n);
}

export interface MultivariateQueries {
  readonly queries: Predicate[];
  readonly attempts: number;
}

/**
 * Multivariate: a random synthetic row and `nColumns` random columns; categories by equality,
 * numbers by ≥ (value above the column median) or ≤ (below), so the predicate reaches toward the
 * tail the row sits in.
 */
export function multivariateQueries(
  schema: AlignedSchema,
  synthetic: AlignedTable,
  n: number,
  nColumns: number,
  maxAttempts: number,
  rng: Rng,
): MultivariateQueries {
  const medians = schema.kinds.map((kind, col) =>
    kind === 'num' ? medianOf(synthetic.columns[col] as Float64Array) : 0,
  );
  const width = Math.min(nColumns, schema.names.length);
  const kept: Predicate[] = [];
  const seen = new Set<string>();
  let attempts = 0;
  while (kept.length < n && attempts < maxAttempts) {
    attempts++;
    const row = rng.int(synthetic.nRows);
    const cols = rng.permutation(schema.names.length).subarray(0, width);
    const p = predicate(
      Array.from(cols, (col) => {
        const v = synthetic.columns[col]![row]!;
        if (schema.kinds[col] === 'cat')
          return v === -1 ? ([col, OP.isMissing, 0] as const) : ([col, OP.eq, v] as const);
        if (Number.isNaN(v)) return [col, OP.isMissing, 0] as const;
        return [col, v > medians[col]! ? OP.ge : OP.le, v] as const;
      }),
    );
    const key = predicateKey(p);
    if (seen.has(key)) continue;
    seen.add(key);
    if (countMatches(p, synthetic) === 1) kept.push(p);
  }
  return { queries: kept, attempts };
}

function keepSingling(candidates: Predicate[], synthetic: AlignedTable, n: number): Predicate[] {
  const kept: Predicate[] = [];
  const seen = new Set<string>();
  for (const p of candidates) {
    if (kept.length >= n) break;
    const key = predicateKey(p);
    if (seen.has(key)) continue;
    seen.add(key);
    if (countMatches(p, synthetic) === 1) kept.push(p);
  }
  return kept;
}

function medianOf(v: Float64Array): number {
  const s = v.filter((x) => !Number.isNaN(x)).sort();
  return s.length === 0 ? Number.NaN : s[s.length >> 1]!;
}
