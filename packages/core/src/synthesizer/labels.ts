import type { CategoricalColumn, Column } from '../table/column.js';
import { MISSING_BOOL, MISSING_CODE } from '../table/column.js';

/**
 * A physical column used as a category, as a categorical column of label strings, and back. Numbers
 * get their canonical JavaScript spelling (1 and 1.0 are both "1"), sorted numerically; booleans are
 * "false"/"true"; datetimes ISO strings.
 */
export function toLabels(c: Column): CategoricalColumn {
  if (c.type === 'categorical') return c;
  if (c.type === 'boolean') {
    const codes = new Int32Array(c.values.length);
    for (let i = 0; i < codes.length; i++)
      codes[i] = c.values[i] === MISSING_BOOL ? MISSING_CODE : c.values[i]!;
    return { type: 'categorical', codes, categories: ['false', 'true'] };
  }
  const distinct = [...new Set(c.values)].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const index = new Map(distinct.map((v, k) => [v, k]));
  const codes = new Int32Array(c.values.length);
  for (let i = 0; i < codes.length; i++) codes[i] = index.get(c.values[i]!) ?? MISSING_CODE;
  const label = c.type === 'number' ? String : (v: number) => new Date(v).toISOString();
  return { type: 'categorical', codes, categories: distinct.map(label) };
}

/** The canonical label of a user-given value for a column of this physical type, or undefined. */
export function labelOf(physical: Column['type'], value: unknown): string | undefined {
  switch (physical) {
    case 'categorical':
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
    case 'number': {
      const v = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
    }
    case 'boolean':
      return typeof value === 'boolean'
        ? String(value)
        : typeof value === 'string'
          ? value.toLowerCase()
          : undefined;
    case 'datetime': {
      const t =
        value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return Number.isNaN(t) ? undefined : new Date(t).toISOString();
    }
  }
}

export function fromLabels(physical: Column['type'], c: CategoricalColumn): Column {
  if (physical === 'categorical') return c;
  const n = c.codes.length;
  if (physical === 'boolean') {
    const values = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const k = c.codes[i]!;
      values[i] = k < 0 ? MISSING_BOOL : c.categories[k] === 'true' ? 1 : 0;
    }
    return { type: 'boolean', values };
  }
  const parsed = c.categories.map(physical === 'number' ? Number : Date.parse);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = c.codes[i]!;
    values[i] = k < 0 ? Number.NaN : parsed[k]!;
  }
  return { type: physical, values };
}
