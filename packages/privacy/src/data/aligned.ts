import { type Column, type Metadata, SynthkitError, type Table } from '@synthkit/core';

/**
 * The three tables of an audit (train, control, synthetic) on one shared column set with one
 * category dictionary per column, so a code means the same value in every table.
 * Categorical and boolean columns become 'cat' (Int32Array codes, -1 = missing);
 * numbers and datetimes become 'num' (Float64Array, NaN = missing).
 */
export type AlignedKind = 'cat' | 'num';

export interface AlignedSchema {
  readonly names: readonly string[];
  readonly kinds: readonly AlignedKind[];
  /** Shared labels of each 'cat' column (empty for 'num'). */
  readonly labels: readonly (readonly string[])[];
}

export interface AlignedTable {
  readonly nRows: number;
  /** One array per schema column: Int32Array for 'cat', Float64Array for 'num'. */
  readonly columns: readonly (Int32Array | Float64Array)[];
}

export interface AlignedInput {
  readonly schema: AlignedSchema;
  readonly train: AlignedTable;
  readonly control: AlignedTable;
  readonly synthetic: AlignedTable;
  /** Columns left out, with the reason, for the report's warnings. */
  readonly dropped: readonly string[];
}

function kindOf(c: Column): AlignedKind {
  return c.type === 'categorical' || c.type === 'boolean' ? 'cat' : 'num';
}

/**
 * Aligns train, control and synthetic on the columns all three share. Ids and PII (metadata
 * sdtype 'id'/'pii') are left out: they are regenerated, never learned, so distances on them
 * measure nothing about leakage.
 */
export function alignTables(
  train: Table,
  control: Table,
  synthetic: Table,
  metadata: Metadata,
): AlignedInput {
  const dropped: string[] = [];
  const names: string[] = [];
  for (const name of train.names) {
    const meta = metadata.columns[name];
    if (meta && (meta.sdtype === 'id' || meta.sdtype === 'pii')) {
      dropped.push(
        `"${name}" left out: it is ${meta.sdtype === 'id' ? 'an id' : 'PII'} (regenerated, never learned)`,
      );
      continue;
    }
    const missingFrom = [control.has(name) ? '' : 'control', synthetic.has(name) ? '' : 'synthetic'].filter(
      Boolean,
    );
    if (missingFrom.length > 0) {
      dropped.push(`"${name}" left out: not in the ${missingFrom.join(' or ')} table`);
      continue;
    }
    names.push(name);
  }
  for (const t of [control, synthetic])
    for (const name of t.names)
      if (!train.has(name) && !dropped.some((d) => d.startsWith(`"${name}"`)))
        dropped.push(`"${name}" left out: not in the train table`);
  if (names.length === 0)
    throw new SynthkitError(
      'MISSING_COLUMN',
      'train, control and synthetic share no column that can be compared',
      {
        hint: `Train has ${train.names.join(', ') || '(no columns)'}; synthetic has ${synthetic.names.join(', ') || '(no columns)'}. Pass the three tables of one schema`,
      },
    );

  const kinds: AlignedKind[] = [];
  const labels: string[][] = [];
  const cols: Array<Array<Int32Array | Float64Array>> = [[], [], []];
  const tables = [train, control, synthetic];
  for (const name of names) {
    const parts = tables.map((t) => t.column(name));
    const kind = kindOf(parts[0]!);
    for (const [i, p] of parts.entries())
      if (kindOf(p) !== kind)
        throw new SynthkitError(
          'TYPE_MISMATCH',
          `Column "${name}" is ${parts[0]!.type} in train but ${p.type} in ${['train', 'control', 'synthetic'][i]}`,
          { column: name, hint: 'Read all three tables with the same metadata so each column has one type' },
        );
    kinds.push(kind);
    if (kind === 'num') {
      labels.push([]);
      parts.forEach((p, i) => {
        cols[i]!.push((p as { values: Float64Array }).values);
      });
      continue;
    }
    const dict = new Map<string, number>();
    const list: string[] = [];
    parts.forEach((p, i) => {
      cols[i]!.push(recode(p, dict, list));
    });
    labels.push(list);
  }
  const wrap = (i: number): AlignedTable => ({ nRows: tables[i]!.nRows, columns: cols[i]! });
  return { schema: { names, kinds, labels }, train: wrap(0), control: wrap(1), synthetic: wrap(2), dropped };
}

function recode(c: Column, dict: Map<string, number>, list: string[]): Int32Array {
  const intern = (label: string): number => {
    let k = dict.get(label);
    if (k === undefined) {
      k = list.length;
      list.push(label);
      dict.set(label, k);
    }
    return k;
  };
  if (c.type === 'boolean') {
    const map = [intern('false'), intern('true')];
    const out = new Int32Array(c.values.length);
    for (let i = 0; i < out.length; i++) out[i] = c.values[i]! > 1 ? -1 : map[c.values[i]!]!;
    return out;
  }
  const cat = c as { codes: Int32Array; categories: readonly string[] };
  const map = cat.categories.map(intern);
  const out = new Int32Array(cat.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = cat.codes[i]! < 0 ? -1 : map[cat.codes[i]!]!;
  return out;
}

/** Rows picked by index, keeping the shared dictionaries. */
export function takeAligned(t: AlignedTable, rows: ArrayLike<number>): AlignedTable {
  const n = rows.length;
  const columns = t.columns.map((c) => {
    const out = c instanceof Int32Array ? new Int32Array(n) : new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = c[rows[i]!]!;
    return out;
  });
  return { nRows: n, columns };
}

/** Only the named columns (by schema index). */
export function selectAligned(
  schema: AlignedSchema,
  t: AlignedTable,
  idx: readonly number[],
): [AlignedSchema, AlignedTable] {
  return [
    {
      names: idx.map((i) => schema.names[i]!),
      kinds: idx.map((i) => schema.kinds[i]!),
      labels: idx.map((i) => schema.labels[i]!),
    },
    { nRows: t.nRows, columns: idx.map((i) => t.columns[i]!) },
  ];
}
