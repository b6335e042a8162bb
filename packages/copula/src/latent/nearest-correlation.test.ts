import { describe, expect, it } from 'vitest';
import { cholesky, inverseFromCholesky } from './cholesky.js';
import { MIN_EIGENVALUE, minEigenvalue, nearestCorrelation } from './nearest-correlation.js';

describe('nearestCorrelation (Higham 2002)', () => {
  it('reproduces the worked example of Higham’s paper', () => {
    // A = [[1,1,0],[1,1,1],[0,1,1]] is not PSD; its nearest correlation matrix (Higham 2002, §4)
    // has off-diagonals 0.7607 and 0.1573.
    const a = Float64Array.of(1, 1, 0, 1, 1, 1, 0, 1, 1);
    const x = nearestCorrelation(a, 3);
    expect(x[1]).toBeCloseTo(0.7607, 3);
    expect(x[2]).toBeCloseTo(0.1573, 3);
    expect(x[5]).toBeCloseTo(0.7607, 3);
    for (let i = 0; i < 3; i++) expect(x[i * 4]).toBeCloseTo(1, 12);
    expect(minEigenvalue(x, 3)).toBeGreaterThan(MIN_EIGENVALUE / 2);
    expect(() => cholesky(x, 3)).not.toThrow();
  });

  it('leaves a positive-definite matrix unchanged', () => {
    const a = Float64Array.of(1, 0.3, 0.3, 1);
    expect([...nearestCorrelation(a, 2)]).toEqual([...a]);
  });

  it('Cholesky factor and inverse are right on a 3×3 example', () => {
    const a = Float64Array.of(4, 2, 0.4, 2, 2, 0.5, 0.4, 0.5, 3);
    const l = cholesky(a, 3);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += l[i * 3 + k]! * l[j * 3 + k]!;
        expect(s).toBeCloseTo(a[i * 3 + j]!, 12);
      }
    const inv = inverseFromCholesky(l, 3);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a[i * 3 + k]! * inv[k * 3 + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    expect(() => cholesky(Float64Array.of(1, 2, 2, 1), 2)).toThrow(/positive definite/);
  });
});
