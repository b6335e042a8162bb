/**
 * Area under the ROC curve and membership advantage for a membership-inference score, on scores
 * sorted once so bootstrap replicates (integer weights per candidate) cost O(n) each.
 *
 * AUC: the Mann–Whitney probability that a member outscores a non-member, ties counting one half.
 * Membership advantage (Yeom et al., CSF 2018, Def. 4): TPR − FPR of the attacker's threshold rule.
 * Picking the threshold on the same rows that measure it would make the advantage positive even
 * for a useless score, so it is cross-fitted: the threshold maximising TPR − FPR on one half of the
 * candidates is scored on the other half, and the two directions are averaged.
 */
export interface SortedScores {
  /** Candidate indices by descending score. */
  readonly order: Int32Array;
  /** Group id per sorted position: equal scores share a group (ties). */
  readonly tieGroup: Int32Array;
  /** 1 for a member, 0 for a non-member, per candidate. */
  readonly member: Uint8Array;
}

export function sortScores(scores: Float64Array, member: Uint8Array): SortedScores {
  const order = Int32Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[b]! - scores[a]! || a - b,
  );
  const tieGroup = new Int32Array(order.length);
  for (let p = 1; p < order.length; p++)
    tieGroup[p] = tieGroup[p - 1]! + (scores[order[p]!] === scores[order[p - 1]!] ? 0 : 1);
  return { order, tieGroup, member };
}

/** Weighted AUC; `weight[i]` is how many times candidate i is counted (1 for the plain estimate). */
export function aucOf(s: SortedScores, weight: Float64Array): number {
  let membersAbove = 0; // members strictly above the current tie group
  let pairs = 0;
  let nMember = 0;
  let nNon = 0;
  let p = 0;
  const n = s.order.length;
  while (p < n) {
    let groupMembers = 0;
    let groupNon = 0;
    const g = s.tieGroup[p];
    for (; p < n && s.tieGroup[p] === g; p++) {
      const i = s.order[p]!;
      if (s.member[i]) groupMembers += weight[i]!;
      else groupNon += weight[i]!;
    }
    pairs += groupNon * (membersAbove + groupMembers / 2);
    membersAbove += groupMembers;
    nMember += groupMembers;
    nNon += groupNon;
  }
  return nMember > 0 && nNon > 0 ? pairs / (nMember * nNon) : Number.NaN;
}

/**
 * Cross-fitted membership advantage; `fold[i]` (0 or 1) assigns candidates to the two halves.
 * Returns NaN when a half lacks members or non-members.
 */
export function advantageOf(s: SortedScores, weight: Float64Array, fold: Uint8Array): number {
  const a = bestThreshold(s, weight, fold, 0);
  const b = bestThreshold(s, weight, fold, 1);
  return (rateAt(s, weight, fold, 1, a) + rateAt(s, weight, fold, 0, b)) / 2;
}

/** Tie group at which (inclusive) "member" is predicted, maximising TPR − FPR within `side`. */
function bestThreshold(s: SortedScores, weight: Float64Array, fold: Uint8Array, side: number): number {
  const [nm, nn] = totals(s, weight, fold, side);
  if (nm === 0 || nn === 0) return -1;
  let tp = 0;
  let fp = 0;
  let best = 0;
  let bestGroup = -1;
  for (let p = 0; p < s.order.length; p++) {
    const i = s.order[p]!;
    if (fold[i] === side) {
      if (s.member[i]) tp += weight[i]!;
      else fp += weight[i]!;
    }
    const endOfGroup = p + 1 === s.order.length || s.tieGroup[p + 1] !== s.tieGroup[p];
    if (endOfGroup && tp / nm - fp / nn > best) {
      best = tp / nm - fp / nn;
      bestGroup = s.tieGroup[p]!;
    }
  }
  return bestGroup;
}

/** TPR − FPR within `side` when candidates in tie groups ≤ `group` are called members. */
function rateAt(
  s: SortedScores,
  weight: Float64Array,
  fold: Uint8Array,
  side: number,
  group: number,
): number {
  const [nm, nn] = totals(s, weight, fold, side);
  if (nm === 0 || nn === 0) return Number.NaN;
  let tp = 0;
  let fp = 0;
  for (let p = 0; p < s.order.length && s.tieGroup[p]! <= group; p++) {
    const i = s.order[p]!;
    if (fold[i] !== side) continue;
    if (s.member[i]) tp += weight[i]!;
    else fp += weight[i]!;
  }
  return tp / nm - fp / nn;
}

function totals(s: SortedScores, weight: Float64Array, fold: Uint8Array, side: number): [number, number] {
  let nm = 0;
  let nn = 0;
  for (let i = 0; i < s.member.length; i++) {
    if (fold[i] !== side) continue;
    if (s.member[i]) nm += weight[i]!;
    else nn += weight[i]!;
  }
  return [nm, nn];
}
