import { lowerBound } from '@synthkit/core';

/**
 * A value taking at least this share of a numeric column is a point mass (capital-gain 0, hours 40)
 * and is kept exact: smoothing it would only blur a spike that many rows share anyway.
 */
const ATOM_SHARE = 0.01;

/** Values repeated in at least ATOM_SHARE of the rows (and twice at least), ascending. */
export function findAtoms(y: Float64Array, order: Int32Array): Float64Array {
  const out: number[] = [];
  const need = Math.max(2, ATOM_SHARE * y.length);
  for (let i = 0; i < order.length; ) {
    const v = y[order[i]!]!;
    let j = i + 1;
    while (j < order.length && y[order[j]!]! === v) j++;
    if (j - i >= need) out.push(v);
    i = j;
  }
  return Float64Array.from(out);
}

/** Whether `v` is one of the atoms (ascending; at most 100 at a 1% share). */
export function isAtom(atoms: Float64Array, v: number): boolean {
  const at = lowerBound(atoms, v);
  return at < atoms.length && atoms[at] === v;
}
