export type {
  BooleanFormat,
  ColumnFormat,
  DatetimeFormat,
  NumberFormat,
  TextFormat,
} from './column-format.js';
export {
  type CsvBatch,
  type CsvBatchOptions,
  type CsvDialect,
  type CsvInput,
  type CsvReadOptions,
  type CsvReadResult,
  DEFAULT_MISSING_TOKENS,
} from './csv-options.js';
export { compileDatetimeFormat, type DatetimeCodec } from './datetime-format.js';
export { parseCsv, readCsvBatches } from './read-csv.js';
export { parseJson } from './read-json.js';
export { tableFingerprint } from './table-fingerprint.js';
export { type CsvWriteOptions, csvByteChunks, csvChunks, formatCsv } from './write-csv.js';
