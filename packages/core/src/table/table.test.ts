import { describe, expect, it } from 'vitest';
import { SynthkitError } from '../errors/synthkit-error.js';
import { MISSING_BOOL, MISSING_CODE, missingCount } from './column.js';
import { batchesOf, Table } from './table.js';

const t = new Table([
  ['age', { type: 'number', values: new Float64Array([30, Number.NaN, 50]) }],
  [
    'sex',
    { type: 'categorical', codes: new Int32Array([0, 1, MISSING_CODE]), categories: [' Male', ' Female'] },
  ],
  ['ok', { type: 'boolean', values: new Uint8Array([1, 0, MISSING_BOOL]) }],
  ['at', { type: 'datetime', values: new Float64Array([0, 86_400_000, Number.NaN]) }],
]);

describe('Table', () => {
  it('holds typed columns and reads rows back as plain values with null for missing', () => {
    expect(t.nRows).toBe(3);
    expect(t.names).toEqual(['age', 'sex', 'ok', 'at']);
    expect(t.row(0)).toEqual({ age: 30, sex: ' Male', ok: true, at: new Date(0) });
    expect(t.row(2)).toEqual({ age: 50, sex: null, ok: null, at: null });
    expect(missingCount(t.column('age'))).toBe(1);
  });

  it('slices, takes and concatenates, merging category dictionaries', () => {
    const other = new Table([
      ['age', { type: 'number', values: new Float64Array([1]) }],
      ['sex', { type: 'categorical', codes: new Int32Array([0]), categories: [' Other'] }],
      ['ok', { type: 'boolean', values: new Uint8Array([0]) }],
      ['at', { type: 'datetime', values: new Float64Array([5]) }],
    ]);
    const all = Table.concat([t.slice(0, 2), other]);
    expect(all.nRows).toBe(3);
    expect([0, 1, 2].map((i) => all.row(i).sex)).toEqual([' Male', ' Female', ' Other']);
    expect(t.take([2, 0]).row(1).age).toBe(30);
    expect([...batchesOf(t, 2)].map((b) => b.nRows)).toEqual([2, 1]);
  });

  it('refuses duplicate names and unknown columns with a SynthkitError naming the column', () => {
    const dup = () =>
      new Table([
        ['a', t.column('age')],
        ['a', t.column('age')],
      ]);
    expect(dup).toThrow(SynthkitError);
    try {
      t.column('nope');
    } catch (e) {
      expect((e as SynthkitError).code).toBe('UNKNOWN_COLUMN');
      expect((e as SynthkitError).column).toBe('nope');
    }
  });
});
