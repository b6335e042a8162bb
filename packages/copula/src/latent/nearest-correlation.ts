import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/** Smallest eigenvalue kept in a repaired correlation matrix, so its Cholesky factor exists. */
export const MIN_EIGENVALUE = 1e-8;

/**
 * The nearest correlation matrix to a symmetric matrix with unit diagonal that may not be positive
 * semi-definite (pairwise estimates, or a user's hand-written matrix): alternating projections onto
 * the PSD cone and the unit-diagonal set with Dykstra's correction, N. J. Higham, "Computing the
 * nearest correlation matrix — a problem from finance", IMA J. Numer. Anal. 22 (2002) 329–343,
 * Algorithm 3.3. A final eigenvalue floor (MIN_EIGENVALUE) and rescaling make it strictly positive
 * definite. A matrix that is already positive definite comes back unchanged.
 */
export function nearestCorrelation(
  a: Float64Array,
  d: number,
  maxIterations = 200,
  tolerance = 1e-10,
): Float64Array {
  if (d === 0 || minEigenvalue(a, d) >= MIN_EIGENVALUE) return a.slice();
  let y = toMatrix(a, d);
  let ds = Matrix.zeros(d, d);
  for (let it = 0; it < maxIterations; it++) {
    const r = y.clone().sub(ds);
    const x = projectPsd(r, 0);
    ds = x.clone().sub(r);
    const next = x.clone();
    for (let i = 0; i < d; i++) next.set(i, i, 1);
    const change = next.clone().sub(y).norm('frobenius') / Math.max(1, y.norm('frobenius'));
    y = next;
    if (change < tolerance) break;
  }
  const pd = projectPsd(y, MIN_EIGENVALUE);
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) out[i * d + j] = pd.get(i, j) / Math.sqrt(pd.get(i, i) * pd.get(j, j));
  return out;
}

/** Smallest eigenvalue of a symmetric matrix. */
export function minEigenvalue(a: Float64Array, d: number): number {
  if (d === 0) return Number.POSITIVE_INFINITY;
  const e = new EigenvalueDecomposition(toMatrix(a, d), { assumeSymmetric: true });
  return Math.min(...e.realEigenvalues);
}

function toMatrix(a: Float64Array, d: number): Matrix {
  const m = new Matrix(d, d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) m.set(i, j, 0.5 * (a[i * d + j]! + a[j * d + i]!));
  return m;
}

/** V·max(Λ, floor)·Vᵀ: the projection onto matrices with eigenvalues ≥ floor. */
function projectPsd(m: Matrix, floor: number): Matrix {
  const e = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const v = e.eigenvectorMatrix;
  const lambda = e.realEigenvalues.map((x) => Math.max(x, floor));
  return v.mmul(Matrix.diag(lambda)).mmul(v.transpose());
}
