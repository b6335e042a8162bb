import { SynthkitError } from '../errors/synthkit-error.js';
import type { Column } from '../table/column.js';
import { Table } from '../table/table.js';
import { ColumnTyper, makeTyperContext } from './column-typer.js';
import { type CsvReadOptions, type CsvReadResult, DEFAULT_MISSING_TOKENS } from './csv-options.js';

/**
 * Reads JSON records (an array of objects, or JSON lines: one object per line) into a Table, typed
 * by the same rules as CSV: numbers, true/false, datetimes in a known format, else categories.
 * Keys missing from a record, and nulls, are missing values; nested values are kept as JSON text.
 */
export function parseJson(text: string, options: CsvReadOptions = {}): CsvReadResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trim();
  if (trimmed === '')
    throw new SynthkitError('EMPTY_INPUT', 'The input is empty', {
      hint: 'Give an array of records or JSON lines',
    });
  const records = trimmed.startsWith('[') ? parseArray(trimmed) : parseLines(body);
  if (records.length === 0)
    throw new SynthkitError('NO_ROWS', 'The JSON holds no records', { hint: 'Add at least one record' });
  const missing = new Set(options.missingTokens ?? DEFAULT_MISSING_TOKENS);
  const missingToken = missing.has('') ? '' : ([...missing][0] ?? '');
  const names: string[] = [];
  const index = new Map<string, number>();
  const cols: string[][] = [];
  records.forEach((rec, i) => {
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec))
      throw new SynthkitError('BAD_VALUE', `Record ${i + 1} is not an object`, {
        row: i + 1,
        hint: 'Each record must be an object such as {"age": 39, "city": "Paris"}',
      });
    for (const [k, v] of Object.entries(rec as Record<string, unknown>)) {
      let j = index.get(k);
      if (j === undefined) {
        if (k.trim() === '')
          throw new SynthkitError('EMPTY_COLUMN_NAME', `Record ${i + 1} has an empty key`, {
            row: i + 1,
            hint: 'Name every field',
          });
        j = names.length;
        names.push(k);
        index.set(k, j);
        cols.push(new Array<string>(records.length).fill(missingToken));
      }
      cols[j]![i] =
        v === null || v === undefined
          ? missingToken
          : typeof v === 'string'
            ? v
            : typeof v === 'object'
              ? JSON.stringify(v)
              : String(v);
    }
  });
  const warnings: string[] = [];
  const ctx = makeTyperContext(options, warnings);
  const typers = names.map((n) => new ColumnTyper(n, options.types?.[n], options.datetimeFormats?.[n]));
  const columns = names.map((n, j): [string, Column] => {
    const r = typers[j]!.build(cols[j]!, 0, ctx);
    if (r === null || 'at' in r) {
      warnings.push(`Column "${n}" has no values (every record lacks it or holds null)`);
      return [n, { type: 'categorical', codes: new Int32Array(records.length).fill(-1), categories: [] }];
    }
    return [n, r];
  });
  return {
    table: new Table(columns),
    formats: Object.fromEntries(names.map((n, j) => [n, typers[j]!.format()])),
    dialect: { delimiter: ',', lineEnding: '\n', bom: false },
    warnings,
  };
}

function parseArray(text: string): unknown[] {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new SynthkitError('PARSE_ERROR', `Invalid JSON: ${(e as Error).message}`, {
      hint: 'Check the file with a JSON validator',
    });
  }
  if (!Array.isArray(v))
    throw new SynthkitError('PARSE_ERROR', 'Expected an array of records', {
      hint: 'Wrap the records in [ ]',
    });
  return v;
}

function parseLines(text: string): unknown[] {
  const out: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      out.push(JSON.parse(line));
    } catch (e) {
      throw new SynthkitError('PARSE_ERROR', `Line ${i + 1} is not valid JSON: ${(e as Error).message}`, {
        row: out.length + 1,
        hint: 'JSON lines hold one complete object per line',
      });
    }
  }
  return out;
}
