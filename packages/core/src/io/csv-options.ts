import type { ColumnType } from '../table/column.js';
import type { Table } from '../table/table.js';
import type { ColumnFormat } from './column-format.js';

/** How a CSV file is laid out; sniffed on read, reused on write so output looks like input. */
export interface CsvDialect {
  delimiter: string;
  lineEnding: '\n' | '\r\n';
  bom: boolean;
}

/** Anything a CSV can arrive as: text, bytes, or a stream of either (Node streams, web streams). */
export type CsvInput =
  | string
  | Uint8Array
  | ArrayBuffer
  | AsyncIterable<string | Uint8Array>
  | Iterable<string | Uint8Array>
  | ReadableStream<string | Uint8Array>;

/** Exact tokens read as missing (no trimming: Adult's " ?" is a category, "?" is missing). */
export const DEFAULT_MISSING_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', '?'];

export interface CsvReadOptions {
  /** Field delimiter; sniffed among , ; \t | from the first 64 KB when not given. */
  delimiter?: string;
  /** Tokens read as missing values; default DEFAULT_MISSING_TOKENS. */
  missingTokens?: readonly string[];
  /** 'Infinity', '-inf'… in a numeric column: an error (default) or missing with a warning. */
  nonFinite?: 'error' | 'missing';
  /** Force the physical type of some columns instead of inferring it. */
  types?: Record<string, ColumnType>;
  /** strftime formats for datetime columns (implies type 'datetime'). */
  datetimeFormats?: Record<string, string>;
  /** Text encoding of byte input (any WHATWG label: 'utf-8', 'latin1', 'windows-1252'…); default utf-8. */
  encoding?: string;
}

export interface CsvBatchOptions extends CsvReadOptions {
  /** Rows per yielded batch; default 65,536. Column types are decided on the first batch. */
  batchSize?: number;
}

export interface CsvReadResult {
  table: Table;
  formats: Record<string, ColumnFormat>;
  dialect: CsvDialect;
  warnings: string[];
}

export interface CsvBatch {
  table: Table;
  /** Formats of every column as seen so far (decimals can widen from batch to batch). */
  formats: Record<string, ColumnFormat>;
  dialect: CsvDialect;
  /** Warnings raised while reading this batch. */
  warnings: string[];
}

export const DEFAULT_BATCH_SIZE = 65_536;
