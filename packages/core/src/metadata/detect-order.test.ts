import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../io/read-csv.js';
import { Table } from '../table/table.js';
import { detectMetadata } from './detect.js';

const day = 86_400_000;
const dates = (xs: number[]) => ({
  type: 'datetime' as const,
  values: Float64Array.from(xs, (x) => x * day),
});

describe('datetime orders as constraints', () => {
  it("finds taxis' pickup before dropoff", async () => {
    const text = readFileSync(new URL('../../../../data/taxis.csv', import.meta.url), 'utf8');
    const { table, formats } = await parseCsv(text);
    const meta = detectMetadata(table, { formats });
    expect(meta.constraints).toEqual([{ type: 'inequality', low: 'pickup', high: 'dropoff' }]);
    expect(detectMetadata(table, { formats, constraints: false }).constraints).toBeUndefined();
  });

  it('keeps a chain, not what it implies, and ignores broken or equal orders', () => {
    const n = 30;
    const base = Array.from({ length: n }, (_, i) => i);
    const table = new Table([
      ['booked', dates(base)],
      ['arrive', dates(base.map((x) => x + 10))],
      ['leave', dates(base.map((x, i) => x + 12 + (i % 3)))],
      ['same', dates(base)],
      ['shuffled', dates(base.map((x) => (x * 7) % n))],
    ]);
    const meta = detectMetadata(table);
    const pairs = (meta.constraints ?? []).map((c) => (c.type === 'inequality' ? `${c.low}<${c.high}` : ''));
    expect(pairs.sort()).toEqual(['arrive<leave', 'booked<arrive', 'same<arrive'].sort());
  });

  it('proves nothing from a few rows', () => {
    const table = new Table([
      ['a', dates([1, 2, 3])],
      ['b', dates([2, 3, 4])],
    ]);
    expect(detectMetadata(table).constraints).toBeUndefined();
  });
});
