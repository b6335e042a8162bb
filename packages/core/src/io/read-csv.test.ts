import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MISSING_CODE, missingCount, valueAt } from '../table/column.js';
import { parseCsv, readCsvBatches } from './read-csv.js';

const data = (name: string): Buffer => readFileSync(new URL(`../../../../data/${name}`, import.meta.url));

describe('parseCsv on the bundled datasets', () => {
  it('reads Adult with its leading spaces and its " ?" category', async () => {
    const { table, formats, dialect, warnings } = await parseCsv(data('adult.csv'));
    expect(table.nRows).toBe(32_561);
    expect(table.nColumns).toBe(15);
    expect(dialect).toEqual({ delimiter: ',', lineEnding: '\n', bom: false });
    expect(warnings).toEqual([]);
    expect(table.column('age').type).toBe('number');
    expect(formats.age).toEqual({ kind: 'number', integer: true, minDecimals: 0, maxDecimals: 0 });
    const wc = table.column('workclass');
    if (wc.type !== 'categorical') throw new Error('workclass should be categorical');
    expect(wc.categories).toContain(' State-gov');
    expect(wc.categories).toContain(' ?');
    expect(missingCount(wc)).toBe(0);
    expect(wc.codes.filter((c) => wc.categories[c] === ' ?').length).toBe(1836);
    expect(table.row(0)).toMatchObject({ age: 39, workclass: ' State-gov', income: ' <=50K' });
  });

  it('reads taxis datetimes, float styles and missing categories', async () => {
    const { table, formats } = await parseCsv(data('taxis.csv'));
    expect(table.nRows).toBe(6433);
    expect(formats.pickup).toEqual({ kind: 'datetime', format: '%Y-%m-%d %H:%M:%S' });
    expect(valueAt(table.column('pickup'), 0)).toEqual(new Date(Date.UTC(2019, 2, 23, 20, 21, 9)));
    expect(formats.fare).toEqual({ kind: 'number', integer: false, minDecimals: 1, maxDecimals: 2 });
    expect(formats.passengers).toMatchObject({ kind: 'number', integer: true });
    expect(missingCount(table.column('payment'))).toBe(44);
    expect(missingCount(table.column('pickup_zone'))).toBe(26);
    expect(missingCount(table.column('dropoff_borough'))).toBe(45);
  });

  it('reads housing whole numbers written as "41.0"', async () => {
    const { table, formats } = await parseCsv(data('housing.csv'));
    expect(table.nRows).toBe(20_640);
    expect(formats.housing_median_age).toEqual({
      kind: 'number',
      integer: true,
      minDecimals: 1,
      maxDecimals: 1,
    });
    expect(formats.longitude).toEqual({ kind: 'number', integer: false, minDecimals: 1, maxDecimals: 2 });
    expect(missingCount(table.column('total_bedrooms'))).toBe(207);
  });

  it('gives the same table whether the bytes come whole or in tiny chunks', async () => {
    const bytes = data('taxis.csv');
    const whole = await parseCsv(bytes);
    const chunks = function* () {
      for (let i = 0; i < bytes.length; i += 997) yield bytes.subarray(i, i + 997);
    };
    const chunked = await parseCsv(chunks());
    expect(chunked.table.nRows).toBe(whole.table.nRows);
    for (const name of whole.table.names)
      expect(chunked.table.column(name)).toEqual(whole.table.column(name));
  });
});

