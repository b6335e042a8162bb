import type { Metadata } from '../metadata/types.js';
import { Rng } from '../rng/rng.js';
import type { Column } from '../table/column.js';
import { MISSING_BOOL } from '../table/column.js';
import { Table } from '../table/table.js';

const DAY = 86_400_000;
const PLACES = [
  ['Paris', 'France'],
  ['Lyon', 'France'],
  ['Berlin', 'Germany'],
  ['Munich', 'Germany'],
  ['Rome', 'Italy'],
] as const;

/**
 * A small mixed table exercising every view rule: an id and an email (never learned), an integer
 * with missing values, a 2-decimal float, a categorical with leading spaces and missing values,
 * city/country pairs, check-in/check-out dates (check-out never before check-in), a boolean and
 * a numeric column used as a category. Deterministic for a seed.
 */
export function conformanceTable(rows = 300, seed = 7): { table: Table; metadata: Metadata } {
  const rng = new Rng(seed);
  const hex = () => rng.nextUint32().toString(16).padStart(8, '0');
  const ids = Array.from(
    { length: rows },
    () => `${hex()}-${hex().slice(0, 4)}-4${hex().slice(0, 3)}-${hex()}${hex().slice(0, 4)}`,
  );
  const emails = Array.from(
    { length: rows },
    (_, i) => `person.${hex()}${i}@mail-${hex().slice(0, 5)}.example`,
  );
  const age = new Float64Array(rows);
  const income = new Float64Array(rows);
  const sex = new Int32Array(rows);
  const city = new Int32Array(rows);
  const country = new Int32Array(rows);
  const checkin = new Float64Array(rows);
  const checkout = new Float64Array(rows);
  const vip = new Uint8Array(rows);
  const guests = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    age[i] = rng.next() < 0.05 ? Number.NaN : Math.round(Math.min(90, Math.max(17, rng.normal(40, 12))));
    income[i] = Math.round(Math.exp(rng.normal(10, 0.5)) * 100) / 100;
    sex[i] = rng.next() < 0.03 ? -1 : rng.next() < 0.6 ? 0 : 1;
    const p = rng.weighted([5, 2, 4, 1, 3]);
    city[i] = p;
    country[i] = p < 2 ? 0 : p < 4 ? 1 : 2;
    checkin[i] = Date.UTC(2023, 0, 1) + rng.int(365) * DAY;
    checkout[i] = checkin[i]! + (1 + rng.int(14)) * DAY;
    vip[i] = rng.next() < 0.02 ? MISSING_BOOL : rng.next() < 0.2 ? 1 : 0;
    guests[i] = 1 + rng.weighted([4, 5, 1, 1]);
  }
  const cat = (codes: Int32Array, categories: string[]): Column => ({
    type: 'categorical',
    codes,
    categories,
  });
  const table = new Table([
    [
      'booking_id',
      cat(
        Int32Array.from(ids, (_, i) => i),
        ids,
      ),
    ],
    [
      'email',
      cat(
        Int32Array.from(emails, (_, i) => i),
        emails,
      ),
    ],
    ['age', { type: 'number', values: age }],
    ['income', { type: 'number', values: income }],
    ['sex', cat(sex, [' Male', ' Female'])],
    [
      'city',
      cat(
        city,
        PLACES.map((p) => p[0]),
      ),
    ],
    ['country', cat(country, ['France', 'Germany', 'Italy'])],
    ['checkin', { type: 'datetime', values: checkin }],
    ['checkout', { type: 'datetime', values: checkout }],
    ['vip', { type: 'boolean', values: vip }],
    ['guests', { type: 'number', values: guests }],
  ]);
  const metadata: Metadata = {
    version: 1,
    primaryKey: 'booking_id',
    columns: {
      booking_id: { sdtype: 'id', style: 'uuid' },
      email: { sdtype: 'pii', kind: 'email' },
      age: { sdtype: 'numerical', representation: 'integer', min: 17, max: 90 },
      income: { sdtype: 'numerical', representation: 'float', decimals: 2 },
      sex: { sdtype: 'categorical' },
      city: { sdtype: 'categorical' },
      country: { sdtype: 'categorical' },
      checkin: { sdtype: 'datetime', format: '%Y-%m-%d' },
      checkout: { sdtype: 'datetime', format: '%Y-%m-%d' },
      vip: { sdtype: 'boolean', trueToken: 'yes', falseToken: 'no' },
      guests: { sdtype: 'categorical' },
    },
  };
  return { table, metadata };
}
