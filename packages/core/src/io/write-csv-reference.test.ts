/**
 * The byte writer against the string writer it replaced (kept below as the reference, unchanged):
 * the same text for every column style, dialect and awkward value, on random tables and on rows
 * sampled from the bundled datasets with a fixed seed.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { independentMarginals } from '../generators/independent-marginals.js';
import { detectMetadata } from '../metadata/detect.js';
import type { ColumnMetadata, Metadata } from '../metadata/types.js';
import { Rng } from '../rng/rng.js';
import { Synthesizer } from '../synthesizer/synthesizer.js';
import { type Column, MISSING_BOOL } from '../table/column.js';
import { batchesOf, Table } from '../table/table.js';
import type { ColumnFormat } from './column-format.js';
import type { CsvDialect } from './csv-options.js';
import { compileDatetimeFormat } from './datetime-format.js';
import { numberWriter, PLAIN_NUMBER } from './format-values.js';
import { readCsvFile } from './node/read-file.js';
import { writeCsvFile } from './node/write-csv-file.js';
import { quote } from './quote.js';
import { type CsvWriteOptions, csvChunks, formatCsv } from './write-csv.js';

// ---- The reference: the string writer as it was before the byte writer (one string per cell, joined).

function referenceCsv(table: Table, metadata: Metadata, options: CsvWriteOptions = {}): string {
  const d: CsvDialect = { delimiter: ',', lineEnding: '\n', bom: false, ...options.dialect };
  let out = (d.bom ? '\ufeff' : '') + table.names.map((n) => quote(n, d.delimiter)).join(d.delimiter);
  out += d.lineEnding;
  const missing = table.names.length === 1 ? '""' : '';
  const cells = table.names.map((n) =>
    referenceCells(table.column(n), metadata.columns[n], options.formats?.[n], d.delimiter, missing),
  );
  const parts: string[] = [];
  for (let i = 0; i < table.nRows; i++)
    for (let j = 0; j < cells.length; j++)
      parts.push(cells[j]![i]!, j < cells.length - 1 ? d.delimiter : d.lineEnding);
  return out + parts.join('');
}

function referenceCells(
  col: Column,
  meta: ColumnMetadata | undefined,
  format: ColumnFormat | undefined,
  delim: string,
  missing: string,
): string[] {
  switch (col.type) {
    case 'categorical': {
      const quoted = col.categories.map((c) => quote(c, delim));
      return Array.from(col.codes, (c) => (c < 0 ? missing : quoted[c]!));
    }
    case 'number': {
      let style: Parameters<typeof numberWriter>[0];
      if (meta?.sdtype === 'numerical') {
        const integer = meta.representation === 'integer';
        style = {
          integer,
          minDecimals: meta.minDecimals ?? 0,
          maxDecimals: meta.decimals ?? (integer ? 0 : Number.POSITIVE_INFINITY),
        };
      } else style = format?.kind === 'number' ? format : PLAIN_NUMBER;
      const w = numberWriter(style);
      return Array.from(col.values, (v) => (Number.isNaN(v) ? missing : w(v)));
    }
    case 'datetime': {
      const f =
        meta?.sdtype === 'datetime'
          ? meta.format
          : format?.kind === 'datetime'
            ? format.format
            : '%Y-%m-%d %H:%M:%S';
      const codec = compileDatetimeFormat(f);
      const needs = /[",\r\n]/.test(f) || f.includes(delim);
      return Array.from(col.values, (v) =>
        Number.isNaN(v) ? missing : needs ? quote(codec.write(v), delim) : codec.write(v),
      );
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
      return Array.from(col.values, (v) => (v === MISSING_BOOL ? missing : v === 1 ? tq : fq));
    }
  }
}

// ---- Random tables covering every style.

/** Values that stress number formatting: round and half steps, huge, tiny, negative zero, non-finite. */
function awkwardNumber(rng: Rng): number {
  const sign = rng.next() < 0.3 ? -1 : 1;
  switch (rng.int(12)) {
    case 0:
      return sign * rng.int(100);
    case 1:
      return sign * rng.int(2 ** 31 + 5);
    case 2:
      return (sign * (rng.int(1e6) + 0.5)) / 10 ** rng.int(8);
    case 3:
      return sign * rng.next() * 10 ** (rng.int(44) - 22);
    case 4:
      return [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0][rng.int(5)]!;
    case 5:
      return sign * (rng.int(10 ** 9) * 10 ** 6 + rng.int(10 ** 6)); // near and past 1e15
    case 6:
      return sign * rng.int(1e7) * 10 ** (rng.int(30) - 20);
    case 7:
      return sign * 2 ** (rng.int(120) - 60);
    case 8:
      return sign * (rng.int(1000) + 0.05 * rng.int(20));
    case 9:
      return sign * rng.next() * 1e-5;
    default:
      return sign * rng.next() * 10 ** rng.int(9);
  }
}