describe('parseCsv dialects and quoting', () => {
  it('reassembles characters and CRLF split across byte chunks', async () => {
    const bytes = new TextEncoder().encode('name,n\r\n"Zoë\r\nΩ",1\r\n日本,2\r\n');
    const oneByte = async function* () {
      for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
    };
    const { table, dialect } = await parseCsv(oneByte());
    expect(dialect.lineEnding).toBe('\r\n');
    expect(table.row(0)).toEqual({ name: 'Zoë\r\nΩ', n: 1 });
    expect(table.row(1)).toEqual({ name: '日本', n: 2 });
  });

  it('handles RFC 4180 quotes, embedded newlines, CRLF, BOM and unicode', async () => {
    const text = '\ufeffname,quote,n\r\n"Zoë ""Z"" Ω","line one\r\nline two",1\r\n"a,b",plain,2\r\n';
    const { table, dialect } = await parseCsv(text);
    expect(dialect).toEqual({ delimiter: ',', lineEnding: '\r\n', bom: true });
    expect(table.names).toEqual(['name', 'quote', 'n']);
    expect(table.row(0)).toEqual({ name: 'Zoë "Z" Ω', quote: 'line one\r\nline two', n: 1 });
    expect(table.row(1)).toEqual({ name: 'a,b', quote: 'plain', n: 2 });
  });

  it('sniffs ; tab and | delimiters', async () => {
    for (const d of [';', '\t', '|']) {
      const { table, dialect } = await parseCsv(`a${d}b\n1,5${d}x\n2,5${d}y\n`);
      expect(dialect.delimiter).toBe(d);
      expect(table.names).toEqual(['a', 'b']);
    }
  });

  it('reads exact missing tokens only, and custom ones when given', async () => {
    const text = 'a,b\n?,1\n ?,2\nNA,3\nnull,4\n,5\nN/A,6\n';
    const { table } = await parseCsv(text);
    const a = table.column('a');
    if (a.type !== 'categorical') throw new Error('a should be categorical');
    expect(a.categories).toEqual([' ?']);
    expect(missingCount(a)).toBe(5);
    const custom = await parseCsv(text, { missingTokens: ['-'] });
    expect(missingCount(custom.table.column('a'))).toBe(0);
  });

  it('types booleans with their tokens and keeps leading zeros as text', async () => {
    const { table, formats } = await parseCsv('ok,flag,zip,num\nYes,t,02134,1\nNo,f,90210,2\nYes,,00501,3\n');
    expect(formats.ok).toEqual({ kind: 'boolean', trueToken: 'Yes', falseToken: 'No' });
    expect(table.column('flag').type).toBe('boolean');
    expect(missingCount(table.column('flag'))).toBe(1);
    expect(table.column('zip').type).toBe('categorical');
    expect(table.row(0).zip).toBe('02134');
    expect(table.column('num').type).toBe('number');
  });

  it('keeps integers beyond 2^53 as text so no digit is lost', async () => {
    const { table } = await parseCsv('card\n4111111111111111111\n5500000000000000004\n');
    expect(table.row(0).card).toBe('4111111111111111111');
  });

  it('detects datetime formats, padding and day-first dates', async () => {
    const r = await parseCsv(
      'iso,ms,dayfirst,unpadded,ampm\n' +
        '2020-01-02T03:04:05Z,2020-01-02 03:04:05.123,13/01/2020,3/5/2020,01/02/2020 02:15 PM\n' +
        '2021-12-31T23:59:59Z,2020-01-02 03:04:06.450,01/02/2020,12/25/2021,01/03/2020 11:00 AM\n',
    );
    expect(r.formats.iso).toEqual({ kind: 'datetime', format: '%Y-%m-%dT%H:%M:%SZ' });
    expect(r.formats.ms).toEqual({ kind: 'datetime', format: '%Y-%m-%d %H:%M:%S.%L' });
    expect(r.formats.dayfirst).toEqual({ kind: 'datetime', format: '%d/%m/%Y' });
    expect(r.formats.unpadded).toEqual({ kind: 'datetime', format: '%-m/%-d/%Y' });
    expect(r.formats.ampm).toEqual({ kind: 'datetime', format: '%m/%d/%Y %I:%M %p' });
    expect(valueAt(r.table.column('ms'), 1)).toEqual(new Date(Date.UTC(2020, 0, 2, 3, 4, 6, 450)));
    expect(valueAt(r.table.column('ampm'), 0)).toEqual(new Date(Date.UTC(2020, 0, 2, 14, 15)));
  });

  it('reads byte input in another encoding when told', async () => {
    const latin1 = Uint8Array.from([0x6e, 0x0a, 0x5a, 0x6f, 0xeb, 0x0a]); // "n\nZoë\n" in latin1
    await expect(parseCsv(latin1)).rejects.toMatchObject({ code: 'PARSE_ERROR' });
    const { table } = await parseCsv(latin1, { encoding: 'latin1' });
    expect(table.row(0).n).toBe('Zoë');
  });

  it('handles one row, a constant column and an all-missing column', async () => {
    const one = await parseCsv('a,b\n1,x');
    expect(one.table.nRows).toBe(1);
    const { table, warnings } = await parseCsv('c,m\n5,\n5,NA\n5,\n');
    expect(table.column('c').type).toBe('number');
    expect(missingCount(table.column('m'))).toBe(3);
    expect(warnings.join()).toContain('"m" has no values');
  });

  it('reads a one-column file whose missing values are written as ""', async () => {
    const { table } = await parseCsv('x\na\n""\nb\n');
    expect(table.nRows).toBe(3);
    expect(missingCount(table.column('x'))).toBe(1);
  });

  it('reads a 10,000-level categorical', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `k${i},${i % 7}`).join('\n');
    const { table } = await parseCsv(`key,v\n${rows}\n`);
    const key = table.column('key');
    expect(key.type === 'categorical' && key.categories.length).toBe(10_000);
  });
});

