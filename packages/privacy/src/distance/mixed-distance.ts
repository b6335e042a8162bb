import type { AlignedSchema, AlignedTable } from '../data/aligned.js';

/**
 * Mixed-type row distance as SDMetrics defines it for its DCR metrics (DCRBaselineProtection,
 * DCROverfittingProtection, docs.sdv.dev/sdmetrics): per column,
 *  - numerical/datetime: |a − b| / range of the real column, capped at 1; both missing 0, one missing 1;
 *    a real column with range 0 compares like a category (0 if equal, else 1);
 *  - categorical/boolean: 0 if equal, else 1 (missing is a category of its own, so missing = missing);
 * and the row distance is the mean over columns, in [0, 1].
 *
 * Rows are stored row-major in two typed arrays so the nearest-neighbour kernel can stop a row
 * as soon as its partial sum exceeds the best distance found so far. Columns are ordered so the
 * ones most likely to differ come first (early exit happens sooner).
 */
export interface DistanceSpace {
  /** Column names in kernel order: categorical-like first, then numeric. */
  readonly order: readonly string[];
  readonly nCat: number;
  readonly nNum: number;
  /** Divisor of the summed per-column distances (the number of columns). */
  readonly nColumns: number;
  /** Range of each numeric column in kernel order (the scale applied). */
  readonly ranges: Float64Array;
}

export interface EncodedRows {
  readonly nRows: number;
  /** nRows × nCat codes (-1 = missing). */
  readonly cat: Int32Array;
  /** nRows × nNum values already divided by the real range (NaN = missing). */
  readonly num: Float64Array;
}

interface Plan {
  readonly space: DistanceSpace;
  readonly catSources: readonly number[];
  /** Numeric columns with zero range, compared for equality: value → code dictionaries. */
  readonly constSources: ReadonlyMap<number, Map<number, number>>;
  readonly numSources: readonly number[];
}

/**
 * Builds the distance space from the real table (`real` fixes ranges and the column order) for the
 * schema columns `use` (default: all).
 */
export function distanceSpace(
  schema: AlignedSchema,
  real: AlignedTable,
  use?: readonly number[],
): DistanceSpace & { plan: Plan } {
  const cols = use ?? schema.names.map((_, i) => i);
  const cat: Array<{ src: number; spread: number }> = [];
  const num: Array<{ src: number; spread: number; range: number }> = [];
  const constSources = new Map<number, Map<number, number>>();
  for (const src of cols) {
    const values = real.columns[src]!;
    if (schema.kinds[src] === 'cat') {
      cat.push({ src, spread: mismatchProbability(values as Int32Array, schema.labels[src]!.length) });
      continue;
    }
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const range = hi - lo;
    if (!(range > 0)) {
      constSources.set(src, new Map());
      cat.push({ src, spread: 0 });
    } else num.push({ src, spread: meanAbsoluteDeviation(values as Float64Array) / range, range });
  }
  cat.sort((a, b) => b.spread - a.spread);
  num.sort((a, b) => b.spread - a.spread);
  const space: DistanceSpace = {
    order: [...cat.map((c) => schema.names[c.src]!), ...num.map((c) => schema.names[c.src]!)],
    nCat: cat.length,
    nNum: num.length,
    nColumns: cat.length + num.length,
    ranges: Float64Array.from(num.map((c) => c.range)),
  };
  const plan: Plan = {
    space,
    catSources: cat.map((c) => c.src),
    constSources,
    numSources: num.map((c) => c.src),
  };
  return { ...space, plan };
}

/** Encodes any aligned table (train, control, synthetic or random rows) into the space. */
export function encodeRows(space: DistanceSpace & { plan: Plan }, t: AlignedTable): EncodedRows {
  const { catSources, constSources, numSources } = space.plan;
  const nCat = catSources.length;
  const nNum = numSources.length;
  const cat = new Int32Array(t.nRows * nCat);
  const num = new Float64Array(t.nRows * nNum);
  catSources.forEach((src, j) => {
    const col = t.columns[src]!;
    const dict = constSources.get(src);
    for (let i = 0; i < t.nRows; i++) {
      const v = col[i]!;
      if (!dict) cat[i * nCat + j] = v;
      else if (Number.isNaN(v)) cat[i * nCat + j] = -1;
      else {
        let code = dict.get(v);
        if (code === undefined) {
          code = dict.size;
          dict.set(v, code);
        }
        cat[i * nCat + j] = code;
      }
    }
  });
  numSources.forEach((src, j) => {
    const col = t.columns[src]!;
    const r = space.ranges[j]!;
    for (let i = 0; i < t.nRows; i++) num[i * nNum + j] = col[i]! / r;
  });
  return { nRows: t.nRows, cat, num };
}

/** Distance between row `a` of `x` and row `b` of `y` (reference implementation; the kernel inlines it). */
export function rowDistance(
  space: DistanceSpace,
  x: EncodedRows,
  a: number,
  y: EncodedRows,
  b: number,
): number {
  let sum = 0;
  for (let j = 0; j < space.nCat; j++) if (x.cat[a * space.nCat + j] !== y.cat[b * space.nCat + j]) sum += 1;
  for (let j = 0; j < space.nNum; j++)
    sum += numericTerm(x.num[a * space.nNum + j]!, y.num[b * space.nNum + j]!);
  return sum / space.nColumns;
}

/** One numeric column's term: scaled absolute difference capped at 1, with SDMetrics' missing rules. */
export function numericTerm(u: number, v: number): number {
  const d = Math.abs(u - v);
  if (d < 1) return d;
  if (d >= 1) return 1;
  return Number.isNaN(u) && Number.isNaN(v) ? 0 : 1;
}

function mismatchProbability(codes: Int32Array, nLabels: number): number {
  const counts = new Float64Array(nLabels + 1);
  for (let i = 0; i < codes.length; i++) counts[codes[i]! + 1]!++;
  let same = 0;
  for (const c of counts) same += (c / codes.length) ** 2;
  return 1 - same;
}

function meanAbsoluteDeviation(values: Float64Array): number {
  let s = 0;
  let n = 0;
  for (const v of values)
    if (!Number.isNaN(v)) {
      s += v;
      n++;
    }
  const mean = s / Math.max(n, 1);
  let d = 0;
  for (const v of values) if (!Number.isNaN(v)) d += Math.abs(v - mean);
  return d / Math.max(n, 1);
}
