import type { Rng } from '@synthkit/core';

/**
 * Stratified k-fold split: each class's rows are shuffled and dealt round-robin into k folds, so every
 * fold keeps the class proportions (as scikit-learn's StratifiedKFold with shuffling).
 */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, rng: Rng): Int32Array[] {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    let list = byClass.get(c);
    if (!list) {
      list = [];
      byClass.set(c, list);
    }
    list.push(i);
  }
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const c of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = Int32Array.from(byClass.get(c)!);
    rng.shuffle(rows);
    for (const r of rows) {
      folds[next]!.push(r);
      next = (next + 1) % k;
    }
  }
  return folds.map((f) => Int32Array.from(f).sort());
}

/** Every row not in `fold`. */
export function complement(n: number, fold: Int32Array): Int32Array {
  const inFold = new Uint8Array(n);
  for (const r of fold) inFold[r] = 1;
  const out = new Int32Array(n - fold.length);
  let o = 0;
  for (let i = 0; i < n; i++) if (!inFold[i]) out[o++] = i;
  return out;
}
