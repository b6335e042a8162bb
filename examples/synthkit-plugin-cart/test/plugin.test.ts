import { type FittedModel, parseOptions, Rng, type SynthkitError, type ViewTable } from '@synthkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import cartDefault, { cart, cartGenerator, cartOptions } from '../src/index.js';
import { adultView, column, sameState, sampleAll, share, silent } from './helpers.js';

const defaults = parseOptions(cartOptions, {});
let adult: ViewTable;
let model: FittedModel;

beforeAll(async () => {
  adult = adultView();
  model = await cartGenerator.fit(adult, defaults, silent);
});

async function rejects(p: Promise<unknown> | (() => unknown), code: string): Promise<SynthkitError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect((e as SynthkitError).code).toBe(code);
    expect((e as SynthkitError).hint ?? '').not.toBe('');
    return e as SynthkitError;
  }
  throw new Error(`expected a SynthkitError ${code}`);
}

describe('cart generator on Adult', () => {
  it('is an ordinary synthkit generator plugin, also as the default export', () => {
    expect(cartDefault).toBe(cartGenerator);
    expect(cartGenerator).toMatchObject({
      kind: 'generator',
      name: 'cart',
      supports: { conditions: 'all' },
    });
    expect(cart({ minLeaf: '10' }).options.minLeaf.default).toBe(10);
    expect(() => cart({ minleaf: 10 })).toThrow(/no option "minleaf"/);
  });

  it('samples the shape, names and labels of the view it was fitted on', async () => {
    const out = await sampleAll(model, 5000, { batchSize: 1234 });
    expect(out.nRows).toBe(5000);
    expect(out.columns.map((c) => [c.name, c.kind])).toEqual(adult.columns.map((c) => [c.name, c.kind]));
    const sex = column(out, 'sex', 'discrete');
    expect(sex.labels).toEqual(column(adult, 'sex', 'discrete').labels);
    for (const c of out.columns) {
      if (c.kind === 'continuous') expect(c.values.every(Number.isFinite)).toBe(true);
      else expect(c.codes.every((k) => k >= 0 && k < c.labels.length)).toBe(true);
    }
  });

  it('keeps the joint structure: conditional shares close to the real ones', async () => {
    const out = await sampleAll(model, adult.nRows, { seed: 3, batchSize: 8192 });
    // relationship 'Husband' implies sex 'Male' in the real data (1 exception in 13,193)
    expect(share(out, 'sex', ' Male', ['relationship', ' Husband'])).toBeGreaterThan(0.995);
    for (const given of [
      ['sex', ' Female'],
      ['marital-status', ' Married-civ-spouse'],
      ['education', ' Bachelors'],
    ] as const) {
      const real = share(adult, 'income', ' >50K', [...given]);
      expect(Math.abs(share(out, 'income', ' >50K', [...given]) - real)).toBeLessThan(0.03);
    }
    // education-num is a function of education: a numeric tree must find it exactly
    const edu = column(out, 'education', 'discrete');
    const num = column(out, 'education-num', 'continuous');
    const bachelors = edu.labels.indexOf(' Bachelors');
    const rows = Array.from(edu.codes.keys()).filter((i) => edu.codes[i] === bachelors);
    expect(rows.filter((i) => Math.round(num.values[i]!) === 13).length / rows.length).toBeGreaterThan(0.97);
  });

  it('is deterministic under a seed, and different seeds differ', async () => {
    const a = await sampleAll(model, 3000, { seed: 9 });
    const b = await sampleAll(model, 3000, { seed: 9 });
    const c = await sampleAll(model, 3000, { seed: 10 });
    expect(b).toEqual(a);
    expect(column(c, 'fnlwgt', 'continuous').values).not.toEqual(column(a, 'fnlwgt', 'continuous').values);
    // fitting is deterministic too, whatever the fit context's seed
    const part = adultView(3000);
    const once = await cartGenerator.fit(part, defaults, silent);
    const again = await cartGenerator.fit(part, defaults, { rng: new Rng(123), progress: () => {} });
    expect(sameState(again.save(), once.save())).toBe(true);
  });

  it('saves to typed arrays and loads back to a model that samples the same rows', async () => {
    const state = model.save();
    expect(JSON.parse(JSON.stringify(state.json))).toEqual(state.json);
    for (const a of Object.values(state.arrays)) expect(ArrayBuffer.isView(a)).toBe(true);
    const loaded = await cartGenerator.load(state, defaults);
    expect(await sampleAll(loaded, 2000, { seed: 4 })).toEqual(await sampleAll(model, 2000, { seed: 4 }));
  });

  it('keeps every leaf at minLeaf rows or more', async () => {
    for (const minLeaf of [5, 50]) {
      const m =
        minLeaf === 5 ? model : await cartGenerator.fit(adultView(5000), { ...defaults, minLeaf }, silent);
      const { arrays } = m.save();
      let checked = 0;
      for (const [key, start] of Object.entries(arrays)) {
        if (!key.endsWith('.leafStart')) continue;
        for (let l = 0; l + 1 < start.length; l++)
          expect(start[l + 1]! - start[l]!).toBeGreaterThanOrEqual(minLeaf);
        checked++;
      }
      expect(checked).toBe(6);
    }
  });

  it("smooths numeric leaves ('density') or resamples training values ('none')", async () => {
    const real = new Set(column(adult, 'fnlwgt', 'continuous').values);
    const smooth = column(await sampleAll(model, 2000), 'fnlwgt', 'continuous').values;
    const plainModel = await cartGenerator.fit(adultView(3000), { ...defaults, smoothing: 'none' }, silent);
    const plain = column(await sampleAll(plainModel, 2000), 'fnlwgt', 'continuous').values;
    expect(plain.every((v) => real.has(v))).toBe(true);
    expect(smooth.filter((v) => real.has(v)).length).toBeLessThan(20);
    // point masses stay exact: capital-gain is 0 in 92% of rows
    const gain = column(await sampleAll(model, 5000), 'capital-gain', 'continuous').values;
    expect(gain.filter((v) => v === 0).length / 5000).toBeGreaterThan(0.88);
  });
});

