import type { AlignedTable } from './aligned.js';

/** One exact-match key per row (NaN and -1 print as distinct "missing" tokens). */
export function rowKeys(t: AlignedTable): string[] {
  const keys = new Array<string>(t.nRows);
  for (let i = 0; i < t.nRows; i++) {
    let k = '';
    for (const c of t.columns) k += `${c[i]}\u0001`;
    keys[i] = k;
  }
  return keys;
}

/** Indices of the first occurrence of each distinct row (Anonymeter de-duplicates before singling out). */
export function distinctRows(t: AlignedTable): Int32Array {
  const seen = new Set<string>();
  const keep: number[] = [];
  rowKeys(t).forEach((k, i) => {
    if (!seen.has(k)) {
      seen.add(k);
      keep.push(i);
    }
  });
  return Int32Array.from(keep);
}

/**
 * How many rows of `b` also occur in `a`, and how many rows of `a` have an exact twin elsewhere in `a`:
 * the second tells how many cross matches independent samples of a population with natural duplicates
 * (Adult has some) would show by chance.
 */
export function overlapCounts(
  a: AlignedTable,
  b: AlignedTable,
): { shared: number; duplicatesWithinA: number } {
  const counts = new Map<string, number>();
  for (const k of rowKeys(a)) counts.set(k, (counts.get(k) ?? 0) + 1);
  let duplicatesWithinA = 0;
  for (const c of counts.values()) if (c > 1) duplicatesWithinA += c;
  let shared = 0;
  for (const k of rowKeys(b)) if (counts.has(k)) shared++;
  return { shared, duplicatesWithinA };
}
