import { describe, expect, it } from 'vitest';
import { SynthkitError } from '../errors/synthkit-error.js';
import { EmpiricalCdf } from './empirical-cdf.js';

describe('EmpiricalCdf', () => {
  it('counts ties, ranks and steps like the textbook definition', () => {
    const e = EmpiricalCdf.of([3, 1, 2, 2, 5]);
    expect([...e.values]).toEqual([1, 2, 3, 5]);
    expect([...e.counts]).toEqual([1, 3, 4, 5]);
    expect(e.cdf(0.5)).toBe(0);
    expect(e.cdf(2)).toBeCloseTo(0.6, 15);
    expect(e.cdf(4)).toBeCloseTo(0.8, 15);
    expect(e.cdf(9)).toBe(1);
    expect(e.rankRange(2)).toEqual([1, 3]);
    expect(e.rankRange(4)).toEqual([4, 4]);
    expect(e.rankRange(-1)).toEqual([0, 0]);
  });

  it('the Hazen quantile interpolates between order statistics and is flat across ties', () => {
    const e = EmpiricalCdf.of([10, 20, 30, 40]);
    expect(e.quantile(0)).toBe(10);
    expect(e.quantile(0.125)).toBe(10);
    expect(e.quantile(0.5)).toBe(25);
    expect(e.quantile(1)).toBe(40);
    const t = EmpiricalCdf.of([0, 0, 0, 0, 0, 0, 7, 9]);
    expect(t.quantile(0.3)).toBe(0);
    expect(t.quantile(0.6)).toBe(0);
    expect(t.quantile(0.7)).toBeCloseTo(0.7, 12); // h = 5.1: a tenth of the way from 0 to 7
  });

  it('rejects empty and non-finite samples with a SynthkitError', () => {
    expect(() => EmpiricalCdf.of([])).toThrow(SynthkitError);
    try {
      EmpiricalCdf.of([1, Number.NaN]);
    } catch (e) {
      expect((e as SynthkitError).code).toBe('BAD_VALUE');
      expect((e as SynthkitError).row).toBe(2);
    }
  });
});
