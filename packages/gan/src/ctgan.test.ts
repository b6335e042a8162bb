import { parseOptions, Rng, type ViewTable } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { csvView } from '../../neural/test/csv-view.js';
import {
  column,
  fitPlugin,
  expectSameArrays as sameArrays,
  sampleAll,
} from '../../neural/test/model-helpers.js';
import type { CtganModel } from './ctgan-model.js';
import { ctgan, resumeCtgan } from './plugin.js';

const view = csvView('adult', 300, ['age', 'workclass', 'sex', 'hours-per-week', 'income']);
const small = {
  epochs: 2,
  batchSize: 60,
  pac: 6,
  embeddingDim: 16,
  generatorDim: [24, 24],
  discriminatorDim: [24, 24],
  backend: 'cpu',
};

async function fit(overrides: Record<string, unknown> = {}, data: ViewTable = view, seed = 1) {
  const plugin = ctgan({ ...small, ...overrides });
  return { ...(await fitPlugin<CtganModel>(plugin as never, data, seed)), plugin };
}

describe('ctgan', () => {
  it('trains with per-epoch losses, flat tensor count, and samples the fitted columns', async () => {
    const { model, events, tensors } = await fit({ epochs: 4 });
    const epochs = events.filter((e) => e.stage === 'epoch');
    expect(epochs.map((e) => [e.done, e.total])).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    for (const e of epochs) {
      expect(Number.isFinite(e.metrics!.lossG)).toBe(true);
      expect(Number.isFinite(e.metrics!.lossD)).toBe(true);
      expect(e.message).toMatch(/ctgan on cpu/);
    }
    expect(new Set(tensors).size).toBe(1);
    const parts = await sampleAll(model, 150);
    expect(parts.reduce((s, p) => s + p.nRows, 0)).toBe(150);
    expect(parts.every((p) => p.nRows <= 64)).toBe(true);
    expect(parts[0]!.columns.map((c) => c.name)).toEqual(view.columns.map((c) => c.name));
    const sex = column(parts, 'sex');
    expect(sex.every((c) => c === 0 || c === 1)).toBe(true);
    expect(column(parts, 'age').every(Number.isFinite)).toBe(true);
    model.dispose();
  });

  it('is deterministic on the cpu backend: same seed, same weights and rows', async () => {
    const a = await fit();
    const b = await fit();
    sameArrays(a.model.save(), b.model.save());
    expect(column(await sampleAll(a.model, 100), 'age')).toEqual(
      column(await sampleAll(b.model, 100), 'age'),
    );
    const c = await fit({}, view, 2);
    expect(c.model.save().arrays['generator.weights']).not.toEqual(
      a.model.save().arrays['generator.weights'],
    );
  });

  it('saves and loads bit-exactly', async () => {
    const { model, plugin } = await fit();
    const state = model.save();
    const copy = JSON.parse(JSON.stringify(state.json));
    const loaded = (await plugin.load(
      { json: copy, arrays: state.arrays },
      parseOptions(plugin.options),
    )) as CtganModel;
    sameArrays(loaded.save(), state);
    expect(loaded.save().json).toEqual(state.json);
    expect(column(await sampleAll(loaded, 80), 'hours-per-week')).toEqual(
      column(await sampleAll(model, 80), 'hours-per-week'),
    );
  });

  it('resumes a resumable model exactly where an uninterrupted run would be', async () => {
    const straight = await fit({ epochs: 3, resumable: true });
    const first = await fit({ epochs: 2, resumable: true });
    const resumed = await resumeCtgan(
      first.model.save(),
      view,
      { ...small, epochs: 3, resumable: true },
      { rng: new Rng(1), progress: () => {} },
    );
    sameArrays(resumed.save(), straight.model.save());
    // epochs is the total to reach: asking a 3-epoch model for 3 (or fewer) would train nothing.
    await expect(
      resumeCtgan(
        straight.model.save(),
        view,
        { ...small, epochs: 3, resumable: true },
        {
          rng: new Rng(1),
          progress: () => {},
        },
      ),
    ).rejects.toMatchObject({ code: 'BAD_OPTION' });
    await expect(
      resumeCtgan((await fit()).model.save(), view, small, { rng: new Rng(1), progress: () => {} }),
    ).rejects.toMatchObject({
      code: 'BAD_ARTIFACT',
    });
  });

  it('honours the conditional vector and filters every condition', async () => {
    // A fast generator and a slow critic, so the conditional cross-entropy dominates this short run.
    const { model, events } = await fit({ epochs: 12, generatorLr: 1e-2, discriminatorLr: 1e-4 });
    const ce = events.filter((e) => e.stage === 'epoch').map((e) => e.metrics!.conditionLoss!);
    expect(ce.at(-1)!).toBeLessThan(ce[0]! / 2);
    const income = model.sampler.columnIndex('income');
    const rich = view.columns.find((c) => c.name === 'income')!;
    const code = (rich as { labels: string[] }).labels.indexOf('>50K');
    const base = column([view], 'income').filter((c) => c === code).length / view.nRows;
    // Share of ">50K" in raw generator output with a given condition in the vector, before any filtering.
    const share = (conditioned: number): number => {
      const n = 1000;
      const E = model.network.shape.embeddingDim;
      const C = model.sampler.dim;
      const rng = new Rng(3);
      const cond = model.sampler.encode(new Int32Array(n).fill(income), new Int32Array(n).fill(conditioned));
      const input = new Float32Array(n * (E + C));
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < E; j++) input[i * (E + C) + j] = rng.normal();
        input.set(cond.subarray(i * C, (i + 1) * C), i * (E + C) + E);
      }
      const raw = model.network.generate(input, n);
      const rows = model.encoder.inverse(model.network.layout.toEncoded(raw, n), n, {
        categorical: 'sample',
        rng,
      });
      return column([rows], 'income').filter((c) => c === code).length / n;
    };
    const asked = share(code);
    const other = share(1 - code);
    expect(asked).toBeGreaterThan(base + 0.15);
    expect(asked - other).toBeGreaterThan(0.3);
    const filtered = await sampleAll(model, 50, 9, [{ kind: 'equals', column: 'income', code }]);
    expect(column(filtered, 'income').every((c) => c === code)).toBe(true);
    await expect(
      sampleAll(model, 5, 9, [{ kind: 'range', column: 'age', min: 1000, max: 2000 }]),
    ).rejects.toMatchObject({
      code: 'CONDITION_UNSATISFIABLE',
    });
    await expect(sampleAll(model, 5, 9, [{ kind: 'equals', column: 'age', code: 1 }])).rejects.toMatchObject({
      code: 'BAD_CONDITION',
    });
  });

  it('handles tables with only continuous or only discrete columns, constants and small data', async () => {
    const numeric = csvView('adult', 120, ['age', 'hours-per-week']);
    const only = await fit({ epochs: 1 }, numeric);
    expect(column(await sampleAll(only.model, 20), 'age').length).toBe(20);
    const discrete = csvView('adult', 120, ['sex', 'race']);
    const cat = await fit({ epochs: 1 }, discrete);
    expect(column(await sampleAll(cat.model, 20), 'race').length).toBe(20);
    const constant: ViewTable = {
      nRows: 30,
      columns: [
        { kind: 'continuous', name: 'k', values: new Float64Array(30).fill(5) },
        {
          kind: 'discrete',
          name: 'd',
          codes: Int32Array.from({ length: 30 }, (_, i) => i % 2),
          labels: ['a', 'b'],
        },
      ],
    };
    // 30 rows with batch 60: steps draw rows with replacement, as the reference does.
    const k = await fit({ epochs: 1 }, constant);
    expect(new Set(column(await sampleAll(k.model, 20), 'k'))).toEqual(new Set([5]));
  });

  it('rejects bad input with clear errors', async () => {
    const one: ViewTable = {
      nRows: 1,
      columns: [{ kind: 'continuous', name: 'x', values: Float64Array.of(1) }],
    };
    await expect(fit({}, one)).rejects.toMatchObject({ code: 'NO_ROWS' });
    await expect(fit({ batchSize: 65 })).rejects.toMatchObject({ code: 'BAD_OPTION' });
    await expect(fit({ backend: 'tensorflow-gpu' })).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect(() => ctgan({ epochs: 0 })).toThrow(expect.objectContaining({ code: 'BAD_OPTION' }));
    const controller = new AbortController();
    controller.abort();
    const plugin = ctgan(small);
    await expect(
      plugin.fit(view, parseOptions(plugin.options), {
        rng: new Rng(1),
        progress: () => {},
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });
});

describe('ctgan on a column with thousands of categories', () => {
  it('refuses up front, naming the column, instead of running out of wasm memory', async () => {
    const n = 6000;
    const wide: ViewTable = {
      nRows: n,
      columns: [
        { kind: 'continuous', name: 'x', values: Float64Array.from({ length: n }, (_, i) => i % 97) },
        {
          kind: 'discrete',
          name: 'code',
          codes: Int32Array.from({ length: n }, (_, i) => i),
          labels: Array.from({ length: n }, (_, i) => `c${i}`),
        },
      ],
    };
    await expect(fit({ pac: 10, batchSize: 60 }, wide)).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      column: 'code',
      hint: expect.stringContaining('6000 categories'),
    });
  });
});
