/**
 * Exact k-nearest-neighbour kernel for the mixed distance (distance/mixed-distance.ts), as a
 * branch-and-bound search over a trie of the reference rows' categories. Self-contained on
 * purpose: these functions are also sent as source text to worker threads
 * (node/parallel-search.ts), so they call only each other and import nothing.
 *
 * The reference is sorted lexicographically (categories in kernel order, then the first numeric
 * column), so every trie node is a contiguous run of rows. Every category mismatch costs 1, so a
 * node whose mismatches so far reach the k-th best distance is skipped with all its rows; the
 * child that matches the query is visited first, which makes the bound tight early. Inside a leaf
 * (rows with identical categories), rows are scanned outward from the query's value of the first
 * numeric column and a direction stops once that column alone exceeds the remaining budget.
 * Distances are sums over columns here; the caller divides by the column count.
 */

/** Lexicographic order of row `qi` of (qCat, qNum) against row `rj` of (refCat, refNum); NaN sorts last. */
export function compareRows(
  qCat: Int32Array,
  qNum: Float64Array,
  qi: number,
  refCat: Int32Array,
  refNum: Float64Array,
  rj: number,
  nCat: number,
  nNum: number,
): number {
  for (let c = 0; c < nCat; c++) {
    const d = qCat[qi * nCat + c]! - refCat[rj * nCat + c]!;
    if (d !== 0) return d;
  }
  if (nNum === 0) return 0;
  const a = qNum[qi * nNum]!;
  const b = refNum[rj * nNum]!;
  if (a === b) return 0;
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a < b ? -1 : 1;
}

/**
 * The trie over a sorted reference: node i covers sorted rows [start[i], end[i]) that share the
 * codes of its path; its children are nodes [firstChild[i], firstChild[i] + childCount[i]).
 * Nodes 0..rootCount-1 are the first level. Leaves are at depth nCat.
 */
export interface CategoryTrie {
  readonly rootCount: number;
  readonly code: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly firstChild: Int32Array;
  readonly childCount: Int32Array;
}

export function buildTrie(refCat: Int32Array, nRef: number, nCat: number): CategoryTrie {
  const code: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const firstChild: number[] = [];
  const childCount: number[] = [];
  // level by level: split each parent's range into runs of equal code in column `level`
  let parents: Array<[number, number, number]> = [[-1, 0, nRef]];
  let rootCount = 0;
  for (let level = 0; level < nCat; level++) {
    const next: Array<[number, number, number]> = [];
    for (const [parent, from, to] of parents) {
      const first = code.length;
      let r = from;
      while (r < to) {
        const v = refCat[r * nCat + level]!;
        let e = r + 1;
        while (e < to && refCat[e * nCat + level] === v) e++;
        next.push([code.length, r, e]);
        code.push(v);
        start.push(r);
        end.push(e);
        firstChild.push(-1);
        childCount.push(0);
        r = e;
      }
      if (parent >= 0) {
        firstChild[parent] = first;
        childCount[parent] = code.length - first;
      } else rootCount = code.length;
    }
    parents = next;
  }
  return {
    rootCount,
    code: Int32Array.from(code),
    start: Int32Array.from(start),
    end: Int32Array.from(end),
    firstChild: Int32Array.from(firstChild),
    childCount: Int32Array.from(childCount),
  };
}

/** Mutable search state for one query (one object reused across queries keeps V8's shapes stable). */
interface KnnState {
  refCat: Int32Array;
  refNum: Float64Array;
  nRef: number;
  qCat: Int32Array;
  qNum: Float64Array;
  nCat: number;
  nNum: number;
  k: number;
  q: number;
  kth: number;
  bestD: Float64Array;
  bestI: Int32Array;
  trieCode: Int32Array;
  trieStart: Int32Array;
  trieEnd: Int32Array;
  trieFirst: Int32Array;
  trieCount: Int32Array;
}

export function knnOffer(s: KnnState, r: number, sum: number): void {
  let at = s.k - 1;
  while (at > 0 && s.bestD[at - 1]! > sum) {
    s.bestD[at] = s.bestD[at - 1]!;
    s.bestI[at] = s.bestI[at - 1]!;
    at--;
  }
  s.bestD[at] = sum;
  s.bestI[at] = r;
  s.kth = s.bestD[s.k - 1]!;
}

/** Sum of numeric terms of sorted row r, starting from `base`, abandoned once it reaches kth. */
export function knnNumeric(s: KnnState, r: number, base: number): number {
  let sum = base;
  const nNum = s.nNum;
  const qn = s.q * nNum;
  const rn = r * nNum;
  const qNum = s.qNum;
  const refNum = s.refNum;
  for (let j = 0; j < nNum; j++) {
    const u = qNum[qn + j]!;
    const v = refNum[rn + j]!;
    const d = u > v ? u - v : v - u;
    if (d < 1) sum += d;
    else if (d >= 1) sum += 1;
    else if (!(Number.isNaN(u) && Number.isNaN(v))) sum += 1; // NaN involved: both missing cost 0, one missing 1
    if (sum >= s.kth) return sum;
  }
  return sum;
}

