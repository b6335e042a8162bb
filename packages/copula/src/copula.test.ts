import {
  type DiscreteViewColumn,
  Rng,
  type SampleContext,
  SynthkitError,
  type ViewCondition,
  type ViewTable,
} from '@synthkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADULT, viewOfCsv } from '../test/adult-view.js';
import { pearson } from '../test/moments.js';
import { CopulaModel, gaussianCopula } from './index.js';

const plugin = gaussianCopula();
const noop = () => {};
const ctx = (seed: number, conditions: ViewCondition[] = [], batchSize = 4096): SampleContext => ({
  rng: new Rng(seed),
  progress: noop,
  conditions,
  batchSize,
});

async function collect(
  model: { sample: CopulaModel['sample'] },
  n: number,
  c: SampleContext,
): Promise<ViewTable[]> {
  const out: ViewTable[] = [];
  for await (const b of model.sample(n, c)) out.push(b);
  return out;
}

/** All rows of the batches, column by column, as plain arrays (for equality checks). */
const flat = (batches: ViewTable[]) =>
  batches[0]!.columns.map((_, j) =>
    batches.flatMap((b) => {
      const c = b.columns[j]!;
      return c.kind === 'continuous' ? [...c.values] : [...c.codes];
    }),
  );

const column = (batches: ViewTable[], name: string): number[] =>
  batches.flatMap((b) => {
    const c = b.columns.find((x) => x.name === name)!;
    return Array.from(c.kind === 'continuous' ? c.values : c.codes);
  });

const fit = (view: ViewTable, options: Record<string, unknown> = {}) =>
  plugin.fit(view, { marginals: 'auto', ...options } as never, { rng: new Rng(1), progress: noop });

