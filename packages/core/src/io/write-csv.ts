import type { Metadata } from '../metadata/types.js';
import type { Table } from '../table/table.js';
import type { ColumnFormat } from './column-format.js';
import { ByteSink, writeRows } from './csv-bytes.js';
import { type CellContext, columnCells } from './csv-cells.js';
import type { CsvDialect } from './csv-options.js';
import { quote } from './quote.js';

export interface CsvWriteOptions {
  /** Delimiter, line ending and BOM; default `,`, `\n`, no BOM (pass the read dialect to mirror the input). */
  dialect?: Partial<CsvDialect>;
  /** Formats from reading, used for columns the metadata does not style (e.g. numbers marked categorical). */
  formats?: Record<string, ColumnFormat>;
}

const utf8 = new TextEncoder();

/**
 * A table as CSV text, each column written as its metadata says: integers without decimals, floats
 * with at most `decimals` places in the input's style, datetimes in their format, booleans with their
 * tokens, categories verbatim, missing as empty. Quoting follows RFC 4180 (only when needed).
 * The text is the UTF-8 decoding of the bytes `csvByteChunks` writes (a lone surrogate, which
 * UTF-8 cannot hold, comes out as U+FFFD).
 */
export function formatCsv(table: Table, metadata: Metadata, options: CsvWriteOptions = {}): string {
  const text = new TextDecoder('utf-8', { ignoreBOM: true });
  let out = '';
  for (const bytes of byteChunks([table], metadata, options)) out += text.decode(bytes);
  return out;
}

/** The same text as `formatCsv`, as a stream of chunks (header first), for batches of any size. */
export async function* csvChunks(
  batches: AsyncIterable<Table> | Iterable<Table>,
  metadata: Metadata,
  options: CsvWriteOptions = {},
): AsyncGenerator<string> {
  const text = new TextDecoder('utf-8', { ignoreBOM: true });
  for await (const bytes of csvByteChunks(batches, metadata, options)) yield text.decode(bytes);
}

/**
 * The CSV as UTF-8 bytes, in chunks of about 1 MB (header first): what `writeCsvFile` writes. Cells
 * are written as bytes straight from the typed columns, with no string per value.
 */
export async function* csvByteChunks(
  batches: AsyncIterable<Table> | Iterable<Table>,
  metadata: Metadata,
  options: CsvWriteOptions = {},
): AsyncGenerator<Uint8Array> {
  const w = new CsvByteWriter(metadata, options);
  for await (const t of batches) yield* w.batch(t);
  yield* w.end();
}

function* byteChunks(
  batches: Iterable<Table>,
  metadata: Metadata,
  options: CsvWriteOptions,
): Generator<Uint8Array> {
  const w = new CsvByteWriter(metadata, options);
  for (const t of batches) yield* w.batch(t);
  yield* w.end();
}

/** Writes batches one after the other into ~1 MB chunks; the header goes before the first. */
class CsvByteWriter {
  private readonly metadata: Metadata;
  private readonly options: CsvWriteOptions;
  private readonly dialect: CsvDialect;
  private readonly sep: Uint8Array;
  private readonly eol: Uint8Array;
  private readonly sink = new ByteSink();
  private readonly dictionaries: CellContext['dictionaries'] = new WeakMap();
  private started = false;

  constructor(metadata: Metadata, options: CsvWriteOptions) {
    this.metadata = metadata;
    this.options = options;
    this.dialect = { delimiter: ',', lineEnding: '\n', bom: false, ...options.dialect };
    this.sep = utf8.encode(this.dialect.delimiter);
    this.eol = utf8.encode(this.dialect.lineEnding);
  }

  *batch(table: Table): Generator<Uint8Array> {
    if (!this.started) this.header(table.names);
    const names = table.names;
    const ctx: CellContext = {
      delimiter: this.dialect.delimiter,
      // A missing value in a one-column file must not become a blank line (readers skip those).
      missing: names.length === 1 ? '""' : '',
      dictionaries: this.dictionaries,
    };
    const cols = names.map((n) =>
      columnCells(table.column(n), this.metadata.columns[n], this.options.formats?.[n], ctx),
    );
    for (let i = 0; i < table.nRows; ) {
      i = writeRows(this.sink, cols, i, table.nRows, this.sep, this.eol);
      if (i < table.nRows) yield this.sink.take();
    }
  }

  *end(): Generator<Uint8Array> {
    if (!this.started) this.header(Object.keys(this.metadata.columns));
    yield this.sink.take();
  }

  private header(names: readonly string[]): void {
    this.started = true;
    const d = this.dialect;
    this.sink.writeText(
      (d.bom ? '\ufeff' : '') + names.map((n) => quote(n, d.delimiter)).join(d.delimiter) + d.lineEnding,
    );
  }
}