describe('conditions', () => {
  const code = (name: string, label: string): number => column(adult, name, 'discrete').labels.indexOf(label);

  it('fixes a discrete column and samples the other columns given it', async () => {
    const female = code('sex', ' Female');
    const out = await sampleAll(model, 6000, {
      conditions: [{ kind: 'equals', column: 'sex', code: female }],
    });
    expect(column(out, 'sex', 'discrete').codes.every((c) => c === female)).toBe(true);
    // earlier columns are drawn given the condition too (rejection on their leaves)
    expect(share(out, 'relationship', ' Husband')).toBeLessThan(0.005);
    expect(
      Math.abs(
        share(out, 'relationship', ' Wife') - share(adult, 'relationship', ' Wife', ['sex', ' Female']),
      ),
    ).toBeLessThan(0.03);
    expect(
      Math.abs(share(out, 'income', ' >50K') - share(adult, 'income', ' >50K', ['sex', ' Female'])),
    ).toBeLessThan(0.03);
  });

  it('fixes the columns visited first without rejection, even to a combination the data almost lacks', async () => {
    const first = await cartGenerator.fit(adult, { ...defaults, visitSequence: 'sex, relationship' }, silent);
    const rich = code('income', ' >50K');
    const female = code('sex', ' Female');
    const out = await sampleAll(first, 3000, {
      conditions: [
        { kind: 'equals', column: 'sex', code: female },
        { kind: 'equals', column: 'income', code: rich },
      ],
    });
    expect(column(out, 'income', 'discrete').codes.every((c) => c === rich)).toBe(true);
    expect(column(out, 'sex', 'discrete').codes.every((c) => c === female)).toBe(true);
    const real = share(
      adult,
      'marital-status',
      ' Married-civ-spouse',
      ['sex', ' Female'],
      ['income', ' >50K'],
    );
    expect(Math.abs(share(out, 'marital-status', ' Married-civ-spouse') - real)).toBeLessThan(0.05);
    // 1 real row in 32,561 is a female husband: by rejection that would take ~100 million candidates
    const husband = code('relationship', ' Husband');
    const rare = await sampleAll(first, 500, {
      conditions: [
        { kind: 'equals', column: 'sex', code: female },
        { kind: 'equals', column: 'relationship', code: husband },
      ],
    });
    expect(column(rare, 'relationship', 'discrete').codes.every((c) => c === husband)).toBe(true);
    expect(column(rare, 'sex', 'discrete').codes.every((c) => c === female)).toBe(true);
  });

  it('draws numbers inside a range from the leaf densities restricted to it', async () => {
    // age is visited first (no rejection), hours-per-week late (rows kept by their leaf's mass in range)
    for (const [name, min, max] of [
      ['age', 30, 40],
      ['hours-per-week', 50, 99],
    ] as const) {
      const out = await sampleAll(model, 6000, { conditions: [{ kind: 'range', column: name, min, max }] });
      expect(column(out, name, 'continuous').values.every((v) => v >= min && v <= max)).toBe(true);
      // the real share of high incomes among rows in the range
      const x = column(adult, name, 'continuous').values;
      const rich = column(adult, 'income', 'discrete');
      const richCode = rich.labels.indexOf(' >50K');
      const rows = Array.from(x.keys()).filter((i) => x[i]! >= min && x[i]! <= max);
      const realRich = rows.filter((i) => rich.codes[i] === richCode).length / rows.length;
      expect(Math.abs(share(out, 'income', ' >50K') - realRich)).toBeLessThan(0.03);
    }
    // a point mass stays a point mass
    const zero = await sampleAll(model, 2000, {
      conditions: [{ kind: 'range', column: 'capital-gain', min: 0, max: 0 }],
    });
    expect(column(zero, 'capital-gain', 'continuous').values.every((v) => v === 0)).toBe(true);
  });

  it('refuses conditions it cannot honour, clearly', async () => {
    await rejects(
      sampleAll(model, 10, { conditions: [{ kind: 'range', column: 'sex', min: 0, max: 1 }] }),
      'BAD_CONDITION',
    );
    await rejects(
      sampleAll(model, 10, { conditions: [{ kind: 'equals', column: 'age', code: 3 }] }),
      'BAD_CONDITION',
    );
    await rejects(
      sampleAll(model, 10, { conditions: [{ kind: 'range', column: 'age', min: 200, max: 300 }] }),
      'CONDITION_UNSATISFIABLE',
    );
    await rejects(
      sampleAll(model, 10, { conditions: [{ kind: 'range', column: 'age', min: 40, max: 30 }] }),
      'CONDITION_UNSATISFIABLE',
    );
    await rejects(
      sampleAll(model, 10, { conditions: [{ kind: 'equals', column: 'colour', code: 0 }] }),
      'BAD_CONDITION',
    );
    await rejects(
      sampleAll(model, 10, { conditions: [{ kind: 'equals', column: 'sex', code: 7 }] }),
      'BAD_CONDITION',
    );
    await rejects(
      sampleAll(model, 10, {
        conditions: [
          { kind: 'equals', column: 'sex', code: 0 },
          { kind: 'equals', column: 'sex', code: 1 },
        ],
      }),
      'CONDITION_UNSATISFIABLE',
    );
  });
});

