/**
 * Cramér's V = √(χ² / n / (min(r, c) − 1)) of a contingency table (Cramér 1946, Sec. 21.9), over
 * the rows and columns that are not empty; 0 for a table with a single row or column.
 */
export function cramersV(counts: Float64Array, rows: number, cols: number): number {
  const rowSum = new Float64Array(rows);
  const colSum = new Float64Array(cols);
  let n = 0;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const c = counts[i * cols + j]!;
      rowSum[i]! += c;
      colSum[j]! += c;
      n += c;
    }
  const r = rowSum.filter((v) => v > 0).length;
  const k = colSum.filter((v) => v > 0).length;
  if (n === 0 || r < 2 || k < 2) return 0;
  let chi2 = 0;
  for (let i = 0; i < rows; i++) {
    if (rowSum[i] === 0) continue;
    for (let j = 0; j < cols; j++) {
      if (colSum[j] === 0) continue;
      const e = (rowSum[i]! * colSum[j]!) / n;
      chi2 += (counts[i * cols + j]! - e) ** 2 / e;
    }
  }
  return Math.sqrt(chi2 / n / (Math.min(r, k) - 1));
}
