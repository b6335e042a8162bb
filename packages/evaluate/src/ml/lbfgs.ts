/**
 * Limited-memory BFGS (Nocedal 1980; Liu & Nocedal 1989) with the two-loop recursion and a
 * backtracking Armijo line search, for the smooth convex losses of the linear models.
 */
export function minimizeLbfgs(
  f: (w: Float64Array, grad: Float64Array) => number,
  w0: Float64Array,
  { maxIter = 200, memory = 10, tol = 1e-6 } = {},
): Float64Array {
  const d = w0.length;
  const w = Float64Array.from(w0);
  const g = new Float64Array(d);
  let fx = f(w, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const dir = new Float64Array(d);
  const wNew = new Float64Array(d);
  const gNew = new Float64Array(d);
  const alpha = new Float64Array(memory);
  for (let iter = 0; iter < maxIter; iter++) {
    let gnorm = 0;
    for (let i = 0; i < d; i++) gnorm = Math.max(gnorm, Math.abs(g[i]!));
    if (gnorm < tol) break;
    // two-loop recursion: dir = -H g
    for (let i = 0; i < d; i++) dir[i] = -g[i]!;
    for (let k = S.length - 1; k >= 0; k--) {
      let a = 0;
      for (let i = 0; i < d; i++) a += S[k]![i]! * dir[i]!;
      a *= rho[k]!;
      alpha[k] = a;
      for (let i = 0; i < d; i++) dir[i]! -= a * Y[k]![i]!;
    }
    if (S.length > 0) {
      const last = S.length - 1;
      let sy = 0;
      let yy = 0;
      for (let i = 0; i < d; i++) {
        sy += S[last]![i]! * Y[last]![i]!;
        yy += Y[last]![i]! * Y[last]![i]!;
      }
      const gamma = sy / yy;
      for (let i = 0; i < d; i++) dir[i]! *= gamma;
    } else {
      // first step: a short steepest-descent step
      for (let i = 0; i < d; i++) dir[i]! /= Math.max(1, gnorm);
    }
    for (let k = 0; k < S.length; k++) {
      let b = 0;
      for (let i = 0; i < d; i++) b += Y[k]![i]! * dir[i]!;
      b *= rho[k]!;
      for (let i = 0; i < d; i++) dir[i]! += S[k]![i]! * (alpha[k]! - b);
    }
    let slope = 0;
    for (let i = 0; i < d; i++) slope += g[i]! * dir[i]!;
    if (slope >= 0) {
      // not a descent direction (numerical trouble): restart from steepest descent
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < d; i++) dir[i] = -g[i]!;
      slope = -gnorm * gnorm;
    }
    let step = 1;
    let fNew = Number.POSITIVE_INFINITY;
    for (let ls = 0; ls < 30; ls++) {
      for (let i = 0; i < d; i++) wNew[i] = w[i]! + step * dir[i]!;
      fNew = f(wNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < fx)) break;
    const s = new Float64Array(d);
    const y = new Float64Array(d);
    let sy = 0;
    for (let i = 0; i < d; i++) {
      s[i] = wNew[i]! - w[i]!;
      y[i] = gNew[i]! - g[i]!;
      sy += s[i]! * y[i]!;
    }
    const improvement = fx - fNew;
    w.set(wNew);
    g.set(gNew);
    fx = fNew;
    if (sy > 1e-12) {
      if (S.length === memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    if (improvement < tol * Math.max(1, Math.abs(fx))) break;
  }
  return w;
}
