/**
 * Area under the ROC curve as the Mann–Whitney U statistic (Hanley & McNeil 1982): the probability
 * that a random positive scores above a random negative, ties counted half. NaN without both classes.
 */
export function rocAuc(score: ArrayLike<number>, positive: ArrayLike<boolean | number>): number {
  const n = score.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => score[a]! - score[b]!);
  let nPos = 0;
  let rankSumPos = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && score[order[j + 1]!] === score[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++)
      if (positive[order[k]!]) {
        nPos++;
        rankSumPos += rank;
      }
    i = j + 1;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return Number.NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
