import { type CategoricalColumn, MISSING_CODE } from '../table/column.js';

/** Dictionary-encodes strings in order of first appearance; values in `missing` get MISSING_CODE. */
export function encodeStrings(values: readonly string[], missing?: ReadonlySet<string>): CategoricalColumn {
  const n = values.length;
  const codes = new Int32Array(n);
  const categories: string[] = [];
  const index = new Map<string, number>();
  let maxLen = -1;
  if (missing) for (const m of missing) maxLen = Math.max(maxLen, m.length);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v.length <= maxLen && missing!.has(v)) {
      codes[i] = MISSING_CODE;
      continue;
    }
    let k = index.get(v);
    if (k === undefined) {
      k = categories.length;
      categories.push(v);
      index.set(v, k);
    }
    codes[i] = k;
  }
  return { type: 'categorical', codes, categories };
}
