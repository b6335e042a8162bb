import { Table } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { splitTable } from './split.js';

const t = new Table([['id', { type: 'number', values: Float64Array.from({ length: 1000 }, (_, i) => i) }]]);

describe('splitTable', () => {
  it('holds out the requested share, disjoint and complete, the same for the same seed', () => {
    const { train, control } = splitTable(t, { holdout: 0.2, seed: 3 });
    expect(control.nRows).toBe(200);
    expect(train.nRows).toBe(800);
    const ids = (x: Table) => [...(x.column('id') as { values: Float64Array }).values];
    expect(new Set([...ids(train), ...ids(control)]).size).toBe(1000);
    expect(ids(splitTable(t, { holdout: 0.2, seed: 3 }).control)).toEqual(ids(control));
    expect(ids(splitTable(t, { holdout: 0.2, seed: 4 }).control)).not.toEqual(ids(control));
  });

  it('refuses a holdout outside (0, 1) or one that leaves a side empty', () => {
    expect(() => splitTable(t, { holdout: 1.5 })).toThrow(/holdout must be a share/);
    expect(() => splitTable(t.slice(0, 2), { holdout: 0.1 })).toThrow(/Cannot hold out/);
  });
});
