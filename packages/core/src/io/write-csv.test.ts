import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectMetadata } from '../metadata/detect.js';
import type { Metadata } from '../metadata/types.js';
import { batchesOf, Table } from '../table/table.js';
import { parseCsv } from './read-csv.js';
import { csvChunks, formatCsv } from './write-csv.js';

const text = (name: string): string =>
  readFileSync(new URL(`../../../../data/${name}`, import.meta.url), 'utf8');

async function roundTrip(name: string): Promise<{ input: string; output: string }> {
  const input = text(name);
  const { table, formats, dialect } = await parseCsv(input);
  const metadata = detectMetadata(table, { formats });
  // Only the metadata steers writing here, as in the CLI (metadata.json travels, formats do not).
  return { input, output: formatCsv(table, metadata, { dialect }) };
}

describe('formatCsv round trip on the bundled datasets', () => {
  it('gives back adult.csv byte for byte', async () => {
    const { input, output } = await roundTrip('adult.csv');
    expect(output.length).toBe(input.length);
    expect(output === input).toBe(true);
  });

  it('gives back housing.csv byte for byte ("41.0" style kept)', async () => {
    const { input, output } = await roundTrip('housing.csv');
    expect(output === input).toBe(true);
  });

  it('gives back taxis.csv byte for byte, and the same values when re-read', async () => {
    const { input, output } = await roundTrip('taxis.csv');
    expect(output === input).toBe(true);
    const again = await parseCsv(output);
    const orig = await parseCsv(input);
    for (const name of orig.table.names) expect(again.table.column(name)).toEqual(orig.table.column(name));
  });
});

describe('formatCsv styles', () => {
  const table = new Table([
    ['i', { type: 'number', values: Float64Array.of(1.4, 2, Number.NaN) }],
    ['f', { type: 'number', values: Float64Array.of(7, 2.149999, -0.004) }],
    [
      'd',
      {
        type: 'datetime',
        values: Float64Array.of(Date.UTC(2020, 0, 2, 3, 4, 5), Number.NaN, Date.UTC(1969, 11, 31)),
      },
    ],
    ['b', { type: 'boolean', values: Uint8Array.of(1, 0, 2) }],
    ['c', { type: 'categorical', codes: Int32Array.of(0, 1, -1), categories: [' a,b', 'say "hi"\nthere'] }],
  ]);
  const metadata: Metadata = {
    version: 1,
    columns: {
      i: { sdtype: 'numerical', representation: 'integer' },
      f: { sdtype: 'numerical', representation: 'float', decimals: 2, minDecimals: 1 },
      d: { sdtype: 'datetime', format: '%d/%m/%Y %H:%M' },
      b: { sdtype: 'boolean', trueToken: 'Y', falseToken: 'N' },
      c: { sdtype: 'categorical' },
    },
  };

  it('writes each column as its metadata says, quoting only when needed', () => {
    expect(formatCsv(table, metadata)).toBe(
      'i,f,d,b,c\n1,7.0,02/01/2020 03:04,Y," a,b"\n2,2.15,,N,"say ""hi""\nthere"\n,0.0,31/12/1969 00:00,,\n',
    );
  });

  it('follows the dialect: delimiter, CRLF, BOM', () => {
    const out = formatCsv(table.select(['i', 'c']), metadata, {
      dialect: { delimiter: ';', lineEnding: '\r\n', bom: true },
    });
    expect(out).toBe('\ufeffi;c\r\n1; a,b\r\n2;"say ""hi""\nthere"\r\n;\r\n');
  });

  it('writes a one-column missing value as "" so it is not a blank line, and reads it back', async () => {
    const one = new Table([
      ['x', { type: 'categorical', codes: Int32Array.of(0, -1, 1), categories: ['a', 'b'] }],
    ]);
    const out = formatCsv(one, { version: 1, columns: { x: { sdtype: 'categorical' } } });
    expect(out).toBe('x\na\n""\nb\n');
    const back = await parseCsv(out);
    expect(back.table.column('x')).toEqual(one.column('x'));
  });

  it('streams the same text in chunks as formatCsv writes at once', async () => {
    let streamed = '';
    for await (const c of csvChunks(batchesOf(table, 2), metadata)) streamed += c;
    expect(streamed).toBe(formatCsv(table, metadata));
  });

  it('round-trips unicode, quotes, embedded newlines and CRLF', async () => {
    const input = '\ufeffname;note\r\n"Zoë ""Z""";"two\r\nlines"\r\n日本;"a;b"\r\n';
    const { table: t, dialect, formats } = await parseCsv(input);
    const out = formatCsv(t, detectMetadata(t, { formats }), { dialect, formats });
    expect(out).toBe(input);
  });
});