describe('gaussianCopula on Adult (32,561 rows)', () => {
  let view: ViewTable;
  let model: CopulaModel;
  beforeAll(async () => {
    view = viewOfCsv(ADULT);
    model = (await fit(view)) as CopulaModel;
  });

  it('is a generator plugin named copula that supports all conditions, with option defaults from the factory', () => {
    expect(plugin.kind).toBe('generator');
    expect(plugin.name).toBe('copula');
    expect(plugin.supports.conditions).toBe('all');
    expect(gaussianCopula({ marginals: 'normal' }).options.marginals.default).toBe('normal');
    expect(() => gaussianCopula({ marginals: 'cauchy' } as never)).toThrow(SynthkitError);
  });

  it('streams batches in the view’s shape, with categories and ranges it has seen', async () => {
    const batches = await collect(model, 10_000, ctx(7));
    expect(batches.map((b) => b.nRows)).toEqual([4096, 4096, 1808]);
    const b = batches[0]!;
    expect(b.columns.map((c) => c.name)).toEqual(view.columns.map((c) => c.name));
    b.columns.forEach((c, j) => {
      const real = view.columns[j]!;
      expect(c.kind).toBe(real.kind);
      if (c.kind === 'continuous' && real.kind === 'continuous') {
        expect(Math.min(...c.values)).toBeGreaterThanOrEqual(Math.min(...real.values));
        expect(Math.max(...c.values)).toBeLessThanOrEqual(Math.max(...real.values));
      } else if (c.kind === 'discrete' && real.kind === 'discrete') {
        expect(c.labels).toBe(real.labels);
        for (const code of c.codes) expect(code >= 0 && code < real.labels.length).toBe(true);
      }
    });
  });

  it('keeps marginals and the dependence between columns', async () => {
    const batches = await collect(model, 32_561, ctx(3, [], 32_561));
    // Category shares (sex) within a percentage point.
    const sexReal = view.columns.find((c) => c.name === 'sex') as DiscreteViewColumn;
    const shareReal = sexReal.codes.filter((c) => c === 0).length / view.nRows;
    const sexSyn = column(batches, 'sex');
    expect(Math.abs(sexSyn.filter((c) => c === 0).length / sexSyn.length - shareReal)).toBeLessThan(0.01);
    // Zero-inflated capital-gain keeps its ~92% zeros (the empirical marginal's point mass).
    const gain = column(batches, 'capital-gain');
    expect(gain.filter((v) => v === 0).length / gain.length).toBeCloseTo(0.917, 1);
    const realCol = (name: string) =>
      (view.columns.find((c) => c.name === name) as { values: Float64Array }).values;
    // Pearson correlations of numeric pairs within 0.03 of the real ones. (Not every pair: age and
    // hours-per-week rise and fall together, a non-monotone link a Gaussian copula overstates, as
    // SDV's does: 0.069 real, 0.13 synthetic.)
    for (const [a, b] of [
      ['education-num', 'hours-per-week'],
      ['age', 'fnlwgt'],
      ['capital-gain', 'hours-per-week'],
    ])
      expect(
        Math.abs(pearson(column(batches, a!), column(batches, b!)) - pearson(realCol(a!), realCol(b!))),
      ).toBeLessThan(0.03);
    const summary = model.summary();
    expect(summary.find((s) => s.name === 'capital-gain')).toMatchObject({
      kind: 'continuous',
      family: 'empirical',
    });
  });

  it('same seed, same rows; another seed, other rows; batch size never changes the values', async () => {
    const a = flat(await collect(model, 3000, ctx(11)));
    const b = flat(await collect(model, 3000, ctx(11, [], 777)));
    const c = flat(await collect(model, 3000, ctx(12)));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    const refit = (await fit(view)) as CopulaModel;
    expect(flat(await collect(refit, 3000, ctx(11)))).toEqual(a);
  });

  it('save/load restores the model exactly: the same samples after load', async () => {
    const state = model.save();
    expect(JSON.parse(JSON.stringify(state.json))).toEqual(state.json);
    const loaded = await plugin.load(state, { marginals: 'auto' });
    expect(flat(await collect(loaded, 2000, ctx(5)))).toEqual(flat(await collect(model, 2000, ctx(5))));
    const conds: ViewCondition[] = [{ kind: 'range', column: 'age', min: 30, max: 40 }];
    expect(flat(await collect(loaded, 500, ctx(6, conds)))).toEqual(
      flat(await collect(model, 500, ctx(6, conds))),
    );
  });

  it('refuses a damaged or foreign state with BAD_ARTIFACT / ARTIFACT_VERSION', () => {
    const state = model.save();
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as SynthkitError).code;
      }
    };
    expect(code(() => CopulaModel.load({ json: { format: 'other' }, arrays: {} }))).toBe('BAD_ARTIFACT');
    expect(
      code(() =>
        CopulaModel.load({ json: { ...(state.json as object), version: 99 }, arrays: state.arrays }),
      ),
    ).toBe('ARTIFACT_VERSION');
    expect(code(() => CopulaModel.load({ json: state.json, arrays: {} }))).toBe('BAD_ARTIFACT');
  });

  it('conditional sampling: every row honours sex = Female and 30 ≤ age ≤ 40, and the rest follows the condition', async () => {
    const sex = view.columns.find((c) => c.name === 'sex') as DiscreteViewColumn;
    const female = sex.labels.indexOf(' Female');
    const income = view.columns.find((c) => c.name === 'income') as DiscreteViewColumn;
    const rich = income.labels.indexOf(' >50K');
    const conds: ViewCondition[] = [
      { kind: 'equals', column: 'sex', code: female },
      { kind: 'range', column: 'age', min: 30, max: 40 },
    ];
    const batches = await collect(model, 10_000, ctx(8, conds, 10_000));
    const s = column(batches, 'sex');
    const age = column(batches, 'age');
    expect(s.every((c) => c === female)).toBe(true);
    expect(age.every((a) => a >= 30 && a <= 40)).toBe(true);
    // Ages spread over the range, not piled on a bound.
    expect(new Set(age.map(Math.round)).size).toBeGreaterThanOrEqual(10);
    // Women earn >50K far less often than the population (11% vs 24% in Adult): the condition
    // propagates through the latent correlation instead of leaving other columns independent.
    const inc = column(batches, 'income');
    const shareCond = inc.filter((c) => c === rich).length / inc.length;
    const shareAll = income.codes.filter((c) => c === rich).length / view.nRows;
    expect(shareCond).toBeLessThan(shareAll - 0.05);
  });

  it('conditions that cannot hold or are malformed give clear errors', async () => {
    const codeOf = async (conds: ViewCondition[]) => {
      try {
        await collect(model, 10, ctx(1, conds));
      } catch (e) {
        return [(e as SynthkitError).code, (e as SynthkitError).column];
      }
      return ['OK'];
    };
    expect(await codeOf([{ kind: 'range', column: 'age', min: 200, max: 300 }])).toEqual([
      'CONDITION_UNSATISFIABLE',
      'age',
    ]);
    expect(await codeOf([{ kind: 'range', column: 'age', min: 50, max: 40 }])).toEqual([
      'BAD_CONDITION',
      'age',
    ]);
    expect(await codeOf([{ kind: 'equals', column: 'age', code: 1 }])).toEqual(['BAD_CONDITION', 'age']);
    expect(await codeOf([{ kind: 'range', column: 'sex', min: 0, max: 1 }])).toEqual([
      'BAD_CONDITION',
      'sex',
    ]);
    expect(await codeOf([{ kind: 'equals', column: 'nope', code: 0 }])).toEqual(['BAD_CONDITION', 'nope']);
    expect(await codeOf([{ kind: 'equals', column: 'sex', code: 99 }])).toEqual([
      'CONDITION_UNSATISFIABLE',
      'sex',
    ]);
    // an exact value of a continuous column is a range of width zero
    const exact = await collect(model, 200, ctx(2, [{ kind: 'range', column: 'age', min: 37, max: 37 }]));
    expect(column(exact, 'age').every((a) => a === 37)).toBe(true);
  });
});