describe('parseCsv errors', () => {
  it.each([
    ['', 'EMPTY_INPUT'],
    ['\ufeff  \n', 'EMPTY_INPUT'],
    ['a,b,c\n', 'NO_ROWS'],
    ['a,b,a\n1,2,3\n', 'DUPLICATE_COLUMN'],
    [',b\n1,2\n', 'EMPTY_COLUMN_NAME'],
  ])('%j -> %s', async (text, code) => {
    await expect(parseCsv(text)).rejects.toMatchObject({ code });
  });

  it('reports an empty input given as an empty stream', async () => {
    await expect(parseCsv([])).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
  });

  it('names the ragged row', async () => {
    await expect(parseCsv('a,b\n1,2\n3,4,5\n')).rejects.toMatchObject({ code: 'RAGGED_ROW', row: 2 });
    await expect(parseCsv('a,b\n1,2\n3,4\n5\n')).rejects.toMatchObject({ code: 'RAGGED_ROW', row: 3 });
  });

  it('names the row of an unterminated quote', async () => {
    const err = await parseCsv('a,b\n1,2\n3,"oops\n5,6\n').catch((e) => e);
    expect(err).toMatchObject({ code: 'PARSE_ERROR', row: 2 });
  });

  it('says which delimiter fits when the given one yields one column', async () => {
    const err = await parseCsv('a;b;c\n1;2;3\n4;5;6\n', { delimiter: ',' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'BAD_DELIMITER' });
    expect(err.hint).toContain('";"');
  });

  it('rejects infinite numbers with column and row, or reads them as missing when asked', async () => {
    const text = 'x,y\n1,a\n2,b\nInfinity,c\n-inf,d\n';
    await expect(parseCsv(text)).rejects.toMatchObject({ code: 'BAD_VALUE', column: 'x', row: 3 });
    const { table, warnings } = await parseCsv(text, { nonFinite: 'missing' });
    expect(table.column('x').type).toBe('number');
    expect(missingCount(table.column('x'))).toBe(2);
    expect(warnings.join()).toContain('infinite');
  });

  it('treats a literal beyond the float range (1e309) as infinite, under the same policy', async () => {
    const text = 'x,y\n1,a\n1e309,b\n-2e400,c\n';
    const err = await parseCsv(text).catch((e) => e);
    expect(err).toMatchObject({ code: 'BAD_VALUE', column: 'x', row: 2 });
    expect(err.message).toContain('1e309');
    expect(err.hint).toContain("nonFinite: 'missing'");
    const { table, warnings } = await parseCsv(text, { nonFinite: 'missing' });
    expect(table.column('x').type).toBe('number');
    expect(missingCount(table.column('x'))).toBe(2);
    expect(valueAt(table.column('x'), 0)).toBe(1);
    expect(warnings.join()).toContain('2 infinite value(s)');
  });

  it('rejects a value that does not fit a forced type', async () => {
    await expect(parseCsv('x\n1\nabc\n', { types: { x: 'number' } })).rejects.toMatchObject({
      code: 'BAD_VALUE',
      column: 'x',
      row: 2,
    });
    await expect(parseCsv('x\n1\n', { types: { nope: 'number' } })).rejects.toMatchObject({
      code: 'UNKNOWN_COLUMN',
    });
    await expect(
      parseCsv('d\n2020-01-01\n01.02.2020x\n', { types: { d: 'datetime' } }),
    ).rejects.toMatchObject({
      code: 'BAD_VALUE',
      row: 1,
      message: expect.stringContaining('datetimeFormats'),
    });
    await expect(
      parseCsv('d\n3 May 2020\nnope\n', { datetimeFormats: { d: '%d %B %Y' } }),
    ).rejects.toMatchObject({
      code: 'BAD_VALUE',
      row: 2,
    });
  });
});

