import { describe, expect, it } from 'vitest';
import { independentMarginals } from '../generators/independent-marginals.js';
import type { Metadata } from '../metadata/types.js';
import { MISSING_BOOL } from '../table/column.js';
import { Table } from '../table/table.js';
import { Synthesizer } from './synthesizer.js';

const n = 50;
const table = new Table([
  ['empty_num', { type: 'number', values: new Float64Array(n).fill(Number.NaN) }],
  ['empty_cat', { type: 'categorical', codes: new Int32Array(n).fill(-1), categories: [] }],
  ['empty_bool', { type: 'boolean', values: new Uint8Array(n).fill(MISSING_BOOL) }],
  ['constant', { type: 'number', values: new Float64Array(n).fill(7.5) }],
  [
    'wide',
    {
      type: 'categorical',
      codes: Int32Array.from({ length: n }, (_, i) => i),
      categories: Array.from({ length: n }, (_, i) => `level ${i}`),
    },
  ],
]);
const metadata: Metadata = {
  version: 1,
  columns: {
    empty_num: { sdtype: 'numerical', representation: 'float' },
    empty_cat: { sdtype: 'categorical' },
    empty_bool: { sdtype: 'boolean' },
    constant: { sdtype: 'numerical', representation: 'float', decimals: 1 },
    wide: { sdtype: 'categorical' },
  },
};

describe('Synthesizer edge cases', () => {
  it('keeps entirely missing columns missing and constant columns constant', async () => {
    const synth = new Synthesizer({ generator: independentMarginals(), metadata });
    await synth.fit(table);
    const out = await synth.sample(200, { seed: 1 });
    for (let i = 0; i < out.nRows; i++) {
      const r = out.row(i);
      expect([r.empty_num, r.empty_cat, r.empty_bool, r.constant]).toEqual([null, null, null, 7.5]);
      expect(r.wide).toMatch(/^level \d+$/);
    }
  });

  it('fits a single row', async () => {
    const synth = new Synthesizer({ generator: independentMarginals(), metadata });
    await synth.fit(table.slice(0, 1));
    expect(synth.fitWarnings.join()).toMatch(/^Only 1 row to learn from: .*copy it/);
    const out = await synth.sample(5, { seed: 1 });
    expect(out.nRows).toBe(5);
    expect(out.row(4)).toEqual({
      empty_num: null,
      empty_cat: null,
      empty_bool: null,
      constant: 7.5,
      wide: 'level 0',
    });
  });

  it('handles a categorical with 10,000 levels, and lists a few of them when a condition misses', async () => {
    const m = 10_000;
    const t = new Table([
      [
        'code',
        {
          type: 'categorical',
          codes: Int32Array.from({ length: m }, (_, i) => i),
          categories: Array.from({ length: m }, (_, i) => `c${i}`),
        },
      ],
      ['v', { type: 'number', values: Float64Array.from({ length: m }, (_, i) => i % 97) }],
    ]);
    const md: Metadata = {
      version: 1,
      columns: { code: { sdtype: 'categorical' }, v: { sdtype: 'numerical', representation: 'integer' } },
    };
    const synth = new Synthesizer({ generator: independentMarginals(), metadata: md });
    await synth.fit(t);
    const out = await synth.sample(5000, { seed: 1, conditions: { code: 'c1234' } });
    expect(out.row(4999).code).toBe('c1234');
    await expect(synth.sample(5, { conditions: { code: 'zzz' } })).rejects.toMatchObject({
      code: 'BAD_CONDITION',
      hint: expect.stringContaining('and 9970 more'),
    });
  });

  it('refuses a constraint on a regenerated column', async () => {
    const md: Metadata = {
      ...metadata,
      columns: { ...metadata.columns, wide: { sdtype: 'id' } },
      constraints: [{ type: 'positive', column: 'wide' }],
    };
    await expect(
      new Synthesizer({ generator: independentMarginals(), metadata: md }).fit(table),
    ).rejects.toMatchObject({
      code: 'BAD_METADATA',
      column: 'wide',
    });
  });

  it('refuses an empty table and a metadata/table mismatch clearly', async () => {
    await expect(
      new Synthesizer({ generator: independentMarginals(), metadata }).fit(table.slice(0, 0)),
    ).rejects.toMatchObject({ code: 'NO_ROWS' });
    const { wide: _w, ...fewer } = metadata.columns;
    await expect(
      new Synthesizer({ generator: independentMarginals(), metadata: { version: 1, columns: fewer } }).fit(
        table,
      ),
    ).rejects.toMatchObject({
      code: 'MISSING_COLUMN',
      column: 'wide',
    });
    await expect(
      new Synthesizer({
        generator: independentMarginals(),
        metadata: { version: 1, columns: { ...metadata.columns, ghost: { sdtype: 'categorical' } } },
      }).fit(table),
    ).rejects.toMatchObject({ code: 'UNKNOWN_COLUMN', column: 'ghost' });
  });
});
