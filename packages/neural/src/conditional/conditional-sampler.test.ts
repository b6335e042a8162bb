import { Rng, type ViewTable } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { ConditionalSampler } from './conditional-sampler.js';

// 900 rows of "a", 90 of "b", 10 of "c", plus a continuous column the sampler must ignore.
const codes = Int32Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0 : i < 990 ? 1 : 2));
const view: ViewTable = {
  nRows: 1000,
  columns: [
    { kind: 'continuous', name: 'x', values: new Float64Array(1000) },
    { kind: 'discrete', name: 'c', codes, labels: ['a', 'b', 'c'] },
  ],
};

function shares(cats: Int32Array): number[] {
  const n = [0, 0, 0];
  for (const c of cats) n[c]!++;
  return n.map((x) => x / cats.length);
}

describe('ConditionalSampler', () => {
  const sampler = ConditionalSampler.fromView(view);

  it('covers discrete columns only', () => {
    expect(sampler.dim).toBe(3);
    expect(sampler.columns.map((c) => c.name)).toEqual(['c']);
  });

  it('trains on log frequencies and samples with plain frequencies', () => {
    const logShare = [901, 91, 11].map(Math.log);
    const total = logShare.reduce((a, b) => a + b, 0);
    const train = shares(sampler.sampleTraining(20000, new Rng(1)).category);
    train.forEach((s, k) => {
      expect(s).toBeCloseTo(logShare[k]! / total, 1);
    });
    const orig = shares(sampler.sampleOriginal(20000, new Rng(2)).category);
    expect(orig[0]).toBeCloseTo(0.9, 1);
    expect(orig[2]).toBeLessThan(0.02);
  });

  it('picks real rows that have the drawn category', () => {
    const { column, category } = sampler.sampleTraining(500, new Rng(3));
    const rows = sampler.pickRows(column, category, new Rng(4));
    for (let i = 0; i < rows.length; i++) expect(codes[rows[i]!]).toBe(category[i]);
  });

  it('encodes one-hot condition vectors and survives a JSON round trip', () => {
    const v = sampler.encode(Int32Array.of(0, 0), Int32Array.of(2, 0));
    expect([...v]).toEqual([0, 0, 1, 1, 0, 0]);
    const again = ConditionalSampler.fromJSON(JSON.parse(JSON.stringify(sampler.toJSON())));
    expect(again.sampleOriginal(100, new Rng(5))).toEqual(sampler.sampleOriginal(100, new Rng(5)));
    expect(() => again.columnIndex('x')).toThrow(expect.objectContaining({ code: 'BAD_CONDITION' }));
  });
});
