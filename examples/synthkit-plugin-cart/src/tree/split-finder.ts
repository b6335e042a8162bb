import type { Predictor, Target } from './types.js';

/** The best split found so far at one node. */
export interface BestSplit {
  /** Gain in the node's impurity (Gini x rows, or sum of squares); 0 when nothing beats the parent. */
  improvement: number;
  feature: number;
  /** Continuous predictor: rows with value <= threshold go left. */
  threshold: number;
  /** Discrete predictor: 1 for each level that goes left (levels unseen in the node follow the larger side). */
  levelsLeft: Uint8Array;
  nLevels: number;
}

/**
 * Exhaustive best-split search at one node, on presorted rows (continuous predictors) and per-level
 * sums (discrete predictors). Impurity is Gini for a class target and the sum of squared deviations
 * for a numeric target (Breiman, Friedman, Olshen & Stone 1984, CART ch. 4 and 8). Each sweep
 * updates the children's sums of squared class counts in O(1) per row, so a node costs O(rows x
 * predictors) in all.
 */
export class SplitFinder {
  private readonly target: Target;
  private readonly nClasses: number;
  private readonly minLeaf: number;
  // Class counts: the node's totals and the running left side.
  private readonly total: Float64Array;
  private readonly leftCounts: Float64Array;
  // Node-centred numeric target, filled per node so sums of squares keep their precision.
  private readonly centred: Float64Array;
  // Per-level scratch for discrete predictors.
  private readonly levelCounts: Float64Array;
  private readonly levelN: Float64Array;
  private readonly levelSum: Float64Array;
  private readonly levelSeen: Uint8Array;
  private readonly levelKey: Float64Array;
  private readonly seen: Int32Array;
  private nodeSum = 0;
  private readonly top = new Int32Array(3);
  private nTop = 0;
  private nodeTerm = 0;
  readonly best: BestSplit;

  constructor(target: Target, predictors: readonly Predictor[], nRows: number, minLeaf: number) {
    this.target = target;
    this.minLeaf = minLeaf;
    this.nClasses = target.kind === 'discrete' ? target.nLevels : 0;
    this.total = new Float64Array(Math.max(this.nClasses, 1));
    this.leftCounts = new Float64Array(Math.max(this.nClasses, 1));
    this.centred = new Float64Array(target.kind === 'continuous' ? nRows : 0);
    let maxLevels = 1;
    for (const p of predictors) if (p.kind === 'discrete') maxLevels = Math.max(maxLevels, p.nLevels);
    this.levelKey = new Float64Array(maxLevels);
    this.seen = new Int32Array(maxLevels);
    this.levelCounts = new Float64Array(target.kind === 'discrete' ? maxLevels * this.nClasses : 0);
    this.levelN = new Float64Array(maxLevels);
    this.levelSum = new Float64Array(maxLevels);
    this.levelSeen = new Uint8Array(maxLevels);
    this.best = {
      improvement: 0,
      feature: -1,
      threshold: 0,
      levelsLeft: new Uint8Array(maxLevels),
      nLevels: 0,
    };
  }