describe('edge cases', () => {
  const cont = (name: string, values: number[]) => ({
    kind: 'continuous' as const,
    name,
    values: Float64Array.from(values),
  });
  const disc = (name: string, codes: number[], labels: string[]) => ({
    kind: 'discrete' as const,
    name,
    codes: Int32Array.from(codes),
    labels,
  });
  const sampleAll = async (view: ViewTable, n = 500) => {
    const m = await fit(view);
    return flat(await collect(m, n, ctx(1)));
  };

  it('a constant column stays constant; a two-valued one keeps its two values and shares', async () => {
    const n = 400;
    const view: ViewTable = {
      nRows: n,
      columns: [
        cont('k', new Array(n).fill(3.5)),
        cont(
          'two',
          Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 10 : 20)),
        ),
        disc(
          'c',
          Array.from({ length: n }, (_, i) => i % 2),
          ['a', 'b'],
        ),
      ],
    };
    const [k, two, c] = await sampleAll(view, 4000);
    expect(k!.every((v) => v === 3.5)).toBe(true);
    const values = new Set(two!.map((v) => Math.round(v)));
    expect([...values].every((v) => v >= 10 && v <= 20)).toBe(true);
    expect(two!.filter((v) => v === 10).length / 4000).toBeCloseTo(0.25, 1);
    expect(two!.filter((v) => v === 20).length / 4000).toBeCloseTo(0.75, 1);
    expect(new Set(c).size).toBe(2);
  });

  it('one row: every sample repeats it', async () => {
    const view: ViewTable = { nRows: 1, columns: [cont('x', [5]), disc('c', [1], ['a', 'b'])] };
    const [x, c] = await sampleAll(view, 50);
    expect(x!.every((v) => v === 5)).toBe(true);
    expect(c!.every((v) => v === 1)).toBe(true);
  });

  it('all-discrete and all-continuous views work', async () => {
    const r = new Rng(4);
    const n = 1000;
    // Shares 0.6/0.3/0.1 in both columns, so their frequency intervals come in the same order.
    const a = Array.from({ length: n }, () => r.weighted([0.6, 0.3, 0.1]));
    const b = a.map((v) => (r.next() < 0.8 ? v : r.weighted([0.6, 0.3, 0.1])));
    const [sa, sb] = await sampleAll(
      { nRows: n, columns: [disc('a', a, ['x', 'y', 'z']), disc('b', b, ['x', 'y', 'z'])] },
      5000,
    );
    const agree = sa!.filter((v, i) => v === sb![i]).length / 5000;
    expect(agree).toBeGreaterThan(0.7); // independent columns would agree 0.46 of the time
    const x = Array.from({ length: n }, () => r.normal());
    const y = x.map((v) => v + 0.5 * r.normal());
    const [sx, sy] = await sampleAll({ nRows: n, columns: [cont('x', x), cont('y', y)] }, 5000);
    expect(pearson(sx!, sy!)).toBeCloseTo(0.894, 1);
  });

  it('a categorical with 10,000 levels fits and samples only levels it has seen, in proportion', async () => {
    const r = new Rng(6);
    const n = 30_000;
    const labels = Array.from({ length: 10_000 }, (_, i) => `v${i}`);
    // Zipf-like: level k has weight 1/(k+1); many levels never occur.
    const cumulative: number[] = [];
    for (let k = 0; k < labels.length; k++) cumulative.push((cumulative[k - 1] ?? 0) + 1 / (k + 1));
    const total = cumulative[cumulative.length - 1]!;
    const codes = Array.from({ length: n }, () => {
      const u = r.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (u < cumulative[mid]!) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    });
    const seen = new Set(codes);
    const [c, x] = await sampleAll(
      {
        nRows: n,
        columns: [
          disc('c', codes, labels),
          cont(
            'x',
            codes.map((k) => Math.log1p(k)),
          ),
        ],
      },
      20_000,
    );
    expect(c!.every((k) => seen.has(k))).toBe(true);
    const top = (xs: number[]) => xs.filter((k) => k === 0).length / xs.length;
    expect(top(c!)).toBeCloseTo(top(codes), 2);
    expect(x!.length).toBe(20_000);
  });

  it('empty, column-less and non-finite views fail with SynthkitErrors naming the problem', async () => {
    const err = async (view: ViewTable) => {
      try {
        await fit(view);
      } catch (e) {
        return e as SynthkitError;
      }
    };
    expect((await err({ nRows: 0, columns: [cont('x', [])] }))?.code).toBe('NO_ROWS');
    expect((await err({ nRows: 3, columns: [] }))?.code).toBe('UNSUPPORTED');
    const nan = await err({ nRows: 2, columns: [cont('x', [1, Number.NaN])] });
    expect(nan?.code).toBe('BAD_VALUE');
    expect(nan?.column).toBe('x');
    expect(nan?.row).toBe(2);
    const badCode = await err({ nRows: 2, columns: [disc('c', [0, 5], ['a'])] });
    expect(badCode?.code).toBe('BAD_VALUE');
    expect(badCode?.column).toBe('c');
  });
});
