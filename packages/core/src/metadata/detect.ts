import { SynthkitError } from '../errors/synthkit-error.js';
import type { ColumnFormat } from '../io/column-format.js';
import { looksLikeIdName } from '../pii/column-name.js';
import { detectPiiKind, isUuid } from '../pii/detect-pii.js';
import { type Column, MISSING_CODE } from '../table/column.js';
import type { Table } from '../table/table.js';
import { detectDatetimeOrders } from './detect-order.js';
import { isCityName, isFreeText, looksLikeAddresses } from './detect-text.js';
import type { ColumnMetadata, IdMetadata, Metadata, NumericalMetadata } from './types.js';

export interface DetectOptions {
  /** Formats from reading (decimals, datetime format, boolean tokens); inferred from values if absent. */
  formats?: Record<string, ColumnFormat>;
  /** The column holding the table's unique key. */
  primaryKey?: string;
  /** Add inequality constraints for datetime columns ordered in every row (default true). */
  constraints?: boolean;
}

/**
 * What each column means, guessed from its name and values (the user can edit the result):
 * - id: a key-like name (id, user_id, uuid, key…) with every value unique, or UUID-shaped values;
 * - pii: emails, phones, names, addresses… by name and content (see pii/detect-pii.ts); a column
 *   named like a city stays categorical unless its values look like addresses, one named like user
 *   names (login, handle) unless it holds at least 20 distinct values;
 * - free text (nearly every value unique, prose not short codes) is pii kind 'text', regenerated
 *   rather than learned, since learning it could only copy real values (detect-text.ts);
 * - numbers with few distinct whole non-negative values are categorical, following SDV's detection
 *   (more than 5 rows and at most min(round(rows / 10), 10) distinct values), so taxis' passengers
 *   (0-6) is categorical while Adult's education-num (16 values) stays numerical;
 * - everything else keeps its physical type: numerical, boolean, datetime, categorical;
 * - datetime columns ordered in every row become inequality constraints (detect-order.ts).
 */
export function detectMetadata(table: Table, options: DetectOptions = {}): Metadata {
  const columns: Record<string, ColumnMetadata> = {};
  for (const [name, col] of table.columns()) columns[name] = detectColumn(name, col, options.formats?.[name]);
  const meta: Metadata = { version: 1, columns };
  const orders = options.constraints === false ? [] : detectDatetimeOrders(table, columns);
  if (orders.length > 0) meta.constraints = orders;
  if (options.primaryKey !== undefined) {
    const pk = options.primaryKey;
    const col = table.column(pk);
    const dup = firstDuplicate(col);
    if (dup >= 0)
      throw new SynthkitError(
        'BAD_OPTION',
        `The primary key "${pk}" is not unique (row ${dup + 1} repeats or is missing)`,
        {
          column: pk,
          row: dup + 1,
          hint: 'Choose a column whose values are all present and distinct, or leave the primary key out',
        },
      );
    if (columns[pk]!.sdtype !== 'id')
      columns[pk] = { sdtype: 'id', style: idStyle(col).style, ...idStyle(col).extra };
    meta.primaryKey = pk;
  } else {
    const pk = table.names.find((n) => columns[n]!.sdtype === 'id' && firstDuplicate(table.column(n)) < 0);
    if (pk !== undefined) meta.primaryKey = pk;
  }
  return meta;
}

function detectColumn(name: string, col: Column, format: ColumnFormat | undefined): ColumnMetadata {
  switch (col.type) {
    case 'boolean':
      return {
        sdtype: 'boolean',
        trueToken: format?.kind === 'boolean' ? format.trueToken : 'true',
        falseToken: format?.kind === 'boolean' ? format.falseToken : 'false',
      };
    case 'datetime':
      return {
        sdtype: 'datetime',
        format: format?.kind === 'datetime' ? format.format : guessDatetimeFormat(col.values),
      };
    case 'categorical': {
      if (isIdColumn(name, col)) {
        const s = idStyle(col);
        return { sdtype: 'id', style: s.style, ...s.extra };
      }
      const kind = detectPiiKind(name, col);
      // Weak names need content evidence. "city": Paris/Lyon/Nice are ordinary categories, worth
      // learning; only address-like content (a street number) makes it personal data. "login",
      // "handle": success/failure or left/right are categories; user names come in many values.
      if (kind === 'username' && col.categories.length < MIN_USERNAMES) return { sdtype: 'categorical' };
      if (kind !== undefined && kind !== 'city') return { sdtype: 'pii', kind };
      if (isCityName(name) && looksLikeAddresses(col)) return { sdtype: 'pii', kind: 'address' };
      if (isFreeText(col)) return { sdtype: 'pii', kind: 'text' };
      // A key whatever its name: every value distinct and shaped like one (a prefix then digits,
      // "cat_17", "INV-00042"). Learned as a category, each value out would be one real row's.
      if (col.codes.length >= MIN_KEY_ROWS && looksLikeKeys(col.categories) && firstDuplicate(col) < 0) {
        const s = idStyle(col);
        return { sdtype: 'id', style: s.style, ...s.extra };
      }
      return { sdtype: 'categorical' };
    }
    case 'number': {
      if (isIdColumn(name, col)) return { sdtype: 'id', style: 'integer' };
      const kind = detectPiiKind(name, col);
      if (kind !== undefined) return { sdtype: 'pii', kind };
      return numerical(col.values, format);
    }
  }
}

