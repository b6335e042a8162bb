import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../io/read-csv.js';
import { Table } from '../table/table.js';
import { detectMetadata } from './detect.js';

const root = new URL('../../../../data/', import.meta.url);
const read = async (name: string) => parseCsv(readFileSync(new URL(name, root)));
const sdvSdtypes = (fixture: string): Record<string, string> => {
  const json = JSON.parse(readFileSync(new URL(`fixtures/sdmetrics/${fixture}.scores.json`, root), 'utf8'));
  return Object.fromEntries(
    Object.entries(json.metadata.columns).map(([k, v]) => [k, (v as { sdtype: string }).sdtype]),
  );
};

describe('detectMetadata on the bundled datasets', () => {
  it('agrees with SDV on Adult (education-num numerical, no ids, no PII)', async () => {
    const { table, formats } = await read('adult.csv');
    const meta = detectMetadata(table, { formats });
    const ours = Object.fromEntries(Object.entries(meta.columns).map(([k, v]) => [k, v.sdtype]));
    expect(ours).toEqual(sdvSdtypes('adult-copula'));
    expect(meta.columns.age).toEqual({ sdtype: 'numerical', representation: 'integer', min: 17, max: 90 });
    expect(meta.primaryKey).toBeUndefined();
  });

  it('agrees with SDV on taxis (passengers 0-6 categorical, datetimes with their format)', async () => {
    const { table, formats } = await read('taxis.csv');
    const meta = detectMetadata(table, { formats });
    const ours = Object.fromEntries(Object.entries(meta.columns).map(([k, v]) => [k, v.sdtype]));
    expect(ours).toEqual(sdvSdtypes('taxis-ctgan'));
    expect(meta.columns.pickup).toEqual({ sdtype: 'datetime', format: '%Y-%m-%d %H:%M:%S' });
    expect(meta.columns.fare).toMatchObject({
      sdtype: 'numerical',
      representation: 'float',
      decimals: 2,
      minDecimals: 1,
    });
  });

  it('keeps housing numerical, longitude/latitude included (not PII)', async () => {
    const { table, formats } = await read('housing.csv');
    const meta = detectMetadata(table, { formats });
    for (const name of table.names.filter((n) => n !== 'ocean_proximity'))
      expect(meta.columns[name]!.sdtype, name).toBe('numerical');
    expect(meta.columns.housing_median_age).toMatchObject({ representation: 'integer', minDecimals: 1 });
    expect(meta.columns.longitude).toMatchObject({
      representation: 'float',
      decimals: 2,
      min: -124.35,
      max: -114.31,
    });
  });
});

