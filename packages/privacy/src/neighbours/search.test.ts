import { type Column, Rng, Table } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { alignTables } from '../data/aligned.js';
import { distanceSpace, encodeRows, rowDistance } from '../distance/mixed-distance.js';
import { parallelSearch } from '../node/parallel-search.js';
import { singleThreadSearch } from './search.js';

/** A mixed table with missing values, repeated categories, ties and a constant column. */
function mixed(rng: Rng, n: number): Table {
  const cols: Array<[string, Column]> = [
    [
      'a',
      {
        type: 'categorical',
        codes: Int32Array.from({ length: n }, () => rng.int(4) - (rng.next() < 0.05 ? 5 : 0)).map((c) =>
          c < 0 ? -1 : c,
        ),
        categories: ['w', 'x', 'y', 'z'],
      },
    ],
    [
      'b',
      { type: 'boolean', values: Uint8Array.from({ length: n }, () => (rng.next() < 0.05 ? 2 : rng.int(2))) },
    ],
    [
      'c',
      {
        type: 'categorical',
        codes: Int32Array.from({ length: n }, () => rng.int(3)),
        categories: ['p', 'q', 'r'],
      },
    ],
    [
      'x',
      {
        type: 'number',
        values: Float64Array.from({ length: n }, () =>
          rng.next() < 0.05 ? Number.NaN : Math.round(rng.normal(0, 10)),
        ),
      },
    ],
    ['y', { type: 'number', values: Float64Array.from({ length: n }, () => rng.uniform(0, 1)) }],
    ['k', { type: 'number', values: new Float64Array(n).fill(3) }],
  ];
  return new Table(cols);
}

function brute(n: ReturnType<typeof setup>, k: number): Float64Array {
  const { space, ref, query } = n;
  const out = new Float64Array(query.nRows * k);
  for (let q = 0; q < query.nRows; q++) {
    const d = Float64Array.from({ length: ref.nRows }, (_, r) => rowDistance(space, query, q, ref, r)).sort();
    out.set(d.subarray(0, k), q * k);
  }
  return out;
}

function setup(seed: number, nRef: number, nQuery: number) {
  const rng = new Rng(seed);
  const train = mixed(rng, nRef);
  const synth = mixed(rng, nQuery);
  const metadata = { version: 1 as const, columns: {} };
  const aligned = alignTables(train, train, synth, metadata);
  const space = distanceSpace(aligned.schema, aligned.train);
  return { space, ref: encodeRows(space, aligned.train), query: encodeRows(space, aligned.synthetic) };
}

describe('exact nearest-neighbour search', () => {
  it('finds the same k nearest distances as a brute-force scan, with missing values, ties and a constant column', async () => {
    for (const seed of [1, 2, 3]) {
      const s = setup(seed, 400, 150);
      const nn = await singleThreadSearch.knn(s.space, s.ref, s.query, 3);
      const expected = brute(s, 3);
      for (let i = 0; i < expected.length; i++) expect(nn.distance[i]).toBeCloseTo(expected[i]!, 12);
      // reported indices really are at the reported distance
      for (let q = 0; q < 150; q++)
        expect(rowDistance(s.space, s.query, q, s.ref, nn.index[q * 3]!)).toBeCloseTo(
          nn.distance[q * 3]!,
          12,
        );
    }
  });

  it('gives identical results on worker threads', async () => {
    const s = setup(9, 3000, 2000);
    const one = await singleThreadSearch.knn(s.space, s.ref, s.query, 2);
    const many = await parallelSearch({ threads: 2, minPairs: 0 }).knn(s.space, s.ref, s.query, 2);
    expect([...many.distance]).toEqual([...one.distance]);
  });

  it('leaves missing neighbours as Infinity and -1 when k exceeds the reference', async () => {
    const s = setup(4, 2, 3);
    const nn = await singleThreadSearch.knn(s.space, s.ref, s.query, 3);
    expect(nn.distance[2]).toBe(Number.POSITIVE_INFINITY);
    expect(nn.index[2]).toBe(-1);
  });
});
