import { type Column, Rng, Table } from '@synthkit/core';
import { readAdult } from './read-csv.js';

const adult = await readAdult();

/**
 * Adult split three ways at random: train, control and an independent real sample (a "generator"
 * that leaks nothing), plus a leaky generator that returns the training rows with tiny noise.
 */
export function adultScenario(n: number, seed = 11) {
  const { table, metadata } = adult;
  const rng = new Rng(seed);
  const perm = rng.permutation(table.nRows);
  const train = table.take(perm.subarray(0, n));
  const control = table.take(perm.subarray(n, 2 * n));
  const independent = table.take(perm.subarray(2 * n, 3 * n));
  return { metadata, train, control, independent, leaky: leakyCopy(train, rng.fork('leaky')) };
}

/** Training rows, shuffled, each number moved by noise of 1% of the column's standard deviation and rounded like the data (integers). */
export function leakyCopy(train: Table, rng: Rng): Table {
  const order = rng.permutation(train.nRows);
  return new Table(
    train
      .take(order)
      .columns()
      .map(([name, c]): [string, Column] => {
        if (c.type !== 'number') return [name, c];
        const sd = standardDeviation(c.values);
        return [
          name,
          {
            type: 'number',
            values: Float64Array.from(c.values, (v) => Math.round(v + rng.normal(0, 0.01 * sd))),
          },
        ];
      }),
  );
}

function standardDeviation(v: Float64Array): number {
  let s = 0;
  let s2 = 0;
  for (const x of v) {
    s += x;
    s2 += x * x;
  }
  const m = s / v.length;
  return Math.sqrt(s2 / v.length - m * m);
}