  /**
   * Prepares the node holding `rows` and returns its impurity (Gini x n, or sum of squares).
   * Must be called before `searchContinuous` / `searchDiscrete` for that node.
   */
  beginNode(rows: Int32Array, start: number, end: number): number {
    const n = end - start;
    this.best.improvement = 0;
    this.best.feature = -1;
    if (this.target.kind === 'discrete') {
      const codes = this.target.codes;
      this.total.fill(0);
      for (let i = start; i < end; i++) this.total[codes[rows[i]!]!]!++;
      let sq = 0;
      for (let k = 0; k < this.nClasses; k++) sq += this.total[k]! * this.total[k]!;
      this.nodeTerm = sq / n;
      this.rankTopClasses();
      return n - this.nodeTerm;
    }
    const y = this.target.values;
    let mean = 0;
    for (let i = start; i < end; i++) mean += y[rows[i]!]!;
    mean /= n;
    let ss = 0;
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      const d = y[r]! - mean;
      this.centred[r] = d;
      ss += d * d;
    }
    // Sums are taken over centred values, so the parent's sum is ~0 and its term s^2/n vanishes.
    this.nodeSum = 0;
    for (let i = start; i < end; i++) this.nodeSum += this.centred[rows[i]!]!;
    this.nodeTerm = (this.nodeSum * this.nodeSum) / n;
    return ss;
  }

  /** Sweeps the node's rows `sorted[start, end)` (ascending by `x`) for the best threshold. */
  searchContinuous(feature: number, sorted: Int32Array, start: number, end: number, x: Float64Array): void {
    const n = end - start;
    const minLeaf = this.minLeaf;
    if (n < 2 * minLeaf) return;
    let bestScore = this.nodeTerm + this.best.improvement;
    let bestAt = -1;
    if (this.target.kind === 'discrete') {
      const codes = this.target.codes;
      const left = this.leftCounts;
      const total = this.total;
      left.fill(0);
      let sqL = 0;
      let sqR = 0;
      for (let k = 0; k < this.nClasses; k++) sqR += total[k]! * total[k]!;
      for (let i = start; i < end - 1; i++) {
        const k = codes[sorted[i]!]!;
        const l = left[k]!;
        sqL += 2 * l + 1;
        sqR -= 2 * (total[k]! - l) - 1;
        left[k] = l + 1;
        const nL = i - start + 1;
        if (nL < minLeaf) continue;
        if (n - nL < minLeaf) break;
        if (x[sorted[i]!]! === x[sorted[i + 1]!]!) continue;
        const score = sqL / nL + sqR / (n - nL);
        if (score > bestScore) {
          bestScore = score;
          bestAt = i;
        }
      }
    } else {
      const y = this.centred;
      const sum = this.nodeSum;
      let sL = 0;
      for (let i = start; i < end - 1; i++) {
        sL += y[sorted[i]!]!;
        const nL = i - start + 1;
        if (nL < minLeaf) continue;
        if (n - nL < minLeaf) break;
        if (x[sorted[i]!]! === x[sorted[i + 1]!]!) continue;
        const sR = sum - sL;
        const score = (sL * sL) / nL + (sR * sR) / (n - nL);
        if (score > bestScore) {
          bestScore = score;
          bestAt = i;
        }
      }
    }
    if (bestAt < 0) return;
    const lo = x[sorted[bestAt]!]!;
    const hi = x[sorted[bestAt + 1]!]!;
    let threshold = lo + (hi - lo) / 2;
    // Adjacent doubles: the midpoint may round up to `hi`, which would send `hi` left.
    if (!(threshold < hi)) threshold = lo;
    this.best.improvement = bestScore - this.nodeTerm;
    this.best.feature = feature;
    this.best.threshold = threshold;
  }

  /**
   * Best split of a discrete predictor's levels into two groups. Levels are ordered by their mean
   * target (numeric target, or the share of one class for a class target), which finds the optimal
   * partition for a numeric or binary target (Breiman et al. 1984, thm 4.5); with more classes, the
   * orderings by the shares of the node's three most frequent classes are tried (a heuristic).
   */
  searchDiscrete(
    feature: number,
    rows: Int32Array,
    start: number,
    end: number,
    codes: Int32Array,
    nLevels: number,
  ): void {
    const n = end - start;
    if (n < 2 * this.minLeaf) return;
    const nSeen = this.collectLevels(rows, start, end, codes);
    const seen = this.seen;
    const levelN = this.levelN;
    const key = this.levelKey;
    if (nSeen > 1 && this.target.kind === 'discrete') {
      const K = this.nClasses;
      for (let t = 0; t < this.nTop; t++) {
        const c = this.top[t]!;
        for (let i = 0; i < nSeen; i++)
          key[seen[i]!] = this.levelCounts[seen[i]! * K + c]! / levelN[seen[i]!]!;
        sortByKey(seen, nSeen, key);
        this.sweepClassOrdering(feature, seen, nSeen, nLevels, n);
      }
    } else if (nSeen > 1) {
      const sums = this.levelSum;
      for (let i = 0; i < nSeen; i++) key[seen[i]!] = sums[seen[i]!]! / levelN[seen[i]!]!;
      sortByKey(seen, nSeen, key);
      let sL = 0;
      let nL = 0;
      let bestScore = this.nodeTerm + this.best.improvement;
      let bestAt = -1;
      for (let i = 0; i < nSeen - 1; i++) {
        const l = seen[i]!;
        sL += sums[l]!;
        nL += levelN[l]!;
        if (nL < this.minLeaf || n - nL < this.minLeaf) continue;
        const sR = this.nodeSum - sL;
        const score = (sL * sL) / nL + (sR * sR) / (n - nL);
        if (score > bestScore) {
          bestScore = score;
          bestAt = i;
        }
      }
      if (bestAt >= 0) this.recordDiscrete(feature, seen, nSeen, bestAt, nLevels, n, bestScore);
    }
    for (let i = 0; i < nSeen; i++) this.levelSeen[seen[i]!] = 0;
  }

  /**
   * Per level present in the node: its row count and class counts (class target) or sum of the
   * centred target (numeric target). Returns how many levels are present, listed in `seen`.
   */
  private collectLevels(rows: Int32Array, start: number, end: number, codes: Int32Array): number {
    const K = this.nClasses;
    const classes = this.target.kind === 'discrete' ? this.target.codes : undefined;
    const y = this.centred;
    const { seen, levelN, levelSum, levelCounts, levelSeen } = this;
    let nSeen = 0;
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      const l = codes[r]!;
      if (levelSeen[l] === 0) {
        levelSeen[l] = 1;
        seen[nSeen++] = l;
        levelN[l] = 0;
        if (classes) levelCounts.fill(0, l * K, l * K + K);
        else levelSum[l] = 0;
      }
      levelN[l]!++;
      if (classes) levelCounts[l * K + classes[r]!]!++;
      else levelSum[l]! += y[r]!;
    }
    return nSeen;
  }

  private sweepClassOrdering(
    feature: number,
    order: Int32Array,
    nOrder: number,
    nLevels: number,
    n: number,
  ): void {
    const K = this.nClasses;
    const counts = this.levelCounts;
    const total = this.total;
    const left = this.leftCounts;
    left.fill(0);
    let sqL = 0;
    let sqR = 0;
    for (let k = 0; k < K; k++) sqR += total[k]! * total[k]!;
    let nL = 0;
    let bestScore = this.nodeTerm + this.best.improvement;
    let bestAt = -1;
    for (let i = 0; i < nOrder - 1; i++) {
      const l = order[i]!;
      const base = l * K;
      for (let k = 0; k < K; k++) {
        const c = counts[base + k]!;
        if (c === 0) continue;
        const a = left[k]!;
        const r = total[k]! - a;
        sqL += 2 * a * c + c * c;
        sqR += -2 * r * c + c * c;
        left[k] = a + c;
      }
      nL += this.levelN[l]!;
      if (nL < this.minLeaf || n - nL < this.minLeaf) continue;
      const score = sqL / nL + sqR / (n - nL);
      if (score > bestScore) {
        bestScore = score;
        bestAt = i;
      }
    }
    if (bestAt >= 0) this.recordDiscrete(feature, order, nOrder, bestAt, nLevels, n, bestScore);
  }

  private recordDiscrete(
    feature: number,
    order: Int32Array,
    nOrder: number,
    lastLeft: number,
    nLevels: number,
    n: number,
    score: number,
  ): void {
    let nL = 0;
    for (let i = 0; i <= lastLeft; i++) nL += this.levelN[order[i]!]!;
    const mask = this.best.levelsLeft;
    mask.fill(nL >= n - nL ? 1 : 0, 0, nLevels);
    for (let i = 0; i < nOrder; i++) mask[order[i]!] = i <= lastLeft ? 1 : 0;
    this.best.improvement = score - this.nodeTerm;
    this.best.feature = feature;
    this.best.nLevels = nLevels;
  }

  /**
   * The node's most frequent classes (ties by class code), whose shares order a discrete
   * predictor's levels: one for a two-class target (the other ordering is its mirror), else three.
   */
  private rankTopClasses(): void {
    const want = this.nClasses === 2 ? 1 : 3;
    const top = this.top;
    let m = 0;
    for (let k = 0; k < this.nClasses; k++) {
      const c = this.total[k]!;
      if (c === 0) continue;
      let at = m < want ? m++ : want;
      while (at > 0 && this.total[top[at - 1]!]! < c) {
        if (at < want) top[at] = top[at - 1]!;
        at--;
      }
      if (at < want) top[at] = k;
    }
    this.nTop = m;
  }
}

/** Insertion sort of `levels[0, n)` by `key[level]`, ties by level: level counts are small (tens). */
function sortByKey(levels: Int32Array, n: number, key: Float64Array): void {
  for (let i = 1; i < n; i++) {
    const l = levels[i]!;
    const k = key[l]!;
    let j = i - 1;
    while (j >= 0 && (key[levels[j]!]! > k || (key[levels[j]!]! === k && levels[j]! > l))) {
      levels[j + 1] = levels[j]!;
      j--;
    }
    levels[j + 1] = l;
  }
}
