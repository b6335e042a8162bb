import {
  type Column,
  type ColumnMetadata,
  type Metadata,
  MISSING_BOOL,
  MISSING_CODE,
  SynthkitError,
  type Table,
} from '@synthkit/core';
import { memo } from '../util/memo.js';
import { canonicalLabels, canonicalNumber, isNumericLiteral, PANDAS_NA_TOKENS } from './canonical.js';
import { parseDatetime } from './parse-datetime.js';

/**
 * A real/synthetic column pair in the one representation the metrics use, whatever the physical
 * column type the reader produced: continuous columns as Float64Array (NaN = missing; datetimes in
 * epoch milliseconds), discrete columns as codes into ONE label dictionary shared by both tables.
 */
export interface ContinuousPair {
  readonly kind: 'continuous';
  readonly name: string;
  readonly sdtype: 'numerical' | 'datetime';
  readonly real: Float64Array;
  readonly synthetic: Float64Array;
}

export interface DiscretePair {
  readonly kind: 'discrete';
  readonly name: string;
  readonly sdtype: 'categorical' | 'boolean';
  /** Labels [0, nRealLabels) occur in the real data; the rest only in the synthetic data. */
  readonly labels: readonly string[];
  readonly nRealLabels: number;
  /** MISSING_CODE (-1) = missing. */
  readonly real: Int32Array;
  readonly synthetic: Int32Array;
}

export type ColumnPair = ContinuousPair | DiscretePair;

export interface PreparedData {
  readonly nReal: number;
  readonly nSynthetic: number;
  /** Scored columns in metadata order (ids and PII are not scored). */
  readonly columns: readonly ColumnPair[];
  readonly byName: ReadonlyMap<string, ColumnPair>;
  /** Key columns (metadata sdtype 'id'), for key uniqueness. */
  readonly keys: readonly { name: string; real: DiscretePair }[];
}

function isMissingString(s: string): boolean {
  return PANDAS_NA_TOKENS.has(s.trim());
}

function toContinuous(
  col: Column,
  name: string,
  sdtype: 'numerical' | 'datetime',
  meta: ColumnMetadata,
  which: string,
): Float64Array {
  switch (col.type) {
    case 'number':
    case 'datetime':
      return col.values;
    case 'boolean': {
      const out = new Float64Array(col.values.length);
      for (let i = 0; i < out.length; i++)
        out[i] = col.values[i] === MISSING_BOOL ? Number.NaN : col.values[i]!;
      return out;
    }
    case 'categorical': {
      const format = meta.sdtype === 'datetime' ? meta.format : undefined;
      const parsed = col.categories.map((c) => {
        if (isMissingString(c)) return Number.NaN;
        if (sdtype === 'numerical') return isNumericLiteral(c) ? Number(c) : Number.NaN;
        const t = format ? parseDatetime(c, format) : Date.parse(c);
        return Number.isNaN(t) && format ? Date.parse(c) : t;
      });
      const out = new Float64Array(col.codes.length);
      for (let i = 0; i < out.length; i++) {
        const k = col.codes[i]!;
        if (k === MISSING_CODE) {
          out[i] = Number.NaN;
          continue;
        }
        const v = parsed[k]!;
        if (Number.isNaN(v) && !isMissingString(col.categories[k]!))
          throw new SynthkitError(
            'TYPE_MISMATCH',
            `${which} column "${name}" is ${sdtype} in the metadata but holds "${col.categories[k]}"`,
            {
              column: name,
              row: i + 1,
              hint:
                sdtype === 'datetime'
                  ? `Fix the value or the metadata's datetime format${format ? ` (now "${format}")` : ''}`
                  : 'Fix the value, or declare the column categorical in the metadata',
            },
          );
        out[i] = v;
      }
      return out;
    }
  }
}

/** Labels of one table's column before merging dictionaries; codes index `labels`, -1 missing. */
function toLabels(col: Column): { labels: string[]; codes: Int32Array } {
  switch (col.type) {
    case 'categorical': {
      const labels = canonicalLabels(col.categories);
      // NA tokens that a reader kept as text are missing, as in pandas
      const missing = col.categories.map(isMissingString);
      if (!missing.some(Boolean)) return { labels, codes: col.codes };
      const codes = new Int32Array(col.codes.length);
      for (let i = 0; i < codes.length; i++) {
        const k = col.codes[i]!;
        codes[i] = k === MISSING_CODE || missing[k] ? MISSING_CODE : k;
      }
      return { labels, codes };
    }
    case 'boolean': {
      const codes = new Int32Array(col.values.length);
      for (let i = 0; i < codes.length; i++)
        codes[i] = col.values[i] === MISSING_BOOL ? MISSING_CODE : col.values[i]!;
      return { labels: ['False', 'True'], codes };
    }
    case 'number':
    case 'datetime': {
      const index = new Map<number, number>();
      const labels: string[] = [];
      const codes = new Int32Array(col.values.length);
      for (let i = 0; i < codes.length; i++) {
        const v = col.values[i]!;
        if (Number.isNaN(v)) {
          codes[i] = MISSING_CODE;
          continue;
        }
        let k = index.get(v);
        if (k === undefined) {
          k = labels.length;
          index.set(v, k);
          labels.push(col.type === 'number' ? canonicalNumber(v) : new Date(v).toISOString());
        }
        codes[i] = k;
      }
      return { labels, codes };
    }
  }
}