const STYLES: ColumnMetadata[] = [
  { sdtype: 'numerical', representation: 'integer' },
  { sdtype: 'numerical', representation: 'integer', minDecimals: 1 },
  { sdtype: 'numerical', representation: 'integer', minDecimals: 3 },
  ...[0, 1, 2, 3, 4, 6, 7, 9, 12, 14, 15, 20].map(
    (decimals): ColumnMetadata => ({ sdtype: 'numerical', representation: 'float', decimals }),
  ),
  ...[0, 2, 6].flatMap((minDecimals) =>
    [0, 2, 5].map(
      (decimals): ColumnMetadata => ({ sdtype: 'numerical', representation: 'float', decimals, minDecimals }),
    ),
  ),
  { sdtype: 'numerical', representation: 'float' },
  { sdtype: 'categorical' }, // a number column written plainly (or by its read format)
];

const CATEGORIES = [
  'a',
  ' lead',
  'x,y',
  'say "hi"',
  'two\nlines',
  'cr\r',
  'Zoë',
  '日本',
  '🙂',
  '',
  'semi;colon',
  'tab\t',
];
const FORMATS = [
  '%Y-%m-%d %H:%M:%S',
  '%d/%m/%Y %I:%M %p',
  '%-d %B %Y',
  '%Y%m%dT%H%M%S.%f',
  '%y-%b-%d %H:%M:%S.%L',
  '%d,%m,%Y',
  'día %Y',
];

function randomTable(
  rng: Rng,
  n: number,
): { table: Table; metadata: Metadata; formats: Record<string, ColumnFormat> } {
  const columns: Array<[string, Column]> = [];
  const meta: Record<string, ColumnMetadata> = {};
  const formats: Record<string, ColumnFormat> = {};
  STYLES.forEach((style, j) => {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = awkwardNumber(rng);
    columns.push([`n${j}`, { type: 'number', values }]);
    meta[`n${j}`] = style;
  });
  formats[`n${STYLES.length - 1}`] = { kind: 'number', integer: false, minDecimals: 1, maxDecimals: 3 };
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = rng.int(CATEGORIES.length + 1) - 1;
  columns.push(['cat,"egory"', { type: 'categorical', codes, categories: CATEGORIES }]);
  meta['cat,"egory"'] = { sdtype: 'categorical' };
  const bools = new Uint8Array(n);
  for (let i = 0; i < n; i++) bools[i] = rng.int(3);
  columns.push(['b', { type: 'boolean', values: bools }]);
  meta.b = { sdtype: 'boolean', trueToken: 'Yes, sir', falseToken: 'no' };
  columns.push(['b2', { type: 'boolean', values: bools.slice().reverse() }]);
  formats.b2 = { kind: 'boolean', trueToken: 'T', falseToken: 'F' };
  FORMATS.forEach((format, j) => {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++)
      values[i] = rng.next() < 0.05 ? Number.NaN : (rng.next() - 0.3) * 4e12 + rng.int(1000) / 7;
    columns.push([`d${j}`, { type: 'datetime', values }]);
    meta[`d${j}`] = { sdtype: 'datetime', format };
  });
  columns.push([
    'd_default',
    { type: 'datetime', values: Float64Array.of(...Array.from({ length: n }, () => rng.next() * 2e12)) },
  ]);
  return { table: new Table(columns), metadata: { version: 1, columns: meta }, formats };
}

