import { SynthkitError } from '../errors/synthkit-error.js';
import {
  type Column,
  type ColumnType,
  concatColumns,
  isMissingAt,
  MISSING_BOOL,
  MISSING_CODE,
} from '../table/column.js';
import { Table } from '../table/table.js';
import type { ColumnFormat } from './column-format.js';
import { ColumnTyper, makeTyperContext, type TyperContext } from './column-typer.js';
import {
  type CsvBatch,
  type CsvBatchOptions,
  type CsvInput,
  type CsvReadOptions,
  type CsvReadResult,
  DEFAULT_BATCH_SIZE,
} from './csv-options.js';
import { csvRecordBatches } from './csv-records.js';
import { cellStrings } from './format-values.js';

/**
 * Reads a whole CSV into a typed Table, streaming it in batches so only one batch is ever held as
 * strings. A column whose later rows break the type seen so far (text in a number column) is
 * re-read as text with a warning; nothing is dropped.
 */
export async function parseCsv(input: CsvInput, options: CsvReadOptions = {}): Promise<CsvReadResult> {
  const warnings: string[] = [];
  const ctx = makeTyperContext(options, warnings);
  let typers: ColumnTyper[] = [];
  let parts: Array<Array<Column | number>> = [];
  let header: readonly string[] = [];
  let dialect: CsvReadResult['dialect'] | undefined;
  for await (const rb of csvRecordBatches(input, options, DEFAULT_BATCH_SIZE)) {
    if (dialect === undefined) {
      header = rb.header;
      dialect = rb.dialect;
      typers = makeTypers(header, options);
      parts = header.map(() => []);
    }
    for (let j = 0; j < header.length; j++) {
      const typer = typers[j]!;
      const vals = rb.columns[j]!;
      const r = typer.build(vals, rb.rowOffset, ctx);
      if (r === null) parts[j]!.push(rb.nRows);
      else if (!('at' in r)) parts[j]!.push(r);
      else parts[j] = [retype(typer, parts[j]!, vals, rb.rowOffset, r.at, ctx)];
    }
  }
  const columns = header.map((name, j) => {
    const typer = typers[j]!;
    if (typer.kind === 'unknown') warnings.push(`Column "${name}" has no values (every row is missing)`);
    return [name, joinParts(parts[j]!, typer.kind)] as const;
  });
  return {
    table: new Table(columns),
    formats: Object.fromEntries(header.map((name, j) => [name, typers[j]!.format()])),
    dialect: dialect!,
    warnings,
  };
}

/**
 * Streams a CSV as typed batches (each a Table of at most `batchSize` rows) with bounded memory.
 * Column types are decided on the first batch; a later value that does not fit (text in a number
 * column) is a TYPE_MISMATCH error naming the column and row, since earlier batches are gone.
 */
export async function* readCsvBatches(
  input: CsvInput,
  options: CsvBatchOptions = {},
): AsyncGenerator<CsvBatch> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!(batchSize >= 1))
    throw new SynthkitError('BAD_OPTION', `batchSize must be at least 1, got ${batchSize}`, {
      hint: 'Use e.g. 65536',
    });
  let typers: ColumnTyper[] | undefined;
  for await (const rb of csvRecordBatches(input, options, batchSize)) {
    const warnings: string[] = [];
    const ctx = makeTyperContext(options, warnings);
    typers ??= makeTypers(rb.header, options);
    const columns = rb.header.map((name, j) => {
      const typer = typers![j]!;
      const vals = rb.columns[j]!;
      const r = typer.build(vals, rb.rowOffset, ctx);
      if (r === null) {
        typer.kind = 'categorical';
        warnings.push(`Column "${name}" is empty in the first ${rb.nRows} rows: read as text`);
        return [name, missingColumn('categorical', rb.nRows)] as const;
      }
      if ('at' in r)
        throw new SynthkitError(
          'TYPE_MISMATCH',
          `"${vals[r.at]}" is not a ${typer.kind} like the values of the first batch (which decided the column's type)`,
          {
            column: name,
            row: rb.rowOffset + r.at + 1,
            hint: `Read the column as text with types: { "${name}": "categorical" }, or read the whole file with parseCsv, which re-types mixed columns`,
          },
        );
      return [name, r] as const;
    });
    yield {
      table: new Table(columns),
      formats: Object.fromEntries(rb.header.map((name, j) => [name, typers![j]!.format()])) as Record<
        string,
        ColumnFormat
      >,
      dialect: rb.dialect,
      warnings,
    };
  }
}

function makeTypers(header: readonly string[], options: CsvReadOptions): ColumnTyper[] {
  for (const name of [...Object.keys(options.types ?? {}), ...Object.keys(options.datetimeFormats ?? {})])
    if (!header.includes(name))
      throw new SynthkitError(
        'UNKNOWN_COLUMN',
        `A type is given for column "${name}", which the file does not have`,
        {
          column: name,
          hint: `Columns are: ${header.join(', ')}`,
        },
      );
  return header.map((name) => new ColumnTyper(name, options.types?.[name], options.datetimeFormats?.[name]));
}

/**
 * Re-reads a column whose new batch broke its type: earlier parts are written back as text in the
 * format they were read with, joined with the new values and typed afresh.
 */
function retype(
  typer: ColumnTyper,
  parts: ReadonlyArray<Column | number>,
  vals: readonly string[],
  rowOffset: number,
  at: number,
  ctx: TyperContext,
): Column {
  const before = typer.kind;
  const format = typer.format();
  const missingToken = ctx.missing.has('') ? '' : ([...ctx.missing][0] ?? '');
  const all: string[] = [];
  for (const p of parts) {
    if (typeof p === 'number') {
      for (let i = 0; i < p; i++) all.push(missingToken);
      continue;
    }
    const strs = cellStrings(p, format);
    for (let i = 0; i < strs.length; i++) all.push(isMissingAt(p, i) ? missingToken : strs[i]!);
  }
  for (const v of vals) all.push(v);
  typer.reset();
  const r = typer.build(all, 0, ctx);
  if (r === null || 'at' in r)
    throw new SynthkitError('INTERNAL', `Could not re-read column "${typer.name}"`);
  const what =
    typer.kind === before
      ? `format ${JSON.stringify(typer.format())}`
      : typer.kind === 'categorical'
        ? 'text (mixed types)'
        : typer.kind;
  ctx.warn(
    `Column "${typer.name}": row ${rowOffset + at + 1} has "${vals[at]}", not a ${before}; the column is read as ${what}`,
  );
  return r;
}

function joinParts(parts: ReadonlyArray<Column | number>, kind: ColumnType | 'unknown'): Column {
  const type: ColumnType = kind === 'unknown' ? 'categorical' : kind;
  const cols = parts.map((p) => (typeof p === 'number' ? missingColumn(type, p) : p));
  return cols.length === 1 ? cols[0]! : concatColumns(cols);
}

function missingColumn(type: ColumnType, n: number): Column {
  switch (type) {
    case 'categorical':
      return { type, codes: new Int32Array(n).fill(MISSING_CODE), categories: [] };
    case 'boolean':
      return { type, values: new Uint8Array(n).fill(MISSING_BOOL) };
    default:
      return { type, values: new Float64Array(n).fill(Number.NaN) };
  }
}