/** Merges the real and synthetic dictionaries: real labels first, synthetic-only labels after. */
export function toDiscretePair(
  name: string,
  sdtype: 'categorical' | 'boolean',
  real: Column,
  synthetic: Column,
): DiscretePair {
  const r = toLabels(real);
  const s = toLabels(synthetic);
  const labels: string[] = [];
  const index = new Map<string, number>();
  const add = (l: string): number => {
    let k = index.get(l);
    if (k === undefined) {
      k = labels.length;
      labels.push(l);
      index.set(l, k);
    }
    return k;
  };
  const remap = (codes: Int32Array, map: number[], used: boolean): Int32Array => {
    if (used) {
      let identity = true;
      for (let k = 0; k < map.length; k++) if (map[k] !== k) identity = false;
      if (identity) return codes;
    }
    const out = new Int32Array(codes.length);
    for (let i = 0; i < codes.length; i++) out[i] = codes[i]! < 0 ? MISSING_CODE : map[codes[i]!]!;
    return out;
  };
  // only labels that actually occur count as "seen in the real data"
  const realUsed = new Uint8Array(r.labels.length);
  for (let i = 0; i < r.codes.length; i++) if (r.codes[i]! >= 0) realUsed[r.codes[i]!] = 1;
  const realMap = r.labels.map((l, k) => (realUsed[k] ? add(l) : -1));
  const nRealLabels = labels.length;
  const synUsed = new Uint8Array(s.labels.length);
  for (let i = 0; i < s.codes.length; i++) if (s.codes[i]! >= 0) synUsed[s.codes[i]!] = 1;
  const synMap = s.labels.map((l, k) => (synUsed[k] ? add(l) : -1));
  return {
    kind: 'discrete',
    name,
    sdtype,
    labels,
    nRealLabels,
    real: remap(r.codes, realMap, realUsed.every(Boolean)),
    synthetic: remap(s.codes, synMap, false),
  };
}

/**
 * Checks the two tables against the metadata and converts every scored column. Bad input is a
 * SynthkitError naming the column; nothing is dropped silently.
 */
export function prepareData(real: Table, synthetic: Table, metadata: Metadata): PreparedData {
  const names = Object.keys(metadata.columns);
  if (names.length === 0)
    throw new SynthkitError('BAD_METADATA', 'The metadata lists no columns', {
      hint: 'Run `synthkit detect real.csv` to write metadata',
    });
  if (real.nRows === 0)
    throw new SynthkitError('NO_ROWS', 'The real table has no rows', {
      hint: 'Evaluate against a real table with data',
    });
  if (synthetic.nRows === 0)
    throw new SynthkitError('NO_ROWS', 'The synthetic table has no rows', {
      hint: 'Generate at least one synthetic row',
    });
  for (const n of names) {
    if (!real.has(n))
      throw new SynthkitError(
        'MISSING_COLUMN',
        `The real table has no column "${n}" listed in the metadata`,
        {
          column: n,
          hint: `Remove "${n}" from the metadata or use the table it was detected on`,
        },
      );
    if (!synthetic.has(n))
      throw new SynthkitError('MISSING_COLUMN', `The synthetic table has no column "${n}"`, {
        column: n,
        hint: 'The synthetic table must have every column of the real table',
      });
  }
  for (const n of synthetic.names)
    if (!(n in metadata.columns))
      throw new SynthkitError(
        'UNKNOWN_COLUMN',
        `The synthetic table has a column "${n}" that ${real.has(n) ? 'the metadata does not list' : 'the real table does not have'}`,
        {
          column: n,
          hint: real.has(n)
            ? `Add "${n}" to the metadata or drop it from both tables`
            : `Drop "${n}" from the synthetic table`,
        },
      );

  const columns: ColumnPair[] = [];
  const keys: { name: string; real: DiscretePair }[] = [];
  for (const n of names) {
    const meta = metadata.columns[n]!;
    const r = real.column(n);
    const s = synthetic.column(n);
    if (meta.sdtype === 'numerical' || meta.sdtype === 'datetime') {
      columns.push({
        kind: 'continuous',
        name: n,
        sdtype: meta.sdtype,
        real: toContinuous(r, n, meta.sdtype, meta, 'Real'),
        synthetic: toContinuous(s, n, meta.sdtype, meta, 'Synthetic'),
      });
    } else if (meta.sdtype === 'categorical' || meta.sdtype === 'boolean') {
      columns.push(toDiscretePair(n, meta.sdtype, r, s));
    } else if (meta.sdtype === 'id') {
      keys.push({ name: n, real: toDiscretePair(n, 'categorical', r, s) });
    }
  }
  return {
    nReal: real.nRows,
    nSynthetic: synthetic.nRows,
    columns,
    byName: new Map(columns.map((c) => [c.name, c])),
    keys,
  };
}

const cache = new WeakMap<Table, WeakMap<Table, WeakMap<Metadata, PreparedData>>>();

/** prepareData, computed once per (real, synthetic, metadata) so every metric plugin shares it. */
export function prepared(real: Table, synthetic: Table, metadata: Metadata): PreparedData {
  const bySynthetic = memo(cache, real, () => new WeakMap<Table, WeakMap<Metadata, PreparedData>>());
  const byMetadata = memo(bySynthetic, synthetic, () => new WeakMap<Metadata, PreparedData>());
  return memo(byMetadata, metadata, () => prepareData(real, synthetic, metadata));
}
