import type { Metadata } from '../../metadata/types.js';
import { Table } from '../../table/table.js';
import { type CsvWriteOptions, csvByteChunks } from '../write-csv.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * Writes a table, or a stream of batches, as CSV (see formatCsv) through a temporary file renamed
 * into place, so a failure midway never leaves a half-written file.
 */
export async function writeCsvFile(
  path: string,
  tableOrBatches: Table | AsyncIterable<Table> | Iterable<Table>,
  metadata: Metadata,
  options: CsvWriteOptions = {},
): Promise<void> {
  const batches = tableOrBatches instanceof Table ? [tableOrBatches] : tableOrBatches;
  await writeFileAtomic(path, csvByteChunks(batches, metadata, options));
}
