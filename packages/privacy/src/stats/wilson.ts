/**
 * Success rate of an attack with its Wilson score interval (Wilson 1927, JASA 22:209), in the form
 * Anonymeter uses (Giomi et al., PETS 2023, §4): the point estimate is the interval's centre
 * (k + z²/2)/(n + z²) and the error its half-width.
 *
 *   successRate(500, 250) // { rate: 0.5, error: 0.0437... }
 */
export interface SuccessRate {
  readonly rate: number;
  readonly error: number;
}

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export function successRate(n: number, successes: number, z = Z95): SuccessRate {
  if (n <= 0) return { rate: Number.NaN, error: Number.NaN };
  const z2 = z * z;
  const denominator = n + z2;
  const variance = (successes * (n - successes)) / n;
  return {
    rate: (successes + z2 / 2) / denominator,
    error: (z / denominator) * Math.sqrt(Math.max(0, variance) + z2 / 4),
  };
}

/**
 * Anonymeter's privacy risk: the attack's success on training targets beyond its success on
 * control targets, normalised by what was left to gain, risk = (attack − control)/(1 − control),
 * with the error propagated to first order; point and interval are clipped to [0, 1].
 */
export function residualRisk(
  attack: SuccessRate,
  control: SuccessRate,
): { risk: number; ci: [number, number]; raw: number } {
  const raw = (attack.rate - control.rate) / (1 - control.rate);
  const dAttack = 1 / Math.abs(1 - control.rate);
  const dControl = (attack.rate - 1) / (1 - control.rate) ** 2;
  const error = Math.sqrt((attack.error * dAttack) ** 2 + (control.error * dControl) ** 2);
  return { risk: clip01(raw), ci: [clip01(raw - error), clip01(raw + error)], raw };
}

export function clip01(x: number): number {
  return Number.isNaN(x) ? x : Math.min(1, Math.max(0, x));
}
