/**
 * Model inputs built from prepared columns: a column is either continuous (Float64Array, NaN =
 * missing) or discrete (codes, -1 = missing). Rows of several tables are addressed by one index space
 * so that cross-validation folds are index lists, never copies.
 */
export type FeatureColumn =
  | { readonly kind: 'continuous'; readonly name: string; readonly values: Float64Array }
  | {
      readonly kind: 'discrete';
      readonly name: string;
      readonly codes: Int32Array;
      readonly nLabels: number;
    };

/** Stacks the same columns of two tables (a's rows first). */
export function stackColumns(a: readonly FeatureColumn[], b: readonly FeatureColumn[]): FeatureColumn[] {
  return a.map((ca, j) => {
    const cb = b[j]!;
    if (ca.kind === 'continuous' && cb.kind === 'continuous') {
      const values = new Float64Array(ca.values.length + cb.values.length);
      values.set(ca.values);
      values.set(cb.values, ca.values.length);
      return { kind: 'continuous', name: ca.name, values };
    }
    if (ca.kind === 'discrete' && cb.kind === 'discrete') {
      const codes = new Int32Array(ca.codes.length + cb.codes.length);
      codes.set(ca.codes);
      codes.set(cb.codes, ca.codes.length);
      return { kind: 'discrete', name: ca.name, codes, nLabels: Math.max(ca.nLabels, cb.nLabels) };
    }
    throw new Error(`stackColumns: column ${ca.name} has different kinds`);
  });
}

export function columnLength(c: FeatureColumn): number {
  return c.kind === 'continuous' ? c.values.length : c.codes.length;
}

/** Indices 0..n-1. */
export function allRows(n: number): Int32Array {
  const r = new Int32Array(n);
  for (let i = 0; i < n; i++) r[i] = i;
  return r;
}

/** Codes ordered by how often they occur in `rows` (most frequent first), at most `max`. */
export function frequentCodes(codes: Int32Array, nLabels: number, rows: Int32Array, max: number): Int32Array {
  const counts = new Float64Array(nLabels);
  for (const r of rows) {
    const c = codes[r]!;
    if (c >= 0) counts[c]!++;
  }
  const order = allRows(nLabels).filter((c) => counts[c]! > 0);
  order.sort((x, y) => counts[y]! - counts[x]! || x - y);
  return order.slice(0, max);
}

/** The column of a prepared real/synthetic pair for one side, optionally restricted to `rows`. */
export function featureColumn(
  c:
    | { kind: 'continuous'; name: string; real: Float64Array; synthetic: Float64Array }
    | { kind: 'discrete'; name: string; real: Int32Array; synthetic: Int32Array; labels: readonly string[] },
  which: 'real' | 'synthetic',
  rows?: Int32Array,
): FeatureColumn {
  if (c.kind === 'continuous') {
    const v = c[which];
    return { kind: 'continuous', name: c.name, values: rows ? Float64Array.from(rows, (r) => v[r]!) : v };
  }
  const v = c[which];
  return {
    kind: 'discrete',
    name: c.name,
    codes: rows ? Int32Array.from(rows, (r) => v[r]!) : v,
    nLabels: c.labels.length,
  };
}
