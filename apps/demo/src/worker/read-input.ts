/**
 * Reads a dropped file or a bundled sample into a Table, in the worker. Small files are parsed
 * whole; big ones (and gzip) are streamed and only their first rows are kept, so a 500 MB file
 * never sits in the page's memory.
 */
import { type ColumnFormat, parseCsv, parseJson, readCsvBatches, SynthkitError, Table } from '@synthkit/core';
import { sniffFile } from './sniff-file.js';

/** Above this size a file is streamed and cut to HEAD_ROWS rows. */
export const STREAM_ABOVE_BYTES = 64 * 1024 * 1024;
/** Rows kept from a streamed file: enough to learn from, small enough for a browser tab. */
export const HEAD_ROWS = 100_000;
/** JSON is parsed as one string; beyond this it is refused. */
const JSON_LIMIT_BYTES = 64 * 1024 * 1024;

export interface ReadResult {
  readonly table: Table;
  readonly formats: Record<string, ColumnFormat>;
  readonly notices: string[];
  readonly encoding: string;
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

export async function readInput(file: Blob, name: string, encodingOverride?: string): Promise<ReadResult> {
  if (file.size === 0)
    throw new SynthkitError('EMPTY_INPUT', `"${name}" is empty (0 bytes).`, {
      hint: 'Drop a CSV file with a header row and at least one data row.',
    });
  const head = new Uint8Array(await file.slice(0, 65_536).arrayBuffer());
  const sniffed = sniffFile(name, head, encodingOverride);
  const notices: string[] = sniffed.encodingNotice ? [sniffed.encodingNotice] : [];
  const encoding = sniffed.encoding;

  if (sniffed.looksLikeJson) {
    if (file.size > JSON_LIMIT_BYTES)
      throw new SynthkitError(
        'UNSUPPORTED',
        `"${name}" is JSON of ${mb(file.size)}; the demo reads JSON up to ${mb(JSON_LIMIT_BYTES)}.`,
        {
          hint: 'Convert it to CSV (which is streamed) or use the CLI: npx synthkit generate file.json',
        },
      );
    const text = new TextDecoder(encoding).decode(await file.arrayBuffer());
    const r = parseJson(text);
    return { table: r.table, formats: r.formats, notices: [...notices, ...r.warnings], encoding };
  }

  if (!sniffed.gzip && file.size <= STREAM_ABOVE_BYTES) {
    const r = await parseCsv(new Uint8Array(await file.arrayBuffer()), { encoding });
    return { table: r.table, formats: r.formats, notices: [...notices, ...r.warnings], encoding };
  }

  // Streamed: decompress on the fly when gzipped, keep the first HEAD_ROWS rows, then stop reading.
  let stream: ReadableStream<Uint8Array> = file.stream();
  if (sniffed.gzip)
    stream = stream.pipeThrough(
      new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>,
    );
  const parts: Table[] = [];
  let rows = 0;
  let formats: Record<string, ColumnFormat> = {};
  let complete = true;
  const warnings = new Set<string>();
  for await (const batch of readCsvBatches(stream, { encoding, batchSize: 25_000 })) {
    const keep = Math.min(batch.table.nRows, HEAD_ROWS - rows);
    parts.push(keep < batch.table.nRows ? batch.table.slice(0, keep) : batch.table);
    rows += keep;
    formats = batch.formats;
    for (const w of batch.warnings) warnings.add(w);
    if (rows >= HEAD_ROWS) {
      complete = false;
      break; // ends the generator, which cancels the file stream
    }
  }
  if (parts.length === 0)
    throw new SynthkitError('NO_ROWS', `"${name}" has a header but no data rows.`, {
      hint: 'Add at least one data row under the header.',
    });
  const what = sniffed.gzip ? `gzip file of ${mb(file.size)}` : `${mb(file.size)} file`;
  notices.push(
    complete
      ? `Read the whole ${what} as a stream (${rows.toLocaleString('en-US')} rows).`
      : `This is a ${what}: the demo read it as a stream and kept the first ${HEAD_ROWS.toLocaleString('en-US')} rows ` +
          `(the page reads at most ${mb(STREAM_ABOVE_BYTES)} whole). For every row, use the CLI, which streams any size: ` +
          'npx synthkit generate file.csv --out synthetic.csv',
  );
  return { table: Table.concat(parts), formats, notices: [...notices, ...warnings], encoding };
}
