import { describe, expect, it } from 'vitest';
import { residualRisk, successRate } from './wilson.js';

describe('Wilson success rate and Anonymeter residual risk', () => {
  it('matches the Wilson score interval computed by hand', () => {
    // 250/500: centre (250 + z²/2)/(500 + z²) = 0.5, half-width z/(500 + z²)·sqrt(125 + z²/4)
    const r = successRate(500, 250);
    expect(r.rate).toBeCloseTo(0.5, 12);
    expect(r.error).toBeCloseTo(
      (1.959963984540054 / (500 + 3.841458820694124)) * Math.sqrt(125 + 3.841458820694124 / 4),
      12,
    );
    // 0 successes still gives a positive upper bound (the reason to use Wilson)
    const zero = successRate(100, 0);
    expect(zero.rate - zero.error).toBeCloseTo(0, 12);
    expect(zero.rate + zero.error).toBeGreaterThan(0.03);
  });

  it('gives risk (attack − control)/(1 − control), clipped to [0, 1] with an interval around it', () => {
    const attack = successRate(500, 400);
    const control = successRate(500, 100);
    const { risk, ci, raw } = residualRisk(attack, control);
    expect(raw).toBeCloseTo((attack.rate - control.rate) / (1 - control.rate), 12);
    expect(risk).toBeGreaterThan(0.7);
    expect(ci[0]).toBeLessThan(risk);
    expect(ci[1]).toBeGreaterThan(risk);
    const none = residualRisk(successRate(500, 100), successRate(500, 110));
    expect(none.risk).toBe(0);
    expect(none.ci[0]).toBe(0);
    expect(none.ci[1]).toBeGreaterThan(0);
  });
});
