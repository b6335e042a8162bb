import type { AttackResult, JsonValue } from '@synthkit/core';
import { verdict } from '../report/verdict.js';
import { residualRisk, successRate } from '../stats/wilson.js';

export interface AttackCounts {
  /** Attacks run against training targets (and as many against control targets and at random). */
  readonly attacks: number;
  readonly success: number;
  readonly baseline: number;
  /** Successes against control targets (may be fractional after a size correction). */
  readonly control: number;
}

/**
 * An Anonymeter-style result (Giomi et al., PETS 2023, §4): success rates of the attack, the
 * random-guess baseline and the control attack with Wilson intervals, and the risk
 * (attack − control)/(1 − control) with its propagated interval.
 */
export function anonymeterResult(
  name: string,
  what: string,
  counts: AttackCounts,
  warnings: string[],
  details: Record<string, JsonValue> = {},
): AttackResult {
  const attack = successRate(counts.attacks, counts.success);
  const baseline = successRate(counts.attacks, counts.baseline);
  const control = successRate(counts.attacks, Math.min(counts.control, counts.attacks));
  const { risk, ci, raw } = residualRisk(attack, control);
  if (baseline.rate >= attack.rate)
    warnings.push(
      `The attack did no better than random guessing (attack ${attack.rate.toFixed(3)}, baseline ${baseline.rate.toFixed(3)}): this attack is too weak on this table for its risk to mean much.`,
    );
  if (control.rate >= 1)
    warnings.push('The control attack always succeeds, so no residual risk can be measured.');
  const rate = (r: typeof attack) => ({ rate: r.rate, ci: [r.rate - r.error, r.rate + r.error] });
  return {
    name,
    risk,
    ci,
    verdict: verdict(risk, ci, what),
    warnings,
    details: {
      attacks: counts.attacks,
      successes: { attack: counts.success, baseline: counts.baseline, control: counts.control },
      attackRate: rate(attack),
      baselineRate: rate(baseline),
      controlRate: rate(control),
      riskUnclipped: raw,
      ...details,
    },
  };
}
