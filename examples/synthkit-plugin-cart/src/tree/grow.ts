import { SplitFinder } from './split-finder.js';
import type { GrowParams, LeafRows, Predictor, Target, Tree } from './types.js';

/**
 * Grows one classification or regression tree (CART: Breiman, Friedman, Olshen & Stone 1984) on
 * typed arrays. Rows stay presorted by every continuous predictor; after each split every sorted
 * list is partitioned stably, so no node ever sorts (the SLIQ/SPRINT layout). Deterministic: the
 * same input always gives the same tree (ties go to the first predictor, the lowest threshold).
 */
export function growTree(
  predictors: readonly Predictor[],
  target: Target,
  nRows: number,
  params: GrowParams,
): { tree: Tree; leaves: LeafRows } {
  const rows = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) rows[i] = i;
  const sorted = predictors.map((p) => (p.kind === 'continuous' ? p.order.slice() : undefined));
  const goLeft = new Uint8Array(nRows);
  const scratch = new Int32Array(nRows);
  const finder = new SplitFinder(target, predictors, nRows, params.minLeaf);

  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const catLeft: number[] = [];
  const leafStart: number[] = [0];
  const leafRows = new Int32Array(nRows);
  let leafFill = 0;

  const newNode = (): number => {
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    return feature.length - 1;
  };
  const makeLeaf = (node: number, start: number, end: number): void => {
    left[node] = leafStart.length - 1;
    leafRows.set(rows.subarray(start, end), leafFill);
    leafFill += end - start;
    leafStart.push(leafFill);
  };

  // Depth-first with an explicit stack: [node, start, end, depth].
  const stack: number[] = [newNode(), 0, nRows, 0];
  let rootImpurity = Number.NaN;
  while (stack.length > 0) {
    const depth = stack.pop()!;
    const end = stack.pop()!;
    const start = stack.pop()!;
    const node = stack.pop()!;
    const n = end - start;
    const impurity = n > 0 ? finder.beginNode(rows, start, end) : 0;
    if (Number.isNaN(rootImpurity)) rootImpurity = impurity;
    if (
      n < params.minSplit ||
      depth >= params.maxDepth ||
      !(impurity > 1e-12 * Math.max(rootImpurity, 1e-300))
    ) {
      makeLeaf(node, start, end);
      continue;
    }
    for (let f = 0; f < predictors.length; f++) {
      const p = predictors[f]!;
      if (p.kind === 'continuous') finder.searchContinuous(f, sorted[f]!, start, end, p.values);
      else finder.searchDiscrete(f, rows, start, end, p.codes, p.nLevels);
    }
    const best = finder.best;
    if (best.feature < 0 || !(best.improvement > params.cp * rootImpurity) || best.improvement <= 0) {
      makeLeaf(node, start, end);
      continue;
    }

    const p = predictors[best.feature]!;
    let nLeft = 0;
    if (p.kind === 'continuous') {
      const x = p.values;
      for (let i = start; i < end; i++) {
        const r = rows[i]!;
        const l = x[r]! <= best.threshold ? 1 : 0;
        goLeft[r] = l;
        nLeft += l;
      }
      feature[node] = best.feature;
      threshold[node] = best.threshold;
    } else {
      const codes = p.codes;
      for (let i = start; i < end; i++) {
        const r = rows[i]!;
        const l = best.levelsLeft[codes[r]!]!;
        goLeft[r] = l;
        nLeft += l;
      }
      feature[node] = best.feature;
      threshold[node] = catLeft.length;
      for (let l = 0; l < p.nLevels; l++) catLeft.push(best.levelsLeft[l]!);
    }
    partition(rows, start, end, goLeft, scratch);
    for (const s of sorted) if (s) partition(s, start, end, goLeft, scratch);

    const l = newNode();
    const r = newNode();
    left[node] = l;
    right[node] = r;
    // Right first so the left child is grown next (depth-first, left to right).
    stack.push(r, start + nLeft, end, depth + 1, l, start, start + nLeft, depth + 1);
  }

  return {
    tree: {
      feature: Int32Array.from(feature),
      threshold: Float64Array.from(threshold),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      catLeft: Uint8Array.from(catLeft),
      nLeaves: leafStart.length - 1,
    },
    leaves: { start: Int32Array.from(leafStart), rows: leafRows },
  };
}

/** Stable partition of `a[start, end)`: rows flagged in `goLeft` first, the rest after, order kept. */
function partition(a: Int32Array, start: number, end: number, goLeft: Uint8Array, scratch: Int32Array): void {
  let w = start;
  let k = 0;
  for (let i = start; i < end; i++) {
    const r = a[i]!;
    if (goLeft[r] === 1) a[w++] = r;
    else scratch[k++] = r;
  }
  a.set(scratch.subarray(0, k), w);
}
