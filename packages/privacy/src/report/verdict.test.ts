import { describe, expect, it } from 'vitest';
import { pct, verdict } from './verdict.js';

describe('verdict', () => {
  it('never shows a measurable interval as starting at 0.0%', () => {
    const v = verdict(0.004, [0.0004, 0.009], 'matching rows');
    expect(v).toMatch(/^Low but measurable risk/);
    expect(v).toContain('95% CI 0.040%–0.9%');
    expect(v).not.toContain('Do not share');
  });

  it('grades the risk and tells what to do', () => {
    expect(verdict(0.2, [0.1, 0.3], 'x')).toMatch(/^Moderate risk: .*Do not share/);
    expect(verdict(0.7, [0.6, 0.8], 'x')).toMatch(/^High risk: .*Do not share/);
    expect(verdict(0.2, [0, 0.4], 'x')).toMatch(/^No measurable risk/);
    expect(verdict(Number.NaN, [Number.NaN, Number.NaN], 'x')).toBe('Not measured: x.');
  });

  it('formats shares', () => {
    expect(pct(0)).toBe('0.0%');
    expect(pct(0.1234)).toBe('12.3%');
    expect(pct(-0.0002)).toBe('-0.020%');
  });
});
