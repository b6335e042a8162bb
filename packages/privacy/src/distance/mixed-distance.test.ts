import { Table } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { alignTables } from '../data/aligned.js';
import { distanceSpace, encodeRows, rowDistance } from './mixed-distance.js';

const real = new Table([
  ['n', { type: 'number', values: new Float64Array([0, 10, 3, Number.NaN]) }],
  ['c', { type: 'categorical', codes: new Int32Array([0, 1, -1, 0]), categories: ['a', 'b'] }],
  ['k', { type: 'number', values: new Float64Array([5, 5, 5, 5]) }],
  ['b', { type: 'boolean', values: new Uint8Array([1, 0, 2, 1]) }],
]);
const synth = new Table([
  ['n', { type: 'number', values: new Float64Array([5, 40, Number.NaN, Number.NaN]) }],
  ['c', { type: 'categorical', codes: new Int32Array([0, 0, -1, 1]), categories: ['b', 'a'] }],
  ['k', { type: 'number', values: new Float64Array([5, 6, 5, 5]) }],
  ['b', { type: 'boolean', values: new Uint8Array([1, 1, 2, 0]) }],
]);

describe('SDMetrics mixed distance', () => {
  const aligned = alignTables(real, real, synth, { version: 1, columns: {} });
  const space = distanceSpace(aligned.schema, aligned.train);
  const r = encodeRows(space, aligned.train);
  const s = encodeRows(space, aligned.synthetic);

  it('scales numbers by the real range, caps at 1, and compares categories by label across dictionaries', () => {
    // n: |5 − 0|/10 = 0.5; c: "b" vs "a" = 1; k (constant in real): equal = 0; b: equal = 0
    expect(rowDistance(space, s, 0, r, 0)).toBeCloseTo((0.5 + 1 + 0 + 0) / 4, 12);
    // n: |40 − 10|/10 capped at 1; c: "b" = "b"; k: 6 ≠ 5 on a constant column = 1; b: true vs false = 1
    expect(rowDistance(space, s, 1, r, 1)).toBeCloseTo((1 + 0 + 1 + 1) / 4, 12);
  });

  it('applies the missing-value rules: both missing 0, one missing 1', () => {
    // n missing vs 3 → 1; c missing vs missing → 0; k equal; b missing vs missing → 0
    expect(rowDistance(space, s, 2, r, 2)).toBeCloseTo(1 / 4, 12);
    // n missing vs missing → 0; c "a" vs "a" → 0; k equal; b false vs true → 1
    expect(rowDistance(space, s, 3, r, 3)).toBeCloseTo(1 / 4, 12);
  });
});