describe('bad input', () => {
  it('rejects an empty view, non-finite numbers, bad codes and unknown visit columns', async () => {
    await rejects(cartGenerator.fit({ nRows: 0, columns: [] }, defaults, silent), 'NO_ROWS');
    const nan = {
      nRows: 2,
      columns: [{ kind: 'continuous' as const, name: 'x', values: Float64Array.from([1, Number.NaN]) }],
    };
    expect((await rejects(cartGenerator.fit(nan, defaults, silent), 'BAD_VALUE')).row).toBe(2);
    const code = {
      nRows: 1,
      columns: [{ kind: 'discrete' as const, name: 'c', codes: Int32Array.from([2]), labels: ['a'] }],
    };
    await rejects(cartGenerator.fit(code, defaults, silent), 'BAD_VALUE');
    const small = adultView(50);
    expect(
      (
        await rejects(
          cartGenerator.fit(small, { ...defaults, visitSequence: 'sex,gender' }, silent),
          'BAD_OPTION',
        )
      ).column,
    ).toBe('gender');
  });

  it('rejects a state that is not a cart model', async () => {
    const state = model.save();
    await rejects(
      () => cartGenerator.load({ json: { format: 'other' }, arrays: {} }, defaults),
      'BAD_ARTIFACT',
    );
    const { '3.left': _, ...missing } = state.arrays;
    await rejects(() => cartGenerator.load({ json: state.json, arrays: missing }, defaults), 'BAD_ARTIFACT');
    const loop = { ...state.arrays, '3.left': Int32Array.from(state.arrays['3.left']!, () => 0) };
    await rejects(() => cartGenerator.load({ json: state.json, arrays: loop }, defaults), 'BAD_ARTIFACT');
  });

  it('stops promptly when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await rejects(
      cartGenerator.fit(adultView(200), defaults, { ...silent, signal: controller.signal }),
      'ABORTED',
    );
    await rejects(sampleAll(model, 100, { signal: controller.signal }), 'ABORTED');
  });

  it('handles one row and constant columns', async () => {
    const one = adultView(1);
    const m = await cartGenerator.fit(one, defaults, silent);
    const out = await sampleAll(m, 20);
    expect(column(out, 'age', 'continuous').values.every((v) => v === 39)).toBe(true);
    expect(out.nRows).toBe(20);
  });
});