async function streamed(
  batches: Iterable<Table>,
  metadata: Metadata,
  options: CsvWriteOptions,
): Promise<string> {
  let out = '';
  for await (const c of csvChunks(batches, metadata, options)) out += c;
  return out;
}

const DIALECTS: Array<Partial<CsvDialect>> = [
  {},
  { delimiter: ';', lineEnding: '\r\n', bom: true },
  { delimiter: '\t' },
  { delimiter: '::' },
];

describe('byte writer = reference string writer', () => {
  it('on random tables of every style, in every dialect, whole and in batches', async () => {
    const rng = new Rng(7);
    for (const dialect of DIALECTS) {
      const { table, metadata, formats } = randomTable(rng, 3000);
      const options = { dialect, formats };
      const want = referenceCsv(table, metadata, options);
      expect(formatCsv(table, metadata, options) === want).toBe(true);
      expect((await streamed(batchesOf(table, 777), metadata, options)) === want).toBe(true);
    }
  });

  it('on many numbers per style (fast paths and fallbacks agree digit for digit)', () => {
    const rng = new Rng(11);
    const n = 40_000;
    const columns: Array<[string, Column]> = [];
    const meta: Record<string, ColumnMetadata> = {};
    STYLES.forEach((style, j) => {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = awkwardNumber(rng);
      columns.push([`n${j}`, { type: 'number', values }]);
      meta[`n${j}`] = style;
    });
    const table = new Table(columns);
    const metadata: Metadata = { version: 1, columns: meta };
    const got = formatCsv(table, metadata).split('\n');
    const want = referenceCsv(table, metadata).split('\n');
    expect(got.length).toBe(want.length);
    for (let i = 0; i < want.length; i++) if (got[i] !== want[i]) expect(got[i]).toBe(want[i]);
  });

  it('on one-column tables (missing written as "")', () => {
    const one = new Table([['x', { type: 'number', values: Float64Array.of(1.5, Number.NaN, 3) }]]);
    const metadata: Metadata = {
      version: 1,
      columns: { x: { sdtype: 'numerical', representation: 'float', decimals: 1 } },
    };
    expect(formatCsv(one, metadata)).toBe(referenceCsv(one, metadata));
    expect(formatCsv(one, metadata)).toBe('x\n1.5\n""\n3\n');
  });

  for (const name of ['adult', 'taxis', 'housing']) {
    it(`on 4,000 rows sampled from ${name} (seed 1), and in the file writeCsvFile writes`, async () => {
      const read = await readCsvFile(fileURLToPath(new URL(`../../../../data/${name}.csv`, import.meta.url)));
      const metadata = detectMetadata(read.table, { formats: read.formats });
      const synth = new Synthesizer({ generator: independentMarginals(), metadata });
      await synth.fit(read.table, { seed: 0 });
      // Batches of 1,000 rows, so the file is written from several.
      const sample = await synth.sample(4000, { seed: 1, batchSize: 1000 });
      const want = referenceCsv(sample, metadata, { dialect: read.dialect });
      expect(formatCsv(sample, metadata, { dialect: read.dialect }) === want).toBe(true);
      const path = join(tmpdir(), `synthkit-reference-${name}-${process.pid}.csv`);
      try {
        await writeCsvFile(path, synth.sampleBatches(4000, { seed: 1, batchSize: 1000 }), metadata, {
          dialect: read.dialect,
        });
        expect(readFileSync(path).equals(Buffer.from(want))).toBe(true);
      } finally {
        rmSync(path, { force: true });
      }
    });
  }
});
