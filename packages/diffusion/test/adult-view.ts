import { readFile } from 'node:fs/promises';
import type { ViewColumn, ViewTable } from '@synthkit/core';

const CATEGORICAL = new Set([
  'workclass',
  'education',
  'marital-status',
  'occupation',
  'relationship',
  'race',
  'sex',
  'native-country',
  'income',
]);

/**
 * The Adult table as a generator sees it (continuous Float64Array, discrete Int32Array codes).
 * Adult has no quoted fields, so a plain split is a faithful reader for this one file.
 */
export async function loadAdultView(limit = Number.POSITIVE_INFINITY): Promise<ViewTable> {
  const text = await readFile(new URL('../../../data/adult.csv', import.meta.url), 'utf8');
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = lines[0]!.split(',');
  const rows = lines.slice(1, 1 + Math.min(limit, lines.length - 1)).map((l) => l.split(','));
  const columns: ViewColumn[] = header.map((name, j) => {
    if (!CATEGORICAL.has(name))
      return { kind: 'continuous', name, values: Float64Array.from(rows, (r) => Number(r[j])) };
    const labels: string[] = [];
    const index = new Map<string, number>();
    const codes = Int32Array.from(rows, (r) => {
      const v = r[j]!;
      let c = index.get(v);
      if (c === undefined) {
        c = labels.length;
        index.set(v, c);
        labels.push(v);
      }
      return c;
    });
    return { kind: 'discrete', name, codes, labels };
  });
  return { nRows: rows.length, columns };
}
