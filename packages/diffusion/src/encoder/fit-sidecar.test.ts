import type { ViewTable } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { fitSidecar } from './fit-sidecar.js';

describe('fitSidecar', () => {
  it('rounds whole-number columns when the sidecar is used on its own', () => {
    const n = 50;
    const view: ViewTable = {
      nRows: n,
      columns: [
        {
          kind: 'continuous',
          name: 'age',
          integer: true,
          values: Float64Array.from({ length: n }, (_, i) => 20 + i),
        },
        { kind: 'continuous', name: 'score', values: Float64Array.from({ length: n }, (_, i) => i / 7) },
        {
          kind: 'discrete',
          name: 'c',
          codes: Int32Array.from({ length: n }, (_, i) => i % 2),
          labels: ['a', 'b'],
        },
      ],
    };
    const sidecar = fitSidecar(view, { kind: 'cosine', T: 100 });
    const [age, score, c] = sidecar.columns;
    expect(age).toMatchObject({ name: 'age', kind: 'numerical', decimals: 0 });
    expect(score).not.toHaveProperty('decimals');
    expect(c).toEqual({ name: 'c', kind: 'categorical', categories: ['a', 'b'] });
  });
});
