import type { ColumnMetadata, Metadata } from '../metadata/types.js';
import { type Column, MISSING_BOOL } from '../table/column.js';
import type { Table } from '../table/table.js';
import type { ColumnFormat } from './column-format.js';
import type { CsvDialect } from './csv-options.js';
import { compileDatetimeFormat } from './datetime-format.js';
import { numberWriter, PLAIN_NUMBER } from './format-values.js';

export interface CsvWriteOptions {
  /** Delimiter, line ending and BOM; default `,`, `\n`, no BOM (pass the read dialect to mirror the input). */
  dialect?: Partial<CsvDialect>;
  /** Formats from reading, used for columns the metadata does not style (e.g. numbers marked categorical). */
  formats?: Record<string, ColumnFormat>;
}

const ROWS_PER_CHUNK = 65_536;
const DEFAULT_DATETIME = '%Y-%m-%d %H:%M:%S';

/**
 * A table as CSV text, each column written as its metadata says: integers without decimals, floats
 * with at most `decimals` places in the input's style, datetimes in their format, booleans with their
 * tokens, categories verbatim, missing as empty. Quoting follows RFC 4180 (only when needed).
 */
export function formatCsv(table: Table, metadata: Metadata, options: CsvWriteOptions = {}): string {
  const d = dialectOf(options);
  let out = (d.bom ? '\ufeff' : '') + headerLine(table.names, d);
  for (let s = 0; s < table.nRows; s += ROWS_PER_CHUNK)
    out += rowsText(table, metadata, options, d, s, Math.min(table.nRows, s + ROWS_PER_CHUNK));
  return out;
}

/** The same text as `formatCsv`, as a stream of chunks (header first), for batches of any size. */
export async function* csvChunks(
  batches: AsyncIterable<Table> | Iterable<Table>,
  metadata: Metadata,
  options: CsvWriteOptions = {},
): AsyncGenerator<string> {
  const d = dialectOf(options);
  let first = true;
  for await (const t of batches) {
    if (first) {
      yield (d.bom ? '\ufeff' : '') + headerLine(t.names, d);
      first = false;
    }
    for (let s = 0; s < t.nRows; s += ROWS_PER_CHUNK)
      yield rowsText(t, metadata, options, d, s, Math.min(t.nRows, s + ROWS_PER_CHUNK));
  }
  if (first) {
    const names = Object.keys(metadata.columns);
    yield (d.bom ? '\ufeff' : '') + headerLine(names, d);
  }
}

function dialectOf(options: CsvWriteOptions): CsvDialect {
  return { delimiter: ',', lineEnding: '\n', bom: false, ...options.dialect };
}

function headerLine(names: readonly string[], d: CsvDialect): string {
  return names.map((n) => quote(n, d.delimiter)).join(d.delimiter) + d.lineEnding;
}

function rowsText(
  table: Table,
  metadata: Metadata,
  options: CsvWriteOptions,
  d: CsvDialect,
  start: number,
  end: number,
): string {
  const names = table.names;
  // A missing value in a one-column file must not become a blank line (readers skip those).
  const missing = names.length === 1 ? '""' : '';
  const cells = names.map((n) =>
    columnCells(table.column(n), metadata.columns[n], options.formats?.[n], d.delimiter, missing, start, end),
  );
  // One flat join: concatenating cell by cell would build a rope per row and keep the GC busy.
  const nCols = cells.length;
  const parts = new Array<string>((end - start) * nCols * 2);
  let k = 0;
  for (let i = 0; i < end - start; i++) {
    for (let j = 0; j < nCols; j++) {
      parts[k++] = cells[j]![i]!;
      parts[k++] = j < nCols - 1 ? d.delimiter : d.lineEnding;
    }
  }
  return parts.join('');
}

function columnCells(
  col: Column,
  meta: ColumnMetadata | undefined,
  format: ColumnFormat | undefined,
  delim: string,
  missing: string,
  start: number,
  end: number,
): string[] {
  const out = new Array<string>(end - start);
  switch (col.type) {
    case 'categorical': {
      const quoted = col.categories.map((c) => quote(c, delim));
      for (let i = start; i < end; i++) {
        const c = col.codes[i]!;
        out[i - start] = c < 0 ? missing : quoted[c]!;
      }
      return out;
    }
    case 'number': {
      const w = numberWriter(numberStyle(meta, format));
      for (let i = start; i < end; i++) {
        const v = col.values[i]!;
        out[i - start] = Number.isNaN(v) ? missing : w(v);
      }
      return out;
    }
    case 'datetime': {
      const f =
        meta?.sdtype === 'datetime'
          ? meta.format
          : format?.kind === 'datetime'
            ? format.format
            : DEFAULT_DATETIME;
      const codec = compileDatetimeFormat(f);
      const needs = /[",\r\n]/.test(f) || f.includes(delim);
      for (let i = start; i < end; i++) {
        const v = col.values[i]!;
        out[i - start] = Number.isNaN(v) ? missing : needs ? quote(codec.write(v), delim) : codec.write(v);
      }
      return out;
    }
    case 'boolean': {
      const t =
        meta?.sdtype === 'boolean'
          ? meta.trueToken
          : format?.kind === 'boolean'
            ? format.trueToken
            : undefined;
      const f =
        meta?.sdtype === 'boolean'
          ? meta.falseToken
          : format?.kind === 'boolean'
            ? format.falseToken
            : undefined;
      const tq = quote(t ?? 'true', delim);
      const fq = quote(f ?? 'false', delim);
      for (let i = start; i < end; i++) {
        const v = col.values[i]!;
        out[i - start] = v === MISSING_BOOL ? missing : v === 1 ? tq : fq;
      }
      return out;
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

/** RFC 4180: quote a field holding the delimiter, a quote or a line break; double inner quotes. */
export function quote(s: string, delim: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 10 || c === 13) {
      needs = true;
      break;
    }
  }
  if (!needs && !s.includes(delim)) return s;
  return `"${s.replace(/"/g, '""')}"`;
}