/** Rows [from, to) share the query's mismatch count `base`; they are sorted by the first numeric column. */
export function knnLeaf(s: KnnState, from: number, to: number, base: number): void {
  if (s.nNum === 0) {
    for (let r = from; r < to && base < s.kth; r++) knnOffer(s, r, base);
    return;
  }
  const nNum = s.nNum;
  const refNum = s.refNum;
  const u = s.qNum[s.q * nNum]!;
  // NaNs sort last: [from, nanFrom) hold numbers in ascending order
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (!Number.isNaN(refNum[mid * nNum])) lo = mid + 1;
    else hi = mid;
  }
  const nanFrom = lo;
  if (Number.isNaN(u)) {
    // a missing query value is equally far (1) from every number: plain scan
    for (let r = from; r < to; r++) {
      const sum = knnNumeric(s, r, base);
      if (sum < s.kth) knnOffer(s, r, sum);
    }
    return;
  }
  lo = from;
  hi = nanFrom;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (refNum[mid * nNum]! < u) lo = mid + 1;
    else hi = mid;
  }
  let up = lo;
  let down = lo - 1;
  while (up < nanFrom || down >= from) {
    if (up < nanFrom) {
      const gap = refNum[up * nNum]! - u;
      if (base + (gap < 1 ? gap : 1) >= s.kth) up = nanFrom;
      else {
        const sum = knnNumeric(s, up, base);
        if (sum < s.kth) knnOffer(s, up, sum);
        up++;
      }
    }
    if (down >= from) {
      const gap = u - refNum[down * nNum]!;
      if (base + (gap < 1 ? gap : 1) >= s.kth) down = from - 1;
      else {
        const sum = knnNumeric(s, down, base);
        if (sum < s.kth) knnOffer(s, down, sum);
        down--;
      }
    }
  }
  for (let r = nanFrom; r < to && base + 1 < s.kth; r++) {
    const sum = knnNumeric(s, r, base);
    if (sum < s.kth) knnOffer(s, r, sum);
  }
}

/** Visits trie nodes [first, first + count) at `level` with `base` mismatches so far. */
export function knnVisit(s: KnnState, level: number, first: number, count: number, base: number): void {
  const want = s.qCat[s.q * s.nCat + level]!;
  const last = first + count;
  // the matching child first (children are sorted by code, so binary search)
  let lo = first;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s.trieCode[mid]! < want) lo = mid + 1;
    else hi = mid;
  }
  const match = lo < last && s.trieCode[lo] === want ? lo : -1;
  const leaf = level === s.nCat - 1;
  if (match >= 0) {
    if (leaf) knnLeaf(s, s.trieStart[match]!, s.trieEnd[match]!, base);
    else knnVisit(s, level + 1, s.trieFirst[match]!, s.trieCount[match]!, base);
  }
  if (base + 1 >= s.kth) return;
  for (let c = first; c < last; c++) {
    if (c === match) continue;
    if (base + 1 >= s.kth) return;
    if (leaf) knnLeaf(s, s.trieStart[c]!, s.trieEnd[c]!, base + 1);
    else knnVisit(s, level + 1, s.trieFirst[c]!, s.trieCount[c]!, base + 1);
  }
}

/**
 * For queries [qStart, qEnd), writes the k smallest summed distances (ascending) and sorted
 * reference indices to the out arrays at offset (q − qStart) × k. Missing neighbours (k > nRef)
 * stay Infinity / -1.
 */
export function knnKernel(
  refCat: Int32Array,
  refNum: Float64Array,
  nRef: number,
  trie: CategoryTrie,
  qCat: Int32Array,
  qNum: Float64Array,
  qStart: number,
  qEnd: number,
  nCat: number,
  nNum: number,
  k: number,
  outDist: Float64Array,
  outIdx: Int32Array,
): void {
  const s: KnnState = {
    refCat,
    refNum,
    nRef,
    qCat,
    qNum,
    nCat,
    nNum,
    k,
    q: 0,
    kth: Number.POSITIVE_INFINITY,
    bestD: new Float64Array(k),
    bestI: new Int32Array(k),
    trieCode: trie.code,
    trieStart: trie.start,
    trieEnd: trie.end,
    trieFirst: trie.firstChild,
    trieCount: trie.childCount,
  };
  for (let q = qStart; q < qEnd; q++) {
    s.q = q;
    s.kth = Number.POSITIVE_INFINITY;
    s.bestD.fill(Number.POSITIVE_INFINITY);
    s.bestI.fill(-1);
    if (nCat === 0) knnLeaf(s, 0, nRef, 0);
    else knnVisit(s, 0, 0, trie.rootCount, 0);
    const o = (q - qStart) * k;
    for (let j = 0; j < k; j++) {
      outDist[o + j] = s.bestD[j]!;
      outIdx[o + j] = s.bestI[j]!;
    }
  }
}