/** Fewest distinct values for a column named like user names to hold user names. */
const MIN_USERNAMES = 20;

function numerical(values: Float64Array, format: ColumnFormat | undefined): ColumnMetadata {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let whole = true;
  let missing = 0;
  let decimals = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      missing++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && !Number.isInteger(v)) whole = false;
    if (format === undefined && !Number.isInteger(v)) decimals = Math.max(decimals, decimalsOf(v));
  }
  const nf = format?.kind === 'number' ? format : undefined;
  const integer = nf ? nf.integer : whole;
  const n = values.length - missing;
  // SDV's rule (sdv.metadata single-table detection): a low-cardinality whole, non-negative column is
  // categorical. pandas reads "1.0"-style values without gaps as float, which SDV keeps numerical.
  const writtenAsFloat = (nf?.minDecimals ?? 0) > 0 && missing === 0;
  if (integer && !writtenAsFloat && values.length > 5 && n > 0 && min >= 0) {
    const limit = Math.min(Math.round(values.length / 10), 10);
    if (countDistinct(values, limit + 1) <= limit) return { sdtype: 'categorical' };
  }
  const meta: NumericalMetadata = { sdtype: 'numerical', representation: integer ? 'integer' : 'float' };
  if (!integer) meta.decimals = nf ? nf.maxDecimals : decimals;
  if (nf && nf.minDecimals > 0) meta.minDecimals = nf.minDecimals;
  if (n > 0) {
    meta.min = min;
    meta.max = max;
  }
  return meta;
}

function decimalsOf(v: number): number {
  const s = String(Math.abs(v));
  const e = s.indexOf('e');
  if (e >= 0) {
    const mant = s.slice(0, e);
    const exp = Number(s.slice(e + 1));
    const dot = mant.indexOf('.');
    return Math.min(15, Math.max(0, (dot < 0 ? 0 : mant.length - dot - 1) - exp));
  }
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(15, s.length - dot - 1);
}

/** Distinct non-missing values, counting no further than `stop`. */
function countDistinct(values: Float64Array, stop: number): number {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    seen.add(v);
    if (seen.size >= stop) break;
  }
  return seen.size;
}

function isIdColumn(name: string, col: Column): boolean {
  if (col.type === 'categorical' && col.categories.length > 0) {
    let uuids = 0;
    const probe = Math.min(col.categories.length, 200);
    for (let i = 0; i < probe; i++) if (isUuid(col.categories[i]!)) uuids++;
    if (uuids === probe) return true;
  }
  if (!looksLikeIdName(name)) return false;
  if (col.type === 'number') {
    for (const v of col.values) if (!Number.isInteger(v)) return false;
  }
  return firstDuplicate(col) < 0;
}

/** Fewest rows for distinct key-shaped values to prove a key (below, they may be a few codes). */
const MIN_KEY_ROWS = 20;

function looksLikeKeys(categories: readonly string[]): boolean {
  const probe = categories.slice(0, 200);
  const m = probe.map((c) => /^([A-Za-z_#-]*?)[-_#]?(\d+)$/.exec(c));
  return m.every((x) => x !== null && x[1] === m[0]![1]) && probe.length > 0;
}

/** Row index of the first repeated or missing value, or -1 when all values are present and distinct. */
function firstDuplicate(col: Column): number {
  if (col.type === 'categorical') {
    const seen = new Uint8Array(col.categories.length);
    for (let i = 0; i < col.codes.length; i++) {
      const c = col.codes[i]!;
      if (c === MISSING_CODE || seen[c]) return i;
      seen[c] = 1;
    }
    return -1;
  }
  if (col.type === 'boolean') return col.values.length > 2 ? 2 : -1;
  const seen = new Set<number>();
  for (let i = 0; i < col.values.length; i++) {
    const v = col.values[i]!;
    if (Number.isNaN(v) || seen.has(v)) return i;
    seen.add(v);
  }
  return -1;
}

function idStyle(col: Column): { style: IdMetadata['style']; extra: { prefix?: string } } {
  if (col.type !== 'categorical') return { style: 'integer', extra: {} };
  const cats = col.categories.slice(0, 200);
  if (cats.length > 0 && cats.every(isUuid)) return { style: 'uuid', extra: {} };
  const m = cats.map((c) => /^(.*?)(\d+)$/.exec(c));
  const prefix = m[0]?.[1];
  if (prefix !== undefined && m.every((x) => x !== null && x[1] === prefix))
    return prefix === '' ? { style: 'integer', extra: {} } : { style: 'prefixed', extra: { prefix } };
  return { style: 'uuid', extra: {} };
}

function guessDatetimeFormat(values: Float64Array): string {
  let time = false;
  let frac = false;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v % 86_400_000 !== 0) time = true;
    if (v % 1000 !== 0) frac = true;
  }
  return frac ? '%Y-%m-%d %H:%M:%S.%f' : time ? '%Y-%m-%d %H:%M:%S' : '%Y-%m-%d';
}
