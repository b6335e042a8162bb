/**
 * One plain sentence per attack from its risk and 95% interval. "Measurable" means the interval
 * excludes 0: the attack did better on training rows than on control rows beyond chance.
 */
export function verdict(risk: number, ci: readonly [number, number], what: string): string {
  const shown = `risk ${pct(risk)}, 95% CI ${pct(ci[0])}–${pct(ci[1])}`;
  if (Number.isNaN(risk)) return `Not measured: ${what}.`;
  if (!(ci[0] > 0))
    return `No measurable risk: ${what} worked no better on the training rows than on rows the generator never saw (${shown}).`;
  const level = risk >= 0.5 ? 'High risk' : risk >= 0.1 ? 'Moderate risk' : 'Low but measurable risk';
  return `${level}: ${what} worked better on the training rows than on unseen rows (${shown}). Do not share this synthetic table as is.`;
}

export function pct(x: number): string {
  return Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)}%`;
}
