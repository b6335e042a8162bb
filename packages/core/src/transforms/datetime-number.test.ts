import { describe, expect, it } from 'vitest';
import { datetimeNumber } from './datetime-number.js';

const day = 86_400_000;

describe('datetimeNumber', () => {
  it('learns the resolution and round-trips', () => {
    const dates = Float64Array.from([Date.UTC(2020, 0, 1), Date.UTC(2021, 5, 30), Number.NaN]);
    const state = datetimeNumber.fit(dates);
    expect(state.unit).toBe(day);
    const n = datetimeNumber.forward(state, dates);
    expect(Object.is(datetimeNumber.reverse(state, n)[2], Number.NaN)).toBe(true);
    expect([...datetimeNumber.reverse(state, n)].slice(0, 2)).toEqual([...dates].slice(0, 2));
  });

  it('snaps generated numbers to the data resolution', () => {
    const secs = Float64Array.from([Date.UTC(2020, 0, 1, 10, 0, 5), Date.UTC(2020, 0, 1, 10, 0, 7)]);
    const state = datetimeNumber.fit(secs);
    expect(state.unit).toBe(1000);
    expect(datetimeNumber.reverse(state, Float64Array.from([secs[0]! + 400, secs[1]! + 600]))).toEqual(
      Float64Array.from([secs[0]!, secs[1]! + 1000]),
    );
    expect(datetimeNumber.fit(Float64Array.from([1, 2])).unit).toBe(1);
  });
});
