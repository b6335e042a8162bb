/**
 * Physical column storage. Values live in typed arrays; missing values have one encoding per type
 * (NaN for numbers and datetimes, -1 for category codes, MISSING_BOOL for booleans) so no column
 * needs a separate null mask.
 */
export type Column = NumberColumn | DatetimeColumn | BooleanColumn | CategoricalColumn;

export interface NumberColumn {
  readonly type: 'number';
  /** NaN = missing. */
  readonly values: Float64Array;
}

export interface DatetimeColumn {
  readonly type: 'datetime';
  /** Milliseconds since the Unix epoch, UTC wall-clock as written in the file; NaN = missing. */
  readonly values: Float64Array;
}

export const MISSING_BOOL = 2;

export interface BooleanColumn {
  readonly type: 'boolean';
  /** 0 = false, 1 = true, MISSING_BOOL = missing. */
  readonly values: Uint8Array;
}

export const MISSING_CODE = -1;

export interface CategoricalColumn {
  readonly type: 'categorical';
  /** Index into `categories`; MISSING_CODE = missing. */
  readonly codes: Int32Array;
  /** Distinct values, exactly as written (leading spaces kept). */
  readonly categories: readonly string[];
}

export type ColumnType = Column['type'];

export function columnLength(c: Column): number {
  return c.type === 'categorical' ? c.codes.length : c.values.length;
}

export function isMissingAt(c: Column, i: number): boolean {
  switch (c.type) {
    case 'number':
    case 'datetime':
      return Number.isNaN(c.values[i]!);
    case 'boolean':
      return c.values[i] === MISSING_BOOL;
    case 'categorical':
      return c.codes[i] === MISSING_CODE;
  }
}

export function missingCount(c: Column): number {
  const n = columnLength(c);
  let m = 0;
  for (let i = 0; i < n; i++) if (isMissingAt(c, i)) m++;
  return m;
}

/** A plain JS value for display and tests: number, boolean, string, Date or null when missing. */
export function valueAt(c: Column, i: number): number | boolean | string | Date | null {
  if (isMissingAt(c, i)) return null;
  switch (c.type) {
    case 'number':
      return c.values[i]!;
    case 'datetime':
      return new Date(c.values[i]!);
    case 'boolean':
      return c.values[i] === 1;
    case 'categorical':
      return c.categories[c.codes[i]!]!;
  }
}

/** Rows [start, end) of a column; typed arrays are copied so the result owns its memory. */
export function sliceColumn(c: Column, start: number, end: number): Column {
  switch (c.type) {
    case 'categorical':
      return { type: 'categorical', codes: c.codes.slice(start, end), categories: c.categories };
    case 'number':
      return { type: 'number', values: c.values.slice(start, end) };
    case 'datetime':
      return { type: 'datetime', values: c.values.slice(start, end) };
    case 'boolean':
      return { type: 'boolean', values: c.values.slice(start, end) };
  }
}

/** Rows picked by index (with repetition allowed). */
export function takeColumn(c: Column, rows: ArrayLike<number>): Column {
  const n = rows.length;
  switch (c.type) {
    case 'categorical': {
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) codes[i] = c.codes[rows[i]!]!;
      return { type: 'categorical', codes, categories: c.categories };
    }
    case 'boolean': {
      const values = new Uint8Array(n);
      for (let i = 0; i < n; i++) values[i] = c.values[rows[i]!]!;
      return { type: 'boolean', values };
    }
    case 'number':
    case 'datetime': {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = c.values[rows[i]!]!;
      return { type: c.type, values };
    }
  }
}

/** Appends columns of one type; categorical dictionaries are merged (codes remapped). */
export function concatColumns(parts: readonly Column[]): Column {
  const first = parts[0];
  if (!first) throw new Error('concatColumns needs at least one part');
  const total = parts.reduce((s, p) => s + columnLength(p), 0);
  if (first.type === 'categorical') {
    const shared = sharedDictionaryCodes(parts, total);
    if (shared) return { type: 'categorical', codes: shared, categories: [...first.categories] };
    const categories: string[] = [];
    const index = new Map<string, number>();
    const codes = new Int32Array(total);
    let o = 0;
    for (const p of parts) {
      if (p.type !== 'categorical') throw new Error('concatColumns: mixed column types');
      const remap = p.categories.map((cat) => {
        let k = index.get(cat);
        if (k === undefined) {
          k = categories.length;
          categories.push(cat);
          index.set(cat, k);
        }
        return k;
      });
      for (let i = 0; i < p.codes.length; i++)
        codes[o++] = p.codes[i]! < 0 ? MISSING_CODE : remap[p.codes[i]!]!;
    }
    return { type: 'categorical', codes, categories };
  }
  if (first.type === 'boolean') {
    const values = new Uint8Array(total);
    let o = 0;
    for (const p of parts) {
      if (p.type !== 'boolean') throw new Error('concatColumns: mixed column types');
      values.set(p.values, o);
      o += p.values.length;
    }
    return { type: 'boolean', values };
  }
  const values = new Float64Array(total);
  let o = 0;
  for (const p of parts) {
    if (p.type !== first.type) throw new Error('concatColumns: mixed column types');
    values.set((p as NumberColumn | DatetimeColumn).values, o);
    o += (p as NumberColumn | DatetimeColumn).values.length;
  }
  return { type: first.type, values };
}

/**
 * Codes of parts that all carry the very same duplicate-free category list (sampled batches of a
 * learned column do), copied without remapping through a merged dictionary; else undefined.
 */
function sharedDictionaryCodes(parts: readonly Column[], total: number): Int32Array | undefined {
  const first = parts[0] as CategoricalColumn;
  if (parts.length < 2 || new Set(first.categories).size !== first.categories.length) return undefined;
  if (!parts.every((p) => p.type === 'categorical' && p.categories === first.categories)) return undefined;
  const codes = new Int32Array(total);
  let at = 0;
  for (const p of parts as readonly CategoricalColumn[]) {
    codes.set(p.codes, at);
    at += p.codes.length;
  }
  for (let i = 0; i < total; i++) if (codes[i]! < 0) codes[i] = MISSING_CODE;
  return codes;
}
