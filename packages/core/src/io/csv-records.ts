import Papa from 'papaparse';
import { SynthkitError } from '../errors/synthkit-error.js';
import type { CsvDialect, CsvInput } from './csv-options.js';
import { sniffDialect } from './csv-sniff.js';
import { textChunks } from './text-chunks.js';

/** One batch of raw CSV fields, column-major (`columns[j][i]` is row i of column j). */
export interface RecordBatch {
  readonly header: readonly string[];
  readonly dialect: CsvDialect;
  readonly columns: string[][];
  readonly nRows: number;
  /** Data rows before this batch (header excluded). */
  readonly rowOffset: number;
}

/** Text handed to the tokenizer at once: big enough to amortise, small enough to stream. */
const BLOCK = 1 << 20;
const SNIFF = 1 << 16;
/** A single record longer than this is taken for an unterminated quote. */
const MAX_RECORD = 64 << 20;

/**
 * Streams a CSV as batches of raw fields. RFC 4180 (quoted fields, doubled quotes, embedded line
 * breaks, CRLF) is tokenized by papaparse block by block; the unfinished last record of each block is
 * carried into the next, so memory stays bounded by one block plus one batch whatever the file size.
 */
export async function* csvRecordBatches(
  input: CsvInput,
  options: { delimiter?: string; encoding?: string },
  batchSize: number,
): AsyncGenerator<RecordBatch> {
  let buf = '';
  let header: string[] | undefined;
  let dialect: CsvDialect | undefined;
  let parser: Papa.Parser | undefined;
  let columns: string[][] = [];
  let fill = 0;
  let rows = 0; // data rows accepted so far
  let rowOffset = 0;
  let sawText = false;
  let given: ReturnType<typeof sniffDialect> | undefined;

  const flush = (): RecordBatch => {
    const batch: RecordBatch = { header: header!, dialect: dialect!, columns, nRows: fill, rowOffset };
    rowOffset += fill;
    columns = header!.map(() => []);
    fill = 0;
    return batch;
  };

  const start = (final: boolean): void => {
    let bom = false;
    if (buf.charCodeAt(0) === 0xfeff) {
      bom = true;
      buf = buf.slice(1);
    }
    if (buf.trim() === '')
      throw new SynthkitError('EMPTY_INPUT', 'The input is empty', {
        hint: 'Give a CSV file with a header row and data rows',
      });
    const sniffed = sniffDialect(buf.slice(0, SNIFF), final && buf.length <= SNIFF);
    const delimiter = options.delimiter ?? sniffed.delimiter;
    if (options.delimiter !== undefined && (options.delimiter === '' || /["\r\n]/.test(options.delimiter)))
      throw new SynthkitError('BAD_OPTION', `"${options.delimiter}" cannot be a delimiter`, {
        hint: 'Use , ; | or \\t, or leave it out to sniff it',
      });
    dialect = { delimiter, lineEnding: sniffed.newline === '\r\n' ? '\r\n' : '\n', bom };
    parser = new Papa.Parser({ delimiter, newline: sniffed.newline, quoteChar: '"' } as Papa.ParseConfig);
    given = options.delimiter !== undefined ? sniffed : undefined;
  };

  function* block(final: boolean): Generator<RecordBatch> {
    if (parser === undefined) start(final);
    const res = parser!.parse(buf, 0, !final) as Papa.ParseResult<string[]>;
    const err = res.errors[0];
    if (err !== undefined) {
      const at = header === undefined ? (err.row ?? 0) : rows + (err.row ?? 0) + 1;
      throw new SynthkitError(
        'PARSE_ERROR',
        err.code === 'MissingQuotes' ? 'A quoted field is never closed' : `Malformed quotes: ${err.message}`,
        {
          ...(at > 0 ? { row: at } : {}),
          hint: 'Quote a field that holds the delimiter, a quote or a line break, and double quotes inside it ("a ""b"" c")',
        },
      );
    }
    const data = res.data;
    // A final line break yields one empty trailing record: not a row (it would be a missing value
    // in a one-column file).
    const last = data[data.length - 1];
    if (final && last?.length === 1 && last[0] === '' && /[\r\n]$/.test(buf)) data.pop();
    const cursor = final ? buf.length : (res.meta.cursor as number);
    if (!final && data.length === 0 && buf.length > MAX_RECORD)
      throw new SynthkitError(
        'PARSE_ERROR',
        'A record is longer than 64 MB: a quoted field is probably never closed',
        {
          row: rows + 1,
          hint: 'Check the quotes around that row',
        },
      );
    buf = buf.slice(cursor);
    let i = 0;
    if (header === undefined) {
      const h = data[0];
      if (h === undefined) return;
      header = checkHeader(h, dialect!, given);
      columns = header.map(() => []);
      i = 1;
    }
    const nCols = header.length;
    for (; i < data.length; i++) {
      const row = data[i]!;
      if (row.length !== nCols) {
        // A blank line: skipped, except in a one-column file where it is a missing value.
        if (row.length === 1 && row[0] === '') continue;
        throw new SynthkitError(
          'RAGGED_ROW',
          `Row ${rows + 1} has ${row.length} fields, the header has ${nCols}`,
          {
            row: rows + 1,
            hint:
              row.length > nCols
                ? `Quote values that contain "${dialect!.delimiter === '\t' ? '\\t' : dialect!.delimiter}", or check the delimiter`
                : 'Add the missing fields (empty is fine) or remove the row',
          },
        );
      }
      for (let j = 0; j < nCols; j++) columns[j]!.push(row[j]!);
      fill++;
      rows++;
      if (fill === batchSize) yield flush();
    }
  }

  for await (const chunk of textChunks(input, options.encoding)) {
    if (!sawText && chunk) sawText = true;
    buf += chunk;
    if (buf.length >= BLOCK) yield* block(false);
  }
  if (!sawText)
    throw new SynthkitError('EMPTY_INPUT', 'The input is empty', {
      hint: 'Give a CSV file with a header row and data rows',
    });
  if (buf.length > 0 || parser === undefined) yield* block(true);
  if (header === undefined)
    throw new SynthkitError('EMPTY_INPUT', 'The input is empty', {
      hint: 'Give a CSV file with a header row and data rows',
    });
  if (rows === 0)
    throw new SynthkitError('NO_ROWS', `The input has a header (${header.length} columns) but no data rows`, {
      hint: 'Add data rows below the header',
    });
  if (fill > 0) yield flush();
}

function checkHeader(
  h: string[],
  dialect: CsvDialect,
  sniffed: ReturnType<typeof sniffDialect> | undefined,
): string[] {
  if (
    h.length === 1 &&
    sniffed !== undefined &&
    sniffed.delimiter !== dialect.delimiter &&
    sniffed.headerFields > 1 &&
    sniffed.consistency >= 0.8
  )
    throw new SynthkitError(
      'BAD_DELIMITER',
      `With delimiter "${show(dialect.delimiter)}" the file has one column, but "${show(sniffed.delimiter)}" splits it into ${sniffed.headerFields}`,
      {
        hint: `Pass delimiter "${show(sniffed.delimiter)}", or leave the delimiter out to sniff it`,
      },
    );
  const seen = new Set<string>();
  h.forEach((name, j) => {
    if (name.trim() === '')
      throw new SynthkitError('EMPTY_COLUMN_NAME', `Column ${j + 1} of the header has no name`, {
        column: `#${j + 1}`,
        hint: 'Name every column in the header (a pandas index column is unnamed: save with index=False)',
      });
    if (seen.has(name))
      throw new SynthkitError('DUPLICATE_COLUMN', `Column "${name}" appears twice in the header`, {
        column: name,
        hint: 'Rename one of the columns so every name is unique',
      });
    seen.add(name);
  });
  return h;
}

function show(d: string): string {
  return d === '\t' ? '\\t' : d;
}
