import { readFileSync } from 'node:fs';
import { type Column, type Metadata, Table } from '@synthkit/core';

/**
 * A minimal reader for the bundled, quote-free CSV files, for tests and scripts only (core's reader
 * is the real one). Columns whose every non-empty value parses as a number become numbers.
 */
export function readSimpleCsv(
  path: URL | string,
  limit = Number.POSITIVE_INFINITY,
): { table: Table; metadata: Metadata } {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = lines[0]!.split(',');
  const rows = lines.slice(1, Math.min(lines.length, limit + 1)).map((l) => l.split(','));
  const columns: Array<[string, Column]> = [];
  const metadata: Metadata = { version: 1, columns: {} };
  header.forEach((name, j) => {
    const raw = rows.map((r) => r[j] ?? '');
    const numeric = raw.every((v) => v === '' || Number.isFinite(Number(v)));
    if (numeric) {
      columns.push([
        name,
        { type: 'number', values: Float64Array.from(raw, (v) => (v === '' ? Number.NaN : Number(v))) },
      ]);
      metadata.columns[name] = {
        sdtype: 'numerical',
        representation: raw.every((v) => v === '' || Number.isInteger(Number(v))) ? 'integer' : 'float',
      };
    } else {
      const categories: string[] = [];
      const index = new Map<string, number>();
      const codes = Int32Array.from(raw, (v) => {
        if (v === '') return -1;
        let c = index.get(v);
        if (c === undefined) {
          c = categories.length;
          categories.push(v);
          index.set(v, c);
        }
        return c;
      });
      columns.push([name, { type: 'categorical', codes, categories }]);
      metadata.columns[name] = { sdtype: 'categorical' };
    }
  });
  return { table: new Table(columns), metadata };
}

export const adultPath = new URL('../../../data/adult.csv', import.meta.url);
