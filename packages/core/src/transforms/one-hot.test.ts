import { describe, expect, it } from 'vitest';
import { oneHot } from './one-hot.js';

describe('oneHot', () => {
  it('writes one 1 per row and round-trips', () => {
    const codes = Int32Array.from([0, 2, 1, 2]);
    const s = oneHot.fit(codes);
    expect(s.size).toBe(3);
    const m = oneHot.forward(s, codes);
    expect([...m.data]).toEqual([1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1]);
    expect(oneHot.reverse(s, m)).toEqual(codes);
  });

  it('decodes soft rows by arg-max', () => {
    const soft = { width: 3, data: Float64Array.from([0.2, 0.5, 0.3, 0.9, 0.05, 0.05]) };
    expect([...oneHot.reverse({ size: 3 }, soft)]).toEqual([1, 0]);
  });
});
