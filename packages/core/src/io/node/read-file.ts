import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { createGunzip } from 'node:zlib';
import { SynthkitError } from '../../errors/synthkit-error.js';
import type { CsvBatch, CsvBatchOptions, CsvReadOptions, CsvReadResult } from '../csv-options.js';
import { parseCsv, readCsvBatches } from '../read-csv.js';
import { parseJson } from '../read-json.js';
import { textChunks } from '../text-chunks.js';

/** Reads a CSV file (or .csv.gz) into a Table; see parseCsv. */
export async function readCsvFile(path: string, options: CsvReadOptions = {}): Promise<CsvReadResult> {
  return parseCsv(await fileStream(path), options);
}

/** Streams a CSV file (or .csv.gz) as typed batches with bounded memory; see readCsvBatches. */
export async function* readCsvFileBatches(
  path: string,
  options: CsvBatchOptions = {},
): AsyncGenerator<CsvBatch> {
  yield* readCsvBatches(await fileStream(path), options);
}

/**
 * Reads a table file by its extension: .csv, .tsv (tab-delimited), .json (array of records) or
 * .jsonl/.ndjson (one record per line), each optionally gzipped (.gz).
 */
export async function readTableFile(path: string, options: CsvReadOptions = {}): Promise<CsvReadResult> {
  const lower = path.toLowerCase();
  const ext = extname(lower.endsWith('.gz') ? lower.slice(0, -3) : lower);
  switch (ext) {
    case '.csv':
    case '.txt':
      return readCsvFile(path, options);
    case '.tsv':
    case '.tab':
      return readCsvFile(path, { delimiter: '\t', ...options });
    case '.json':
    case '.jsonl':
    case '.ndjson': {
      // Decoded as CSV input is: options.encoding, invalid bytes a PARSE_ERROR rather than U+FFFD.
      const text: string[] = [];
      for await (const t of textChunks(await fileStream(path), options.encoding)) text.push(t);
      return parseJson(text.join(''), options);
    }
    default:
      throw new SynthkitError('UNSUPPORTED', `Cannot tell the format of "${path}" from its extension`, {
        hint: 'Use a .csv, .tsv, .json, .jsonl or .ndjson file (optionally .gz)',
      });
  }
}

async function fileStream(path: string): Promise<AsyncIterable<Uint8Array>> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SynthkitError(
      'IO_ERROR',
      `Cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      {
        hint:
          code === 'ENOENT'
            ? 'Check the path (relative paths start from the current directory)'
            : 'Check the path and its permissions',
        cause: e,
      },
    );
  }
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  return path.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}
