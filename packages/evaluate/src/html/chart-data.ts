import { Rng } from '@synthkit/core';
import type { DistributionInput, MosaicInput, ScatterInput } from '@synthkit/report';
import { jointCounts } from '../metrics/contingency-similarity.js';
import type { ColumnPair, ContinuousPair, PreparedData } from '../prepare/prepared.js';
import { cramersV } from '../stats/cramers-v.js';
import { slotted } from '../stats/discretized.js';
import { extent } from '../stats/extent.js';
import { pearson } from '../stats/pearson.js';

/** What the report's charts draw, computed from the prepared columns (never per-row objects). */
export const HISTOGRAM_BINS = 30;
export const MAX_CATEGORIES_SHOWN = 20;
export const SCATTER_POINTS = 800;

export function distributionData(c: ColumnPair): DistributionInput {
  if (c.kind === 'continuous') {
    const [rl, rh] = extent(c.real);
    const [sl, sh] = extent(c.synthetic);
    const lo = Math.min(rl, sl);
    const hi = Math.max(rh, sh);
    const bins = lo < hi ? HISTOGRAM_BINS : 1;
    const w = lo < hi ? (hi - lo) / bins : 1;
    const count = (v: Float64Array) => {
      const out = new Array<number>(bins).fill(0);
      for (const x of v) if (!Number.isNaN(x)) out[Math.min(bins - 1, Math.floor((x - lo) / w))]!++;
      return out;
    };
    const edges = Array.from({ length: bins + 1 }, (_, i) => (Number.isFinite(lo) ? lo + i * w : i));
    return {
      column: c.name,
      kind: 'continuous',
      edges,
      real: count(c.real),
      synthetic: count(c.synthetic),
      format: c.sdtype === 'datetime' ? 'datetime' : 'number',
    };
  }
  const k = c.labels.length;
  const r = new Array<number>(k + 1).fill(0);
  const s = new Array<number>(k + 1).fill(0);
  for (const v of c.real) r[v < 0 ? k : v]!++;
  for (const v of c.synthetic) s[v < 0 ? k : v]!++;
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => r[b]! + s[b]! - (r[a]! + s[a]!));
  const shown = order.slice(0, MAX_CATEGORIES_SHOWN);
  const rest = order.slice(MAX_CATEGORIES_SHOWN);
  const labels = shown.map((i) => c.labels[i]!.trim() || JSON.stringify(c.labels[i]));
  const real = shown.map((i) => r[i]!);
  const synthetic = shown.map((i) => s[i]!);
  if (rest.length > 0) {
    labels.push(`(${rest.length} others)`);
    real.push(rest.reduce((a, i) => a + r[i]!, 0));
    synthetic.push(rest.reduce((a, i) => a + s[i]!, 0));
  }
  if (r[k]! + s[k]! > 0) {
    labels.push('(missing)');
    real.push(r[k]!);
    synthetic.push(s[k]!);
  }
  return { column: c.name, kind: 'discrete', labels, real, synthetic };
}

/**
 * Pairwise association of every two columns in one table: Pearson's r for two continuous columns
 * (missing as 0, as CorrelationSimilarity), Cramér's V of the (binned) contingency table otherwise.
 */
export function associationMatrix(data: PreparedData, which: 'real' | 'synthetic'): (number | null)[][] {
  const cols = data.columns;
  const m: (number | null)[][] = cols.map(() => cols.map(() => null));
  for (let i = 0; i < cols.length; i++) {
    m[i]![i] = 1;
    for (let j = i + 1; j < cols.length; j++) {
      const a = cols[i]!;
      const b = cols[j]!;
      let v: number;
      if (a.kind === 'continuous' && b.kind === 'continuous') {
        const x = a[which].map((t) => (Number.isNaN(t) ? 0 : t));
        const y = b[which].map((t) => (Number.isNaN(t) ? 0 : t));
        v = pearson(x, y);
      } else {
        const sa = slotted(a)[which];
        const sb = slotted(b)[which];
        v = cramersV(jointCounts(sa, sb), sa.slots, sb.slots);
      }
      const cell = Number.isNaN(v) ? null : v;
      m[i]![j] = cell;
      m[j]![i] = cell;
    }
  }
  return m;
}

function sampleRows(n: number, max: number, rng: Rng): Int32Array {
  return n <= max ? Int32Array.from({ length: n }, (_, i) => i) : rng.permutation(n).slice(0, max);
}

export function scatterData(a: ContinuousPair, b: ContinuousPair, seed: number): ScatterInput {
  const rng = new Rng(seed).fork(`scatter:${a.name}:${b.name}`);
  const rr = sampleRows(a.real.length, SCATTER_POINTS, rng.fork('real'));
  const sr = sampleRows(a.synthetic.length, SCATTER_POINTS, rng.fork('synthetic'));
  return {
    title: `${a.name} × ${b.name}`,
    xLabel: a.name,
    yLabel: b.name,
    real: { x: Float64Array.from(rr, (r) => a.real[r]!), y: Float64Array.from(rr, (r) => b.real[r]!) },
    synthetic: {
      x: Float64Array.from(sr, (r) => a.synthetic[r]!),
      y: Float64Array.from(sr, (r) => b.synthetic[r]!),
    },
  };
}

const MOSAIC_MAX = 12;

function slotLabels(c: ColumnPair): string[] {
  if (c.kind === 'discrete') return [...c.labels.map((l) => l.trim() || JSON.stringify(l)), '(missing)'];
  return ['< min', ...Array.from({ length: 10 }, (_, i) => `bin ${i + 1}`), '≥ max / missing'];
}

/** Contingency tables of a pair (continuous columns in their 10 bins), the most frequent slots only. */
export function mosaicData(a: ColumnPair, b: ColumnPair): MosaicInput {
  const sa = slotted(a);
  const sb = slotted(b);
  const r = jointCounts(sa.real, sb.real);
  const s = jointCounts(sa.synthetic, sb.synthetic);
  const w = sb.real.slots;
  const top = (slots: number, total: (k: number) => number) =>
    Array.from({ length: slots }, (_, k) => k)
      .filter((k) => total(k) > 0)
      .sort((x, y) => total(y) - total(x))
      .slice(0, MOSAIC_MAX)
      .sort((x, y) => x - y);
  const rowTotal = (i: number) => {
    let t = 0;
    for (let j = 0; j < w; j++) t += r[i * w + j]! + s[i * w + j]!;
    return t;
  };
  const colTotal = (j: number) => {
    let t = 0;
    for (let i = 0; i < sa.real.slots; i++) t += r[i * w + j]! + s[i * w + j]!;
    return t;
  };
  const rows = top(sa.real.slots, rowTotal);
  const cols = top(w, colTotal);
  const la = slotLabels(a);
  const lb = slotLabels(b);
  return {
    title: `${a.name} × ${b.name}`,
    rowLabels: rows.map((i) => la[i]!),
    colLabels: cols.map((j) => lb[j]!),
    real: rows.map((i) => cols.map((j) => r[i * w + j]!)),
    synthetic: rows.map((i) => cols.map((j) => s[i * w + j]!)),
  };
}
