import { describe, expect, it } from 'vitest';
import type { DiscreteViewColumn, ViewTable } from '../plugin/types.js';
import { Rng } from '../rng/rng.js';
import { independentMarginals } from './independent-marginals.js';

const rng = new Rng(3);
const n = 5000;
const view: ViewTable = {
  nRows: n,
  columns: [
    { kind: 'continuous', name: 'x', values: Float64Array.from({ length: n }, () => rng.normal(10, 2)) },
    {
      kind: 'discrete',
      name: 'k',
      codes: Int32Array.from({ length: n }, () => rng.weighted([1, 3, 6])),
      labels: ['a', 'b', 'c'],
    },
  ],
};
const ctx = (conditions: import('../plugin/types.js').ViewCondition[] = [], seed = 1) => ({
  rng: new Rng(seed),
  progress: () => {},
  conditions,
  batchSize: 1000,
});
async function collect(
  model: Awaited<ReturnType<ReturnType<typeof independentMarginals>['fit']>>,
  rows: number,
  c = ctx(),
) {
  const xs: number[] = [];
  const ks: number[] = [];
  for await (const b of model.sample(rows, c)) {
    xs.push(...(b.columns[0] as { values: Float64Array }).values);
    ks.push(...(b.columns[1] as DiscreteViewColumn).codes);
  }
  return { xs, ks };
}

describe('independentMarginals', () => {
  it('keeps each marginal: mean, spread and frequencies', async () => {
    const model = await independentMarginals().fit(view, { quantiles: 256 }, ctx());
    const { xs, ks } = await collect(model, 20_000);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.85);
    expect(sd).toBeLessThan(2.15);
    const share = (k: number) => ks.filter((x) => x === k).length / ks.length;
    expect(share(0)).toBeCloseTo(0.1, 1);
    expect(share(2)).toBeCloseTo(0.6, 1);
  });

  it('draws exactly from conditioned marginals', async () => {
    const model = await independentMarginals().fit(view, { quantiles: 64 }, ctx());
    const { xs, ks } = await collect(
      model,
      3000,
      ctx([
        { kind: 'equals', column: 'k', code: 0 },
        { kind: 'range', column: 'x', min: 11, max: 12.5 },
      ]),
    );
    expect(ks.every((k) => k === 0)).toBe(true);
    expect(xs.every((x) => x >= 11 && x <= 12.5)).toBe(true);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(1.3);
  });

  it('saves quantiles, not rows, and loads to the same samples', async () => {
    const plugin = independentMarginals({ quantiles: 32 });
    const model = await plugin.fit(view, { quantiles: 32 }, ctx());
    const state = model.save();
    expect(state.arrays['0']!.length).toBe(32);
    const loaded = await plugin.load(state, { quantiles: 32 });
    expect(await collect(loaded, 500, ctx([], 9))).toEqual(await collect(model, 500, ctx([], 9)));
  });
});
