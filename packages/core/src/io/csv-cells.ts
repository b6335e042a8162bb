import type { ColumnMetadata } from '../metadata/types.js';
import { type Column, MISSING_BOOL } from '../table/column.js';
import type { ColumnFormat } from './column-format.js';
import { compileDatetimeFormat } from './datetime-format.js';
import { numberWriter, PLAIN_NUMBER } from './format-values.js';
import { quote } from './quote.js';

/** How the cells of one column become bytes (see csv-bytes.ts, which switches on it per cell). */
export const DICTIONARY = 0;
export const INTEGER = 1;
export const SCALED = 2;
export const PLAIN = 3;
export const TEXT = 4;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14];
const NO_NUMBERS = new Float64Array(0);
const NO_CODES = new Int32Array(0);
const NO_BYTES = new Uint8Array(0);
const DEFAULT_DATETIME = '%Y-%m-%d %H:%M:%S';
/** Room for any number String() writes ("-1.2345678901234567e-308" is 24 bytes) and a sign. */
const NUMBER_ROOM = 32;

const utf8 = new TextEncoder();

/**
 * One column of a batch, ready to write: every field exists on every kind (so the writer's loads
 * stay monomorphic); those a kind does not use hold empty arrays.
 */
export class ColumnCells {
  kind = DICTIONARY;
  /** Number and datetime values. */
  values: Float64Array = NO_NUMBERS;
  /** DICTIONARY: entry per row (categorical codes, or booleans widened). */
  codes: Int32Array = NO_CODES;
  /** DICTIONARY: UTF-8 of every entry back to back, entry e at [starts[e], starts[e + 1]). */
  dict: Uint8Array = NO_BYTES;
  starts: Int32Array = NO_CODES;
  /** DICTIONARY: the entry written for a negative code. */
  missingEntry = 0;
  /** SCALED: 10^decimals and decimals; INTEGER and SCALED: zeros owed after the point. */
  scale = 0;
  decimals = 0;
  minDecimals = 0;
  /** The text of a missing number (empty, or `""` in a one-column file). */
  missing: Uint8Array = NO_BYTES;
  /** Most bytes one cell can take (TEXT cells check room themselves). */
  room = 0;
  /** Any cell the fast paths do not cover, exactly as the string writer spells it. */
  slow: (v: number) => string = String;
}

export interface CellContext {
  readonly delimiter: string;
  /** Text of a missing value: '' (or '""' when the table has one column, so no line is blank). */
  readonly missing: string;
  /** Dictionaries already encoded, by category list (sampled batches share their lists). */
  readonly dictionaries: WeakMap<readonly string[], { dict: Uint8Array; starts: Int32Array }>;
}

/** How to write `col` in the style its metadata (or read format) gives. */
export function columnCells(
  col: Column,
  meta: ColumnMetadata | undefined,
  format: ColumnFormat | undefined,
  ctx: CellContext,
): ColumnCells {
  const c = new ColumnCells();
  c.missing = utf8.encode(ctx.missing);
  switch (col.type) {
    case 'categorical': {
      c.kind = DICTIONARY;
      let d = ctx.dictionaries.get(col.categories);
      if (d === undefined) {
        d = dictionary(col.categories, ctx);
        ctx.dictionaries.set(col.categories, d);
      }
      c.dict = d.dict;
      c.starts = d.starts;
      c.codes = col.codes;
      c.missingEntry = col.categories.length;
      c.room = maxEntry(d.starts);
      return c;
    }
    case 'boolean': {
      const tokens = booleanTokens(meta, format);
      const d = dictionary(tokens, ctx);
      c.kind = DICTIONARY;
      c.dict = d.dict;
      c.starts = d.starts;
      // Widened to codes so every dictionary takes one path: 1 is true, MISSING_BOOL missing, else false.
      const v = col.values;
      const codes = new Int32Array(v.length);
      for (let i = 0; i < v.length; i++) codes[i] = v[i] === 1 ? 1 : v[i] === MISSING_BOOL ? -1 : 0;
      c.codes = codes;
      c.missingEntry = 2;
      c.room = maxEntry(d.starts);
      return c;
    }
    case 'number': {
      const style = numberStyle(meta, format);
      c.values = col.values;
      c.slow = numberWriter(style);
      c.minDecimals = style.minDecimals;
      c.room = NUMBER_ROOM + style.minDecimals;
      if (style.integer) c.kind = INTEGER;
      else if (style.maxDecimals < POW10.length) {
        c.kind = SCALED;
        c.decimals = style.maxDecimals;
        c.scale = POW10[style.maxDecimals]!;
      } else c.kind = PLAIN;
      return c;
    }
    case 'datetime': {
      const f =
        meta?.sdtype === 'datetime'
          ? meta.format
          : format?.kind === 'datetime'
            ? format.format
            : DEFAULT_DATETIME;
      const codec = compileDatetimeFormat(f);
      const needs = /[",\r\n]/.test(f) || f.includes(ctx.delimiter);
      c.kind = TEXT;
      c.values = col.values;
      c.slow = needs ? (v) => quote(codec.write(v), ctx.delimiter) : codec.write;
      return c;
    }
  }
}

function numberStyle(meta: ColumnMetadata | undefined, format: ColumnFormat | undefined) {
  if (meta?.sdtype === 'numerical') {
    const integer = meta.representation === 'integer';
    return {
      integer,
      minDecimals: meta.minDecimals ?? 0,
      maxDecimals: meta.decimals ?? (integer ? 0 : Number.POSITIVE_INFINITY),
    };
  }
  return format?.kind === 'number' ? format : PLAIN_NUMBER;
}

function booleanTokens(meta: ColumnMetadata | undefined, format: ColumnFormat | undefined): [string, string] {
  if (meta?.sdtype === 'boolean') return [meta.falseToken ?? 'false', meta.trueToken ?? 'true'];
  if (format?.kind === 'boolean') return [format.falseToken ?? 'false', format.trueToken ?? 'true'];
  return ['false', 'true'];
}

/** Entries quoted as RFC 4180 needs, then the missing text, as UTF-8 back to back. */
function dictionary(entries: readonly string[], ctx: CellContext): { dict: Uint8Array; starts: Int32Array } {
  const parts = entries.map((e) => utf8.encode(quote(e, ctx.delimiter)));
  parts.push(utf8.encode(ctx.missing));
  const starts = new Int32Array(parts.length + 1);
  for (let e = 0; e < parts.length; e++) starts[e + 1] = starts[e]! + parts[e]!.length;
  const dict = new Uint8Array(starts[parts.length]!);
  for (let e = 0; e < parts.length; e++) dict.set(parts[e]!, starts[e]!);
  return { dict, starts };
}

function maxEntry(starts: Int32Array): number {
  let m = 0;
  for (let e = 0; e + 1 < starts.length; e++) m = Math.max(m, starts[e + 1]! - starts[e]!);
  return m;
}
