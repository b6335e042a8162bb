/**
 * One plain sentence per attack from its risk and 95% interval. "Measurable" means the interval
 * excludes 0: the attack did better on training rows than on control rows beyond chance.
 */
export function verdict(risk: number, ci: readonly [number, number], what: string): string {
  const shown = `risk ${pct(risk)}, 95% CI ${pct(ci[0])}–${pct(ci[1])}`;
  if (Number.isNaN(risk)) return `Not measured: ${what}.`;
  if (!(ci[0] > 0))
    return `No measurable risk: ${what} worked no better on the training rows than on rows the generator never saw (${shown}).`;
  const found = `${what} worked better on the training rows than on unseen rows (${shown})`;
  if (risk >= 0.5) return `High risk: ${found}. Do not share this synthetic table as is.`;
  if (risk >= 0.1) return `Moderate risk: ${found}. Do not share this synthetic table as is.`;
  return `Low but measurable risk: ${found}. Review which rows are exposed before sharing (see the attack's details).`;
}

/** A share as a percentage; small non-zero shares keep two significant digits so they never print as 0.0%. */
export function pct(x: number): string {
  if (Number.isNaN(x)) return 'n/a';
  const p = 100 * x;
  if (p !== 0 && Math.abs(p) < 0.1) return `${p.toPrecision(2)}%`;
  return `${p.toFixed(1)}%`;
}
