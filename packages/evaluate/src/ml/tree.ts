import type { BinnedMatrix } from './binner.js';

/**
 * One regression tree on histogram bins, grown depth-first with exact gain over bin boundaries and
 * the histogram subtraction trick (a child's histogram = parent − sibling; Ke et al. 2017, LightGBM).
 * A split sends bins <= threshold left (missing values are bin 0, so they always go left).
 */
export interface Tree {
  /** -1 for a leaf. */
  readonly feature: Int32Array;
  readonly threshold: Int32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}

export interface TreeOptions {
  readonly maxDepth: number;
  readonly minLeafRows: number;
  readonly lambda: number;
}

/** The leaf value for row `r` of `x`. */
export function treeValue(t: Tree, x: BinnedMatrix, r: number): number {
  const F = x.nFeatures;
  let node = 0;
  while (t.feature[node]! >= 0)
    node = x.bins[r * F + t.feature[node]!]! <= t.threshold[node]! ? t.left[node]! : t.right[node]!;
  return t.value[node]!;
}

/**
 * grad/hess are indexed by position in `rows`; `leafValueOut[i]`, when given, receives the value of
 * the leaf that row position i lands in (saves a traversal per training row).
 */
export function growTree(
  x: BinnedMatrix,
  rows: Int32Array,
  grad: Float64Array,
  hess: Float64Array,
  o: TreeOptions,
  leafValueOut?: Float64Array,
): Tree {
  const F = x.nFeatures;
  const bins = x.bins;
  const offsets = new Int32Array(F + 1);
  for (let f = 0; f < F; f++) offsets[f + 1] = offsets[f]! + x.nBins[f]!;
  const totalBins = offsets[F]!;
  const pos = new Int32Array(rows.length);
  for (let i = 0; i < pos.length; i++) pos[i] = i;
  const scratch = new Int32Array(rows.length);
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];

  const histogram = (start: number, end: number): Float64Array => {
    const h = new Float64Array(totalBins * 3);
    for (let p = start; p < end; p++) {
      const i = pos[p]!;
      const base = rows[i]! * F;
      const g = grad[i]!;
      const hs = hess[i]!;
      for (let f = 0; f < F; f++) {
        const at = (offsets[f]! + bins[base + f]!) * 3;
        h[at]! += g;
        h[at + 1]! += hs;
        h[at + 2]!++;
      }
    }
    return h;
  };

  const grow = (start: number, end: number, hist: Float64Array, depth: number): number => {
    const id = feature.length;
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    let G = 0;
    let H = 0;
    for (let b = offsets[0]!; b < offsets[1]!; b++) {
      G += hist[b * 3]!;
      H += hist[b * 3 + 1]!;
    }
    const leafValue = -G / (H + o.lambda);
    value.push(leafValue);
    const count = end - start;
    const leaf = () => {
      if (leafValueOut) for (let p = start; p < end; p++) leafValueOut[pos[p]!] = leafValue;
      return id;
    };
    if (depth >= o.maxDepth || count < 2 * o.minLeafRows) return leaf();
    const parentGain = (G * G) / (H + o.lambda);
    let bestGain = 1e-9;
    let bestF = -1;
    let bestB = -1;
    for (let f = 0; f < F; f++) {
      let gl = 0;
      let hl = 0;
      let nl = 0;
      for (let b = offsets[f]!; b < offsets[f + 1]! - 1; b++) {
        gl += hist[b * 3]!;
        hl += hist[b * 3 + 1]!;
        nl += hist[b * 3 + 2]!;
        if (nl < o.minLeafRows) continue;
        if (count - nl < o.minLeafRows) break;
        const gr = G - gl;
        const hr = H - hl;
        const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parentGain;
        if (gain > bestGain) {
          bestGain = gain;
          bestF = f;
          bestB = b - offsets[f]!;
        }
      }
    }
    if (bestF < 0) return leaf();
    // stable partition of pos[start, end): left rows first
    let l = start;
    let s = 0;
    for (let p = start; p < end; p++) {
      const i = pos[p]!;
      if (bins[rows[i]! * F + bestF]! <= bestB) pos[l++] = i;
      else scratch[s++] = i;
    }
    pos.set(scratch.subarray(0, s), l);
    const mid = l;
    const leftSmaller = mid - start <= end - mid;
    const small = leftSmaller ? histogram(start, mid) : histogram(mid, end);
    const large = new Float64Array(hist.length);
    for (let k = 0; k < hist.length; k++) large[k] = hist[k]! - small[k]!;
    feature[id] = bestF;
    threshold[id] = bestB;
    left[id] = grow(start, mid, leftSmaller ? small : large, depth + 1);
    right[id] = grow(mid, end, leftSmaller ? large : small, depth + 1);
    return id;
  };

  grow(0, rows.length, histogram(0, rows.length), 0);
  return {
    feature: Int32Array.from(feature),
    threshold: Int32Array.from(threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
  };
}
