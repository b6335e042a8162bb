/**
 * Nearest-neighbour search benchmark: 26k synthetic × 26k train rows of Adult (15 mixed columns),
 * exact k = 2, single thread and worker threads. Prints the median of several runs.
 *
 *   node --conditions=@synthkit/source --import tsx packages/privacy/scripts/bench-nearest.ts [runs]
 */
import { type Column, Rng, Table } from '@synthkit/core';
import { alignTables } from '../src/data/aligned.js';
import { distanceSpace, encodeRows } from '../src/distance/mixed-distance.js';
import { type NeighbourSearch, singleThreadSearch } from '../src/neighbours/search.js';
import { parallelSearch } from '../src/node/parallel-search.js';
import { readAdult } from '../test/read-csv.js';

const runs = Number(process.argv[2] ?? 5);
const { table, metadata } = await readAdult();
const rng = new Rng(7);
const perm = rng.permutation(table.nRows);
const n = 26_000;
const train = table.take(perm.subarray(0, n));

// A weak generator: every column drawn independently from its marginal (far neighbours, the slow case).
const marginal = new Table(
  train.columns().map(([name, c]): [string, Column] => {
    const pick = Int32Array.from({ length: n }, () => rng.int(n));
    return c.type === 'categorical'
      ? [
          name,
          { type: 'categorical', codes: Int32Array.from(pick, (i) => c.codes[i]!), categories: c.categories },
        ]
      : [
          name,
          {
            type: 'number',
            values: Float64Array.from(pick, (i) => (c as { values: Float64Array }).values[i]!),
          },
        ];
  }),
);
// A leaky generator: training rows, shuffled, numbers moved by 1% of their spread.
const leaky = new Table(
  train
    .take(rng.permutation(n))
    .columns()
    .map(([name, c]): [string, Column] => {
      if (c.type !== 'number') return [name, c];
      const sd = 0.01 * spread(c.values);
      return [
        name,
        { type: 'number', values: Float64Array.from(c.values, (v) => Math.round(v + rng.normal(0, sd))) },
      ];
    }),
);

function spread(v: Float64Array): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return hi - lo;
}

async function bench(label: string, synthetic: Table, search: NeighbourSearch): Promise<void> {
  const aligned = alignTables(train, train, synthetic, metadata);
  const space = distanceSpace(aligned.schema, aligned.train);
  const ref = encodeRows(space, aligned.train);
  const query = encodeRows(space, aligned.synthetic);
  const times: number[] = [];
  let median = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const nn = await search.knn(space, ref, query, 2);
    times.push((performance.now() - t0) / 1000);
    const d = Float64Array.from({ length: query.nRows }, (_, i) => nn.distance[i * 2]!).sort();
    median = d[d.length >> 1]!;
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(10)} ${search.name.padEnd(18)} ${n}x${n} k=2  median ${times[times.length >> 1]!.toFixed(2)} s  (min ${times[0]!.toFixed(2)}, max ${times[times.length - 1]!.toFixed(2)}; median DCR ${median.toFixed(4)})`,
  );
}

for (const [label, synth] of [
  ['marginal', marginal],
  ['leaky', leaky],
] as const) {
  await bench(label, synth, singleThreadSearch);
  await bench(label, synth, parallelSearch());
}
