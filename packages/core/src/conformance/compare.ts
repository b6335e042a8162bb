import type { Column } from '../table/column.js';
import type { Table } from '../table/table.js';

/** The first difference between two tables (by column, as stored), or undefined when they are identical. */
export function tableDifference(a: Table, b: Table): string | undefined {
  if (a.names.join('\u0000') !== b.names.join('\u0000'))
    return `columns differ: [${a.names}] vs [${b.names}]`;
  if (a.nRows !== b.nRows) return `${a.nRows} rows vs ${b.nRows}`;
  for (const name of a.names) {
    const i = firstDifferentRow(a.column(name), b.column(name));
    if (i >= 0) return `column "${name}" differs first at row ${i + 1}`;
  }
  return undefined;
}

function firstDifferentRow(x: Column, y: Column): number {
  if (x.type !== y.type) return 0;
  if (x.type === 'categorical' && y.type === 'categorical') {
    for (let i = 0; i < x.codes.length; i++) {
      const u = x.codes[i]! < 0 ? null : x.categories[x.codes[i]!];
      const v = y.codes[i]! < 0 ? null : y.categories[y.codes[i]!];
      if (u !== v) return i;
    }
    return -1;
  }
  const u = (x as { values: Float64Array | Uint8Array }).values;
  const v = (y as { values: Float64Array | Uint8Array }).values;
  for (let i = 0; i < u.length; i++) if (!Object.is(u[i], v[i])) return i;
  return -1;
}

/** True when `text` occurs in `hay` as UTF-8 bytes (to scan a saved model for values it must not hold). */
export function containsText(hay: Uint8Array, text: string): boolean {
  const needle = new TextEncoder().encode(text);
  const first = needle[0]!;
  outer: for (
    let i = hay.indexOf(first);
    i >= 0 && i + needle.length <= hay.length;
    i = hay.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
