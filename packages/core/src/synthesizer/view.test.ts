import { describe, expect, it } from 'vitest';
import type { Metadata } from '../metadata/types.js';
import type { ContinuousViewColumn, DiscreteViewColumn } from '../plugin/types.js';
import { MISSING_BOOL } from '../table/column.js';
import { Table } from '../table/table.js';
import { checkViewShape, fitViewPlan, fromView, toView, viewOf, viewSignature } from './view.js';

const NaN_ = Number.NaN;
const table = new Table([
  [
    'id',
    {
      type: 'categorical',
      codes: Int32Array.from([0, 1, 2, 3]),
      categories: ['c-01', 'c-02', 'c-03', 'c-04'],
    },
  ],
  ['age', { type: 'number', values: Float64Array.from([39, NaN_, 17, 90]) }],
  ['fare', { type: 'number', values: Float64Array.from([7, 2.15, 13.3, 5]) }],
  ['sex', { type: 'categorical', codes: Int32Array.from([0, 1, -1, 0]), categories: [' Male', ' Female'] }],
  ['passengers', { type: 'number', values: Float64Array.from([1, 1.0, 3, NaN_]) }],
  ['vip', { type: 'boolean', values: Uint8Array.from([1, 0, MISSING_BOOL, 0]) }],
  [
    'pickup',
    {
      type: 'datetime',
      values: Float64Array.from([Date.UTC(2019, 2, 1, 8), Date.UTC(2019, 2, 2), NaN_, Date.UTC(2019, 2, 3)]),
    },
  ],
  [
    'email',
    {
      type: 'categorical',
      codes: Int32Array.from([0, 1, 2, 3]),
      categories: ['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org'],
    },
  ],
]);
const metadata: Metadata = {
  version: 1,
  columns: {
    id: { sdtype: 'id' },
    age: { sdtype: 'numerical', representation: 'integer' },
    fare: { sdtype: 'numerical', representation: 'float', decimals: 2 },
    sex: { sdtype: 'categorical' },
    passengers: { sdtype: 'categorical' },
    vip: { sdtype: 'boolean' },
    pickup: { sdtype: 'datetime', format: '%Y-%m-%d %H:%M:%S' },
    email: { sdtype: 'pii', kind: 'email' },
  },
};

