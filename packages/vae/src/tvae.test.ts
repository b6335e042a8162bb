import { parseOptions, Rng, type ViewTable } from '@synthkit/core';
import { TrainingDivergedError } from '@synthkit/neural';
import { describe, expect, it } from 'vitest';
import { csvView } from '../../neural/test/csv-view.js';
import {
  column,
  fitPlugin,
  expectSameArrays as sameArrays,
  sampleAll,
} from '../../neural/test/model-helpers.js';
import { resumeTvae, tvae } from './plugin.js';
import type { TvaeModel } from './tvae-model.js';

const view = csvView('adult', 300, ['age', 'workclass', 'education', 'sex', 'hours-per-week', 'income']);
const small = {
  epochs: 2,
  batchSize: 64,
  embeddingDim: 16,
  compressDims: [32, 32],
  decompressDims: [32, 32],
  backend: 'cpu',
};

async function fit(overrides: Record<string, unknown> = {}, data: ViewTable = view, seed = 1) {
  const plugin = tvae({ ...small, ...overrides });
  return { ...(await fitPlugin<TvaeModel>(plugin as never, data, seed)), plugin };
}

describe('tvae', () => {
  it('lowers its loss over epochs with a flat tensor count, and samples the fitted columns', async () => {
    const { model, events, tensors } = await fit({ epochs: 8 });
    const losses = events.filter((e) => e.stage === 'epoch').map((e) => e.metrics!.loss!);
    expect(losses).toHaveLength(8);
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.8);
    expect(new Set(tensors).size).toBe(1);
    const parts = await sampleAll(model, 250, 7, [], 100);
    expect(parts.map((p) => p.nRows)).toEqual([100, 100, 50]);
    expect(parts[0]!.columns.map((c) => c.name)).toEqual(view.columns.map((c) => c.name));
    const age = column(parts, 'age');
    expect(age.every(Number.isFinite)).toBe(true);
    // Decoded ages stay within the modes' ±4σ range around the data.
    expect(Math.min(...age)).toBeGreaterThan(-50);
    expect(Math.max(...age)).toBeLessThan(200);
    model.dispose();
  });

  it('is deterministic on the cpu backend and saves/loads bit-exactly', async () => {
    const a = await fit();
    const b = await fit();
    sameArrays(a.model.save(), b.model.save());
    const state = a.model.save();
    const loaded = (await a.plugin.load(
      { json: JSON.parse(JSON.stringify(state.json)), arrays: state.arrays },
      parseOptions(a.plugin.options),
    )) as TvaeModel;
    sameArrays(loaded.save(), state);
    expect(column(await sampleAll(loaded, 120, 7, [], 100), 'hours-per-week')).toEqual(
      column(await sampleAll(b.model, 120, 7, [], 100), 'hours-per-week'),
    );
  });

  it('resumes exactly where an uninterrupted run would be', async () => {
    const straight = await fit({ epochs: 3, resumable: true });
    const first = await fit({ epochs: 2, resumable: true });
    const resumed = await resumeTvae(
      first.model.save(),
      view,
      { ...small, epochs: 3, resumable: true },
      { rng: new Rng(1), progress: () => {} },
    );
    sameArrays(resumed.save(), straight.model.save());
  });

  it('stops early on the held-out loss when asked', async () => {
    const { events } = await fit({ epochs: 40, earlyStoppingPatience: 1, learningRate: 5e-2 });
    const epochs = events.filter((e) => e.stage === 'epoch');
    expect(epochs.length).toBeLessThan(40);
    expect(Number.isFinite(epochs[0]!.metrics!.validation)).toBe(true);
  });

  it('stops with TRAINING_DIVERGED and keeps the last good state', async () => {
    const err = await fit({ epochs: 5, learningRate: 1e12, l2scale: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingDivergedError);
    const diverged = err as TrainingDivergedError;
    expect(diverged.code).toBe('TRAINING_DIVERGED');
    expect(diverged.state).toBeDefined();
    const weights = diverged.state!.arrays['network.weights'] as Float32Array;
    expect(weights.every(Number.isFinite)).toBe(true);
    expect((diverged.state!.json as { epochs: number }).epochs).toBe(diverged.lastGoodEpoch);
  });

  it('handles tables with only continuous or only discrete columns, and rejects one row', async () => {
    const numeric = await fit({ epochs: 1 }, csvView('adult', 100, ['age', 'fnlwgt']));
    expect(column(await sampleAll(numeric.model, 10), 'fnlwgt')).toHaveLength(10);
    const discrete = await fit({ epochs: 1, batchSize: 1000 }, csvView('adult', 100, ['sex', 'race']));
    expect(column(await sampleAll(discrete.model, 10), 'race')).toHaveLength(10);
    const one: ViewTable = {
      nRows: 1,
      columns: [{ kind: 'discrete', name: 'd', codes: Int32Array.of(0), labels: ['a'] }],
    };
    await expect(fit({}, one)).rejects.toMatchObject({ code: 'NO_ROWS' });
    await expect(fit({ backend: 'tensorflow-gpu' })).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
  });
});
