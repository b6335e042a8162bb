import { SynthkitError } from '@synthkit/core';
import type { DistanceSpace, EncodedRows } from '../distance/mixed-distance.js';
import { buildTrie, type CategoryTrie, compareRows, knnKernel } from './knn-kernel.js';

/** The k nearest reference rows of every query row; distances are mean per-column distances in [0, 1]. */
export interface Neighbours {
  readonly k: number;
  /** nQuery × k, ascending per query. */
  readonly distance: Float64Array;
  /** nQuery × k reference row indices. */
  readonly index: Int32Array;
}

/** A reference table sorted for the kernel, reusable across searches. */
export interface PreparedReference {
  readonly nRows: number;
  readonly nCat: number;
  readonly nNum: number;
  readonly cat: Int32Array;
  readonly num: Float64Array;
  /** sorted position → original row index */
  readonly order: Int32Array;
  readonly trie: CategoryTrie;
}

/**
 * How exact nearest-neighbour searches are run. The default runs in this thread in chunks (works in
 * the browser); `@synthkit/privacy/node` provides one on worker threads.
 */
export interface NeighbourSearch {
  readonly name: string;
  knn(
    space: DistanceSpace,
    reference: EncodedRows,
    query: EncodedRows,
    k: number,
    signal?: AbortSignal,
  ): Promise<Neighbours>;
}

export function prepareReference(space: DistanceSpace, ref: EncodedRows): PreparedReference {
  const { nCat, nNum } = space;
  const order = Int32Array.from({ length: ref.nRows }, (_, i) => i);
  order.sort((a, b) => compareRows(ref.cat, ref.num, a, ref.cat, ref.num, b, nCat, nNum) || a - b);
  const cat = new Int32Array(ref.cat.length);
  const num = new Float64Array(ref.num.length);
  for (let p = 0; p < order.length; p++) {
    const r = order[p]!;
    cat.set(ref.cat.subarray(r * nCat, (r + 1) * nCat), p * nCat);
    num.set(ref.num.subarray(r * nNum, (r + 1) * nNum), p * nNum);
  }
  return { nRows: ref.nRows, nCat, nNum, cat, num, order, trie: buildTrie(cat, ref.nRows, nCat) };
}

/** Turns kernel output (summed distances, sorted indices) into mean distances and original indices. */
export function finishNeighbours(
  space: DistanceSpace,
  ref: PreparedReference,
  k: number,
  dist: Float64Array,
  idx: Int32Array,
): Neighbours {
  for (let i = 0; i < dist.length; i++) {
    dist[i] = dist[i]! / space.nColumns;
    idx[i] = idx[i]! < 0 ? -1 : ref.order[idx[i]!]!;
  }
  return { k, distance: dist, index: idx };
}

export function checkSearchInput(space: DistanceSpace, reference: EncodedRows, k: number): void {
  if (reference.nRows === 0)
    throw new SynthkitError('NO_ROWS', 'Nearest-neighbour search needs at least one reference row', {
      hint: 'Pass non-empty train, control and synthetic tables',
    });
  if (!Number.isInteger(k) || k < 1)
    throw new SynthkitError('BAD_OPTION', `k must be a positive integer, got ${k}`);
  if (space.nColumns === 0) throw new SynthkitError('MISSING_COLUMN', 'No columns to measure distances on');
}

/** Exact search in the calling thread, yielding to the event loop between chunks of queries. */
export const singleThreadSearch: NeighbourSearch = {
  name: 'single-thread',
  async knn(space, reference, query, k, signal) {
    checkSearchInput(space, reference, k);
    const ref = prepareReference(space, reference);
    const dist = new Float64Array(query.nRows * k);
    const idx = new Int32Array(query.nRows * k);
    const chunk = 1024;
    for (let s = 0; s < query.nRows; s += chunk) {
      if (signal?.aborted) throw new SynthkitError('ABORTED', 'Nearest-neighbour search aborted');
      const e = Math.min(query.nRows, s + chunk);
      const d = dist.subarray(s * k, e * k);
      const ix = idx.subarray(s * k, e * k);
      knnKernel(
        ref.cat,
        ref.num,
        ref.nRows,
        ref.trie,
        query.cat,
        query.num,
        s,
        e,
        space.nCat,
        space.nNum,
        k,
        d,
        ix,
      );
      if (e < query.nRows) await new Promise<void>((r) => setTimeout(r, 0));
    }
    return finishNeighbours(space, ref, k, dist, idx);
  },
};