describe('mixed types in one batch', () => {
  it('warns when a column of numbers holds a few words, naming the first', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => (i === 17 ? 'unknown' : String(i * 3)));
    const { table, warnings } = await parseCsv(`v,w\n${rows.map((v) => `${v},a`).join('\n')}\n`);
    expect(table.column('v').type).toBe('categorical');
    expect(warnings.join()).toContain(
      'Column "v" holds numbers but 1 value(s) are text (first "unknown" at row 18)',
    );
  });

  it('says nothing for a column of words', async () => {
    const { warnings } = await parseCsv('v\nred\n7\nblue\ngreen\n');
    expect(warnings).toEqual([]);
  });
});

describe('mixed types across batches', () => {
  // 70,000 numbers, then text: the text sits in the second internal batch (65,536 rows each).
  const mixed = `v,w\n${Array.from({ length: 70_000 }, (_, i) => `${i}.5,${i}`).join('\n')}\nunknown,1\n`;

  it('parseCsv re-reads the whole column as text and warns', async () => {
    const { table, warnings, formats } = await parseCsv(mixed);
    const v = table.column('v');
    expect(v.type).toBe('categorical');
    expect(v.type === 'categorical' && v.categories[0]).toBe('0.5');
    expect(table.row(70_000).v).toBe('unknown');
    expect(formats.v).toEqual({ kind: 'text' });
    expect(warnings.join()).toContain('row 70001 has "unknown"');
    expect(table.column('w').type).toBe('number');
  });

  it('readCsvBatches stops with TYPE_MISMATCH naming column and row', async () => {
    const seen: number[] = [];
    const run = async (): Promise<void> => {
      for await (const b of readCsvBatches(mixed, { batchSize: 10_000 })) seen.push(b.table.nRows);
    };
    await expect(run()).rejects.toMatchObject({ code: 'TYPE_MISMATCH', column: 'v', row: 70_001 });
    expect(seen).toEqual([10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000]);
  });

  it('readCsvBatches reads a column empty in the first batch as text', async () => {
    const text = `a,b\n${Array.from({ length: 20 }, (_, i) => `${i},${i < 10 ? '' : i}`).join('\n')}\n`;
    const batches = [];
    for await (const b of readCsvBatches(text, { batchSize: 10 })) batches.push(b);
    expect(batches).toHaveLength(2);
    expect(batches[0]!.warnings.join()).toContain('"b" is empty');
    const b1 = batches[1]!.table.column('b');
    expect(b1.type === 'categorical' && b1.categories[0]).toBe('10');
    expect(
      batches[0]!.table.column('b').type === 'categorical' &&
        (batches[0]!.table.column('b') as { codes: Int32Array }).codes[0],
    ).toBe(MISSING_CODE);
  });
});
