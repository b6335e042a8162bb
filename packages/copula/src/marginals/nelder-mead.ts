/**
 * Minimizes f over R^k with the Nelder–Mead simplex method (J. A. Nelder & R. Mead, "A simplex
 * method for function minimization", Computer Journal 7 (1965) 308–313), standard coefficients
 * (reflection 1, expansion 2, contraction 1/2, shrink 1/2). For small, smooth problems where
 * gradients are a nuisance, such as a two-parameter likelihood.
 */
export function nelderMead(
  f: (x: number[]) => number,
  start: number[],
  step: number[],
  maxEvaluations = 400,
  tolerance = 1e-10,
): number[] {
  const k = start.length;
  const simplex: number[][] = [start.slice()];
  for (let i = 0; i < k; i++) {
    const p = start.slice();
    p[i]! += step[i]!;
    simplex.push(p);
  }
  let values = simplex.map(f);
  let evaluations = simplex.length;
  const order = () => {
    const idx = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    const s = idx.map((i) => simplex[i]!);
    values = idx.map((i) => values[i]!);
    simplex.splice(0, simplex.length, ...s);
  };
  const along = (from: number[], to: number[], t: number) => from.map((v, i) => v + t * (to[i]! - v));
  while (evaluations < maxEvaluations) {
    order();
    if (Math.abs(values[k]! - values[0]!) <= tolerance * (Math.abs(values[0]!) + tolerance)) break;
    const centroid = new Array<number>(k).fill(0);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) centroid[j]! += simplex[i]![j]! / k;
    const worst = simplex[k]!;
    const reflected = along(worst, centroid, 2);
    const fr = f(reflected);
    evaluations++;
    if (fr < values[0]!) {
      const expanded = along(worst, centroid, 3);
      const fe = f(expanded);
      evaluations++;
      if (fe < fr) [simplex[k], values[k]] = [expanded, fe];
      else [simplex[k], values[k]] = [reflected, fr];
    } else if (fr < values[k - 1]!) {
      [simplex[k], values[k]] = [reflected, fr];
    } else {
      const contracted = fr < values[k]! ? along(worst, centroid, 1.5) : along(worst, centroid, 0.5);
      const fc = f(contracted);
      evaluations++;
      if (fc < Math.min(fr, values[k]!)) [simplex[k], values[k]] = [contracted, fc];
      else {
        for (let i = 1; i <= k; i++) {
          simplex[i] = along(simplex[0]!, simplex[i]!, 0.5);
          values[i] = f(simplex[i]!);
        }
        evaluations += k;
      }
    }
  }
  order();
  return simplex[0]!;
}
