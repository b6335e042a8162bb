/**
 * Pearson correlation matrix (row-major d×d) of equally long columns. A column without variance is
 * uncorrelated with every other one (its row and column are those of the identity).
 */
export function correlationMatrix(columns: readonly Float64Array[], n: number): Float64Array {
  const d = columns.length;
  const r = new Float64Array(d * d);
  const centered = columns.map((c) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += c[i]!;
    mean /= n;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = c[i]! - mean;
    return out;
  });
  const sd = centered.map((c) => {
    let ss = 0;
    for (let i = 0; i < n; i++) ss += c[i]! * c[i]!;
    return Math.sqrt(ss);
  });
  for (let a = 0; a < d; a++) {
    r[a * d + a] = 1;
    for (let b = 0; b < a; b++) {
      let s = 0;
      if (sd[a]! > 0 && sd[b]! > 0) {
        const x = centered[a]!;
        const y = centered[b]!;
        for (let i = 0; i < n; i++) s += x[i]! * y[i]!;
        s /= sd[a]! * sd[b]!;
      }
      const v = Math.max(-1, Math.min(1, s));
      r[a * d + b] = v;
      r[b * d + a] = v;
    }
  }
  return r;
}