describe('view', () => {
  const plan = fitViewPlan(table, metadata);
  const view = toView(plan, table);

  it('follows the view rules', () => {
    expect(view.nRows).toBe(4);
    expect(viewOf(table, metadata)).toEqual(view);
    expect(view.columns.map((c) => `${c.kind}:${c.name}`)).toEqual([
      'continuous:age',
      'discrete:age#missing',
      'continuous:fare',
      'discrete:sex',
      'discrete:passengers',
      'discrete:vip',
      'continuous:pickup',
      'discrete:pickup#missing',
    ]);
    const col = (name: string) => view.columns.find((c) => c.name === name)!;
    expect([...(col('age') as ContinuousViewColumn).values]).toEqual([39, 146 / 3, 17, 90]);
    expect((col('age') as ContinuousViewColumn).integer).toBe(true);
    expect((col('fare') as ContinuousViewColumn).integer).toBe(false);
    expect((col('age#missing') as DiscreteViewColumn).labels).toEqual(['present', 'missing']);
    expect([...(col('age#missing') as DiscreteViewColumn).codes]).toEqual([0, 1, 0, 0]);
    expect((col('sex') as DiscreteViewColumn).labels).toEqual([' Male', ' Female', '<missing>']);
    expect([...(col('sex') as DiscreteViewColumn).codes]).toEqual([0, 1, 2, 0]);
    expect((col('passengers') as DiscreteViewColumn).labels).toEqual(['1', '3', '<missing>']);
    expect([...(col('passengers') as DiscreteViewColumn).codes]).toEqual([0, 0, 1, 2]);
    expect((col('vip') as DiscreteViewColumn).labels).toEqual(['false', 'true', '<missing>']);
    expect((col('pickup') as ContinuousViewColumn).values[0]).toBe(Date.UTC(2019, 2, 1, 8));
    for (const c of view.columns)
      if (c.kind === 'continuous') expect(c.values.every(Number.isFinite)).toBe(true);
  });

  it('round-trips the learned columns', () => {
    const back = fromView(plan, view);
    expect(back.names).toEqual(['age', 'fare', 'sex', 'passengers', 'vip', 'pickup']);
    for (let i = 0; i < table.nRows; i++) {
      const { id: _id, email: _email, ...expected } = table.row(i);
      expect(back.row(i)).toEqual(expected);
    }
  });

  it('rounds, clamps and snaps generated values', () => {
    const noisy = {
      nRows: 1,
      columns: view.columns.map((c) => {
        if (c.kind === 'discrete') return { ...c, codes: Int32Array.of(0) };
        const v = c.name === 'age' ? 120.4 : c.name === 'fare' ? 3.14159 : Date.UTC(2019, 2, 2, 5, 17);
        return { ...c, values: Float64Array.of(v) };
      }),
    };
    const row = fromView(plan, noisy).row(0);
    expect(row.age).toBe(90);
    expect(row.fare).toBe(3.14);
    expect((row.pickup as Date).getTime()).toBe(Date.UTC(2019, 2, 2, 5));
    const free = fitViewPlan(table, {
      ...metadata,
      columns: {
        ...metadata.columns,
        age: { sdtype: 'numerical', representation: 'integer', enforceBounds: false },
      },
    });
    expect(fromView(free, noisy).row(0).age).toBe(120);
  });

  it('checks the shape of a generator batch', () => {
    const sig = viewSignature(plan);
    expect(sig.columns.map((c) => c.name)).toEqual(view.columns.map((c) => c.name));
    expect(() => checkViewShape(sig, view, 'g')).not.toThrow();
    const bad = {
      ...view,
      columns: view.columns.map((c) =>
        c.name === 'sex' ? { ...c, codes: Int32Array.from([0, 0, 7, 0]) } : c,
      ),
    };
    expect(() => checkViewShape(sig, bad, 'g')).toThrow(/code 7/);
    const nan = {
      ...view,
      columns: view.columns.map((c) =>
        c.name === 'fare' ? { ...c, values: Float64Array.from([1, NaN_, 1, 1]) } : c,
      ),
    };
    expect(() => checkViewShape(sig, nan, 'g')).toThrow(
      expect.objectContaining({ code: 'BAD_PLUGIN', column: 'fare' }),
    );
  });

  it('refuses numerical metadata on text values, naming the column', () => {
    expect(() =>
      fitViewPlan(table, { version: 1, columns: { sex: { sdtype: 'numerical', representation: 'float' } } }),
    ).toThrow(expect.objectContaining({ code: 'TYPE_MISMATCH', column: 'sex' }));
    expect(() => fitViewPlan(table, { version: 1, columns: { nope: { sdtype: 'categorical' } } })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_COLUMN', column: 'nope' }),
    );
  });
});

describe('a column with no values at all', () => {
  it('comes back entirely missing whatever the generator makes of its indicator', () => {
    const n = 20;
    const table = new Table([
      ['empty', { type: 'number', values: new Float64Array(n).fill(Number.NaN) }],
      ['x', { type: 'number', values: Float64Array.from({ length: n }, (_, i) => i) }],
    ]);
    const metadata: Metadata = {
      version: 1,
      columns: {
        empty: { sdtype: 'numerical', representation: 'float' },
        x: { sdtype: 'numerical', representation: 'float' },
      },
    };
    const plan = fitViewPlan(table, metadata);
    const view = toView(plan, table);
    // A generator that learned the constant indicator imperfectly: every row "present", value 3.
    const generated = {
      nRows: n,
      columns: view.columns.map((c) =>
        c.kind === 'discrete'
          ? { ...c, codes: new Int32Array(n) }
          : { ...c, values: new Float64Array(n).fill(3) },
      ),
    };
    const out = fromView(plan, generated);
    expect([...(out.column('empty') as { values: Float64Array }).values].every(Number.isNaN)).toBe(true);
    expect((out.column('x') as { values: Float64Array }).values[0]).toBe(3);
  });
});
