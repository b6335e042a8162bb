import { SynthkitError } from '@synthkit/core';

/**
 * Cholesky factor L (row-major d×d, lower triangle; upper left zero) of a symmetric positive-definite
 * matrix, A = L·Lᵀ, by the Cholesky–Banachiewicz recurrence (Golub & Van Loan, Matrix Computations,
 * 4th ed., Alg. 4.2.1). Throws when a pivot is not positive.
 */
export function cholesky(a: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j]!;
      for (let k = 0; k < j; k++) s -= l[i * d + k]! * l[j * d + k]!;
      if (i === j) {
        if (!(s > 0))
          throw new SynthkitError('INTERNAL', 'Correlation matrix is not positive definite', {
            hint: 'Repair it with nearestCorrelation() first',
          });
        l[i * d + i] = Math.sqrt(s);
      } else l[i * d + j] = s / l[j * d + j]!;
    }
  }
  return l;
}

/** Inverse of a symmetric positive-definite matrix from its Cholesky factor. */
export function inverseFromCholesky(l: Float64Array, d: number): Float64Array {
  // Solve L·Lᵀ·X = I column by column.
  const inv = new Float64Array(d * d);
  const y = new Float64Array(d);
  for (let c = 0; c < d; c++) {
    for (let i = 0; i < d; i++) {
      let s = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) s -= l[i * d + k]! * y[k]!;
      y[i] = s / l[i * d + i]!;
    }
    for (let i = d - 1; i >= 0; i--) {
      let s = y[i]!;
      for (let k = i + 1; k < d; k++) s -= l[k * d + i]! * inv[k * d + c]!;
      inv[i * d + c] = s / l[i * d + i]!;
    }
  }
  return inv;
}
