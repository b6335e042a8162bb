import { describe, expect, it } from 'vitest';
import { missingIndicator } from './missing-indicator.js';

describe('missingIndicator', () => {
  it('imputes the mean, flags missing values and puts NaN back on reverse', () => {
    const x = Float64Array.from([1, Number.NaN, 3, Number.NaN, 8]);
    const state = missingIndicator.fit(x);
    expect(state.fill).toBe(4);
    const f = missingIndicator.forward(state, x);
    expect([...f.values]).toEqual([1, 4, 3, 4, 8]);
    expect([...f.missing]).toEqual([0, 1, 0, 1, 0]);
    expect([...missingIndicator.reverse(state, f)]).toEqual([...x]);
  });

  it('round-trips an all-missing column with a finite fill', () => {
    const x = new Float64Array(3).fill(Number.NaN);
    const state = missingIndicator.fit(x);
    const f = missingIndicator.forward(state, x);
    expect(f.values.every(Number.isFinite)).toBe(true);
    expect(missingIndicator.reverse(state, f).every(Number.isNaN)).toBe(true);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
