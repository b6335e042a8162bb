import { readFileSync } from 'node:fs';
import type { ViewColumn, ViewTable } from '@synthkit/core';

/**
 * Test helper: a ViewTable straight from one of the bundled CSVs (no quoted fields in them), columns
 * that parse as numbers continuous, others discrete with labels in order of first appearance.
 * `rows` keeps only the first rows, so tests stay fast.
 */
export function csvView(
  name: 'adult' | 'housing' | 'taxis',
  rows = Number.POSITIVE_INFINITY,
  only?: readonly string[],
): ViewTable {
  const text = readFileSync(new URL(`../../../data/${name}.csv`, import.meta.url), 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = lines[0]!.split(',');
  const body = lines.slice(1, 1 + Math.min(rows, lines.length - 1)).map((l) => l.split(','));
  const columns: ViewColumn[] = [];
  header.forEach((h, j) => {
    if (only && !only.includes(h)) return;
    const raw = body.map((r) => (r[j] ?? '').trim());
    if (raw.every((v) => v !== '' && Number.isFinite(Number(v)))) {
      columns.push({ kind: 'continuous', name: h, values: Float64Array.from(raw, Number) });
    } else {
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
      columns.push({ kind: 'discrete', name: h, codes, labels });
    }
  });
  return { nRows: body.length, columns };
}
