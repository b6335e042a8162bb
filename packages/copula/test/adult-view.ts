import { readFileSync } from 'node:fs';
import type { ViewColumn, ViewTable } from '@synthkit/core';

/**
 * A ViewTable of a bundled CSV without quotes (Adult), parsed locally so the copula's tests do not
 * depend on core's CSV reader: numeric columns become continuous, the others discrete.
 */
export function viewOfCsv(file: URL, rows = Number.POSITIVE_INFINITY): ViewTable {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = lines[0]!.split(',');
  const body = lines.slice(1, Math.min(lines.length, rows + 1)).map((l) => l.split(','));
  const columns: ViewColumn[] = header.map((name, j) => {
    const raw = body.map((r) => r[j]!);
    if (raw.every((v) => v.trim() !== '' && Number.isFinite(Number(v))))
      return { kind: 'continuous', name, values: Float64Array.from(raw, Number) };
    const labels: string[] = [];
    const index = new Map<string, number>();
    const codes = Int32Array.from(raw, (v) => {
      let k = index.get(v);
      if (k === undefined) {
        k = labels.length;
        labels.push(v);
        index.set(v, k);
      }
      return k;
    });
    return { kind: 'discrete', name, codes, labels };
  });
  return { nRows: body.length, columns };
}

export const ADULT = new URL('../../../data/adult.csv', import.meta.url);

/** Rows [start, end) of a view. */
export function sliceView(view: ViewTable, rows: ArrayLike<number>): ViewTable {
  const columns = view.columns.map((c): ViewColumn => {
    if (c.kind === 'continuous') return { ...c, values: Float64Array.from(rows, (i) => c.values[i]!) };
    return { ...c, codes: Int32Array.from(rows, (i) => c.codes[i]!) };
  });
  return { nRows: rows.length, columns };
}
