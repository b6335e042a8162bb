import { type Metadata, Table } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { closestRecords } from './closest-records.js';

describe('closestRecords', () => {
  const metadata: Metadata = {
    columns: {
      id: { sdtype: 'id' },
      age: { sdtype: 'numerical' },
      colour: { sdtype: 'categorical' },
    },
  };
  const table = (ids: number[], ages: number[], colours: string[]) =>
    new Table([
      ['id', { type: 'number', values: Float64Array.from(ids) }],
      ['age', { type: 'number', values: Float64Array.from(ages) }],
      [
        'colour',
        {
          type: 'categorical',
          codes: Int32Array.from(colours, (c) => ['red', 'blue'].indexOf(c)),
          categories: ['red', 'blue'],
        },
      ],
    ]);

  it('finds exact nearest rows under the mixed distance, ids left out', async () => {
    const reference = table([1, 2, 3], [20, 40, 60], ['red', 'blue', 'red']);
    const query = table([9, 9], [40, 59], ['blue', 'blue']);
    const nn = await closestRecords(reference, query, metadata, { k: 2 });
    expect(nn.k).toBe(2);
    // Row 0 equals reference row 1 (ids differ, but ids are not compared).
    expect(nn.index[0]).toBe(1);
    expect(nn.distance[0]).toBe(0);
    // Row 1 (59, blue): reference row 1 at (19/40 + 0) / 2 (range 40), then row 2 at (1/40 + 1) / 2.
    expect([nn.index[2], nn.index[3]]).toEqual([1, 2]);
    expect(nn.distance[2]).toBeCloseTo(19 / 40 / 2, 12);
    expect(nn.distance[3]).toBeCloseTo((1 / 40 + 1) / 2, 12);
  });
});
