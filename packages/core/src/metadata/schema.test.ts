import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../io/read-csv.js';
import { checkMetadataAgainstTable, csvOptionsFromMetadata } from './check-table.js';
import { detectMetadata } from './detect.js';
import { parseMetadata } from './schema.js';
import type { Metadata } from './types.js';

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../data/fixtures/sdmetrics/${name}.scores.json`, import.meta.url), 'utf8'),
  ).metadata;

describe('parseMetadata', () => {
  it('accepts detected metadata after a JSON round trip', async () => {
    const { table, formats } = await parseCsv(
      readFileSync(new URL('../../../../data/taxis.csv', import.meta.url)),
    );
    const meta = detectMetadata(table, { formats });
    expect(parseMetadata(JSON.parse(JSON.stringify(meta)))).toEqual(meta);
  });

  it('names the column and says what is valid', () => {
    const bad = (json: unknown) => {
      try {
        parseMetadata(json);
      } catch (e) {
        return e as { code: string; column?: string; hint?: string; message: string };
      }
      throw new Error('expected an error');
    };
    expect(bad({ version: 1, columns: { age: { sdtype: 'number' } } })).toMatchObject({
      code: 'BAD_METADATA',
      column: 'age',
      hint: expect.stringContaining('numerical, categorical'),
    });
    expect(
      bad({ version: 1, columns: { age: { sdtype: 'numerical', representation: 'int' } } }),
    ).toMatchObject({
      column: 'age',
      hint: expect.stringContaining('"integer" or "float"'),
    });
    expect(bad({ version: 1, columns: { age: { sdtype: 'numerical' } } })).toMatchObject({
      column: 'age',
      hint: expect.stringContaining('needs "representation"'),
    });
    expect(bad({ version: 1, columns: { mail: { sdtype: 'pii', kind: 'mail' } } })).toMatchObject({
      column: 'mail',
      hint: expect.stringContaining('email'),
    });
    expect(bad({ version: 1, columns: { a: { sdtype: 'categorical', typo: 1 } } })).toMatchObject({
      column: 'a',
      hint: expect.stringContaining('"typo"'),
    });
    expect(bad({ version: 1, columns: { t: { sdtype: 'datetime', format: '%Q' } } })).toMatchObject({
      column: 't',
    });
    expect(
      bad({ version: 1, columns: { x: { sdtype: 'numerical', representation: 'float', min: 2, max: 1 } } }),
    ).toMatchObject({
      column: 'x',
    });
    expect(bad({ version: 2, columns: {} }).message).toContain('newer');
    expect(bad([]).code).toBe('BAD_METADATA');
    expect(
      bad({
        version: 1,
        columns: { a: { sdtype: 'categorical' } },
        constraints: [{ type: 'positive', column: 'b' }],
      }),
    ).toMatchObject({ column: 'b' });
  });

  it('converts SDV metadata, such as the fixtures carry', () => {
    const taxis = parseMetadata(fixture('taxis-ctgan'));
    expect(taxis.columns.pickup).toEqual({ sdtype: 'datetime', format: '%Y-%m-%d %H:%M:%S' });
    expect(taxis.columns.passengers).toEqual({ sdtype: 'categorical' });
    expect(taxis.columns.fare).toEqual({ sdtype: 'numerical', representation: 'float' });
    const sdv = parseMetadata({
      METADATA_SPEC_VERSION: 'SINGLE_TABLE_V1',
      primary_key: 'uid',
      columns: {
        uid: { sdtype: 'id', regex_format: 'U_[0-9]{5}' },
        n: { sdtype: 'numerical', computer_representation: 'Int64' },
        mail: { sdtype: 'email', pii: true },
        lat: { sdtype: 'latitude' },
        cc: { sdtype: 'country_code', pii: false },
      },
    });
    expect(sdv).toEqual({
      version: 1,
      primaryKey: 'uid',
      columns: {
        uid: { sdtype: 'id', style: 'prefixed', prefix: 'U_' },
        n: { sdtype: 'numerical', representation: 'integer' },
        mail: { sdtype: 'pii', kind: 'email' },
        lat: { sdtype: 'numerical', representation: 'float' },
        cc: { sdtype: 'categorical' },
      },
    });
    expect(() => parseMetadata({ METADATA_SPEC_VERSION: 'V1', columns: { j: { sdtype: 'job' } } })).toThrow(
      expect.objectContaining({ code: 'BAD_METADATA', column: 'j' }),
    );
  });
});

describe('checkMetadataAgainstTable', () => {
  const meta: Metadata = {
    version: 1,
    columns: { a: { sdtype: 'numerical', representation: 'integer' }, b: { sdtype: 'categorical' } },
  };

  it('passes when both describe the same columns', async () => {
    const { table } = await parseCsv('a,b\n1,x\n');
    expect(() => checkMetadataAgainstTable(meta, table)).not.toThrow();
  });

  it('reports a described column the table lacks, and a table column not described', async () => {
    const { table: lacks } = await parseCsv('a\n1\n');
    expect(() => checkMetadataAgainstTable(meta, lacks)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_COLUMN', column: 'b' }),
    );
    const { table: extra } = await parseCsv('a,b,c\n1,x,y\n');
    expect(() => checkMetadataAgainstTable(meta, extra)).toThrow(
      expect.objectContaining({
        code: 'MISSING_COLUMN',
        column: 'c',
        hint: expect.stringContaining('drop it'),
      }),
    );
  });

  it('reports a numerical column read as text, and reading with the metadata types fixes a datetime', async () => {
    const { table } = await parseCsv('a,b\nx,1\n');
    expect(() => checkMetadataAgainstTable(meta, table)).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH', column: 'a' }),
    );
    const dm: Metadata = { version: 1, columns: { d: { sdtype: 'datetime', format: '%d %B %Y' } } };
    const text = 'd\n3 March 2020\n12 May 2021\n';
    const untyped = await parseCsv(text);
    expect(() => checkMetadataAgainstTable(dm, untyped.table)).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH', column: 'd' }),
    );
    const typed = await parseCsv(text, csvOptionsFromMetadata(dm));
    expect(() => checkMetadataAgainstTable(dm, typed.table)).not.toThrow();
    expect(typed.table.row(1).d).toEqual(new Date(Date.UTC(2021, 4, 12)));
  });
});