describe('detectMetadata ids and PII', () => {
  const people = async () => {
    const rows = Array.from({ length: 40 }, (_, i) =>
      [
        i + 1,
        `C${1000 + i}`,
        `0b7c${String(i).padStart(4, '0')}-1b2c-4d3e-8f40-0123456789ab`,
        `user${i}@example.org`,
        `+1 (555) 010-${String(1000 + i).slice(-4)}`,
        ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra'][i % 4],
        `${10 + i} Main Street`,
        `192.168.${i}.7`,
        '4111111111111111',
        i % 3 === 0 ? 'yes' : 'no',
        ['Paris', 'Lyon', 'Nice'][i % 3],
        `"${3 + i} Rue de la Paix, Paris"`,
        `${90210 + i}`,
        `https://example.org/u/${i}`,
        `${900 + (i % 50)}-12-${String(1000 + i).slice(-4)}`,
        i % 3,
      ].join(','),
    );
    const header =
      'id,customer_key,session,email,phone,full_name,address,ip,card_number,email_opt_in,city,home_city,zip,website,ssn,rating';
    return parseCsv(`${header}\n${rows.join('\n')}\n`);
  };

  it('finds keys by name and uniqueness, and PII by name and content', async () => {
    const { table, formats } = await people();
    const meta = detectMetadata(table, { formats });
    expect(meta.columns.id).toEqual({ sdtype: 'id', style: 'integer' });
    expect(meta.columns.customer_key).toEqual({ sdtype: 'id', style: 'prefixed', prefix: 'C' });
    expect(meta.columns.session).toEqual({ sdtype: 'id', style: 'uuid' });
    expect(meta.primaryKey).toBe('id');
    expect(meta.columns.email).toEqual({ sdtype: 'pii', kind: 'email' });
    expect(meta.columns.phone).toEqual({ sdtype: 'pii', kind: 'phone' });
    expect(meta.columns.full_name).toEqual({ sdtype: 'pii', kind: 'name' });
    expect(meta.columns.address).toEqual({ sdtype: 'pii', kind: 'address' });
    expect(meta.columns.ip).toEqual({ sdtype: 'pii', kind: 'ip' });
    expect(meta.columns.card_number).toEqual({ sdtype: 'pii', kind: 'credit_card' });
    // A city name is an ordinary category; address-like content under a city name is an address.
    expect(meta.columns.city).toEqual({ sdtype: 'categorical' });
    expect(meta.columns.home_city).toEqual({ sdtype: 'pii', kind: 'address' });
    expect(meta.columns.zip).toEqual({ sdtype: 'pii', kind: 'postcode' });
    expect(meta.columns.website).toEqual({ sdtype: 'pii', kind: 'url' });
    expect(meta.columns.ssn).toEqual({ sdtype: 'pii', kind: 'ssn' });
    // A yes/no column named like an email is not an email column.
    expect(meta.columns.email_opt_in).toMatchObject({
      sdtype: 'boolean',
      trueToken: 'yes',
      falseToken: 'no',
    });
    expect(meta.columns.rating).toEqual({ sdtype: 'categorical' });
  });

  it('finds PII by content alone when the shape is unmistakable', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `a${i}@mail.example.com,10.0.0.${i},x${i}`).join('\n');
    const { table } = await parseCsv(`col1,col2,col3\n${rows}\n`);
    const meta = detectMetadata(table);
    expect(meta.columns.col1).toEqual({ sdtype: 'pii', kind: 'email' });
    expect(meta.columns.col2).toEqual({ sdtype: 'pii', kind: 'ip' });
    // distinct prefix-and-number values: a key, whatever the column's name
    expect(meta.columns.col3).toEqual({ sdtype: 'id', style: 'prefixed', prefix: 'x' });
  });

  it('does not take a repeated key-named column for an id', async () => {
    const { table } = await parseCsv('user_id,v\n1,a\n1,b\n2,c\n');
    expect(detectMetadata(table).columns.user_id!.sdtype).not.toBe('id');
  });

  it('keeps a 10,000-level text column categorical', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `level ${i}`).join('\n');
    const { table } = await parseCsv(`label\n${rows}\n`);
    expect(detectMetadata(table).columns.label).toEqual({ sdtype: 'categorical' });
  });

  it('regenerates free text (every value unique, prose) instead of learning it', async () => {
    const moods = ['quiet', 'noisy', 'clean', 'dusty', 'bright', 'cramped', 'lovely'];
    const rows = Array.from(
      { length: 10_000 },
      (_, i) =>
        `"Stayed ${1 + (i % 9)} nights, the room was ${moods[i % 7]}; booking ${i} went fine",${i % 5}`,
    ).join('\n');
    const { table } = await parseCsv(`review,stars\n${rows}\n`);
    const meta = detectMetadata(table);
    expect(meta.columns.review).toEqual({ sdtype: 'pii', kind: 'text' });
    expect(meta.columns.stars).toEqual({ sdtype: 'categorical' });
    // Unique short codes are keys and repeated sentences categories, neither free text.
    const codes = Array.from({ length: 500 }, (_, i) => `AB-${1000 + i},"${moods[i % 7]} room, fine stay"`);
    const c = detectMetadata((await parseCsv(`code,remark\n${codes.join('\n')}\n`)).table);
    expect(c.columns.code).toEqual({ sdtype: 'id', style: 'prefixed', prefix: 'AB-' });
    expect(c.columns.remark).toEqual({ sdtype: 'categorical' });
  });

  it('needs content evidence for weak names: ordinary cities and login outcomes stay categorical', async () => {
    const cities = ['Paris', 'Lyon', 'Nice', 'Saint-Étienne', 'Le Havre'];
    const rows = Array.from({ length: 2000 }, (_, i) => cities[(i * 7) % 5]).join('\n');
    const { table } = await parseCsv(`City\n${rows}\n`);
    expect(detectMetadata(table).columns.City).toEqual({ sdtype: 'categorical' });
    // Same for other weak names: a "login" outcome is a category, many distinct handles are user names.
    const logins = Array.from({ length: 300 }, (_, i) => `${i % 4 ? 'success' : 'failure'},user_${i % 60}`);
    const meta = detectMetadata((await parseCsv(`login,username\n${logins.join('\n')}\n`)).table);
    expect(meta.columns.login).toEqual({ sdtype: 'categorical' });
    expect(meta.columns.username).toEqual({ sdtype: 'pii', kind: 'username' });
  });

  it('honours a given primary key and rejects one with duplicates', async () => {
    const { table } = await parseCsv('code,v\nA,1\nB,2\nC,3\n');
    expect(detectMetadata(table, { primaryKey: 'code' })).toMatchObject({
      primaryKey: 'code',
      columns: { code: { sdtype: 'id' } },
    });
    expect(() => detectMetadata(table, { primaryKey: 'nope' })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_COLUMN' }),
    );
    const dup = (await parseCsv('code\nA\nA\n')).table;
    expect(() => detectMetadata(dup, { primaryKey: 'code' })).toThrow(
      expect.objectContaining({ code: 'BAD_OPTION', row: 2 }),
    );
  });

  it('handles one row, a constant column and an all-missing column', async () => {
    const { table } = await parseCsv('a,b,c\n5,x,\n');
    const meta = detectMetadata(table);
    expect(meta.columns.a).toEqual({ sdtype: 'numerical', representation: 'integer', min: 5, max: 5 });
    expect(meta.columns.b).toEqual({ sdtype: 'categorical' });
    expect(meta.columns.c).toEqual({ sdtype: 'categorical' });
  });
});

describe('keys without a key-like name', () => {
  const table = (values: string[]) =>
    new Table([
      ['code', { type: 'categorical', codes: Int32Array.from(values, (_, i) => i), categories: values }],
    ]);

  it('a column of distinct prefix-and-number values is an id, regenerated not copied', () => {
    const meta = detectMetadata(table(Array.from({ length: 50 }, (_, i) => `cat_${i}`)));
    expect(meta.columns.code).toEqual({ sdtype: 'id', style: 'prefixed', prefix: 'cat_' });
  });

  it('a few distinct codes, or distinct words, stay categorical', () => {
    expect(detectMetadata(table(['A1', 'A2', 'A3'])).columns.code!.sdtype).toBe('categorical');
    const words = Array.from(
      { length: 50 },
      (_, i) => `${'abcdefghij'[i % 10]}${'klmnopqrst'[Math.floor(i / 10)]}x`,
    );
    expect(detectMetadata(table(words)).columns.code!.sdtype).toBe('categorical');
  });
});
