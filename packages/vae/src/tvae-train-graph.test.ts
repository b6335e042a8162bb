import { type ProgressEvent, parseOptions, Rng, type ViewTable } from '@synthkit/core';
import {
  loadOrt,
  NetworkLayout,
  selectBackend,
  TabularEncoder,
  TrainingDivergedError,
} from '@synthkit/neural';
import { describe, expect, it } from 'vitest';
import { csvView } from '../../neural/test/csv-view.js';
import {
  column,
  countAbove,
  expectSameArrays,
  maxAbsDiff,
  relativeDiff,
  sampleAll,
} from '../../neural/test/model-helpers.js';
import { resumeTvae, tvae } from './plugin.js';
import type { TvaeModel } from './tvae-model.js';
import { TvaeNetwork } from './tvae-network.js';
import { TvaeOnnxTrainer } from './tvae-onnx-trainer.js';

const adult = csvView('adult', 300, ['age', 'workclass', 'education', 'sex', 'hours-per-week', 'income']);
const shape = { embeddingDim: 16, compressDims: [32, 24], decompressDims: [24, 32], lossFactor: 2 };

function network(view: ViewTable) {
  const encoder = TabularEncoder.fit(view);
  const layout = new NetworkLayout(encoder);
  const net = new TvaeNetwork(shape, layout, new Rng(3), { learningRate: 1e-3, weightDecay: 1e-5 });
  const rows = layout.gather(encoder.transform(view, new Rng(4)), new Rng(5).permutation(view.nRows));
  return { net, rows, dim: layout.dim };
}

/** Steps of `n` rows from the same weights, batches and noise: tfjs (cpu backend) against onnxruntime. */
async function compareSteps(view: ViewTable, steps: number, n = 100) {
  await selectBackend('cpu');
  const ort = (await loadOrt())!;
  const { net, rows, dim } = network(view);
  const w0 = net.params.read();
  const a0 = net.adam.state();
  const batch = (s: number) =>
    rows.subarray(((s * n) % (view.nRows - n)) * dim, (((s * n) % (view.nRows - n)) + n) * dim);
  const tfjsLosses = [];
  let rng = new Rng(9);
  for (let s = 0; s < steps; s++) tfjsLosses.push(net.step(batch(s), n, rng));
  const tfjs = { w: net.params.read(), ...net.adam.state() };
  net.params.write(w0);
  net.adam.load(a0);
  const trainer = await TvaeOnnxTrainer.open(ort, net);
  const onnxLosses = [];
  rng = new Rng(9);
  for (let s = 0; s < steps; s++) onnxLosses.push(await trainer.step(batch(s), n, rng));
  const onnx = trainer.checkpoint();
  await trainer.release();
  net.dispose();
  return { tfjs, onnx, tfjsLosses, onnxLosses, w0 };
}

describe('tvae training step on onnxruntime', () => {
  it('updates weights and Adam moments as the tfjs step does (one step and three steps)', async () => {
    const one = await compareSteps(adult, 1);
    // An Adam step moves each weight by up to lr = 1e-3; the engines differ by float32 rounding only.
    expect(maxAbsDiff(one.onnx.w, one.w0)).toBeGreaterThan(5e-4);
    // Gradients (the first moments are 0.1·g) agree to float32 rounding, relative to the largest
    // (σ's, ~10): measured 2e-7.
    expect(relativeDiff(one.onnx.a.m, one.tfjs.m)).toBeLessThan(2e-6);
    expect(relativeDiff(one.onnx.a.v, one.tfjs.v)).toBeLessThan(2e-6);
    // Adam's first step moves each weight by lr·g/(|g| + ε), so where g ≈ 0 float32 differences
    // could be magnified; with the same noise on both sides every weight agrees within 1e-7.
    expect(maxAbsDiff(one.onnx.w, one.tfjs.w)).toBeLessThan(1e-7);
    expect(one.onnx.a.step).toBe(1);
    expect(one.onnxLosses[0]!.loss).toBeCloseTo(one.tfjsLosses[0]!.loss, 3);
    expect(one.onnxLosses[0]!.kl).toBeCloseTo(one.tfjsLosses[0]!.kl, 4);
    const three = await compareSteps(adult, 3);
    expect(maxAbsDiff(three.onnx.w, three.tfjs.w)).toBeLessThan(1e-4);
    expect(countAbove(three.onnx.w, three.tfjs.w, 1e-6)).toBeLessThan(three.w0.length / 1000);
    expect(three.onnxLosses[2]!.reconstruction).toBeCloseTo(three.tfjsLosses[2]!.reconstruction, 3);
  });

  it('matches tfjs on tables with only continuous or only discrete columns', async () => {
    const numeric = await compareSteps(csvView('adult', 300, ['age', 'fnlwgt']), 2);
    expect(relativeDiff(numeric.onnx.a.m, numeric.tfjs.m)).toBeLessThan(2e-6);
    expect(countAbove(numeric.onnx.w, numeric.tfjs.w, 1e-6)).toBeLessThan(numeric.w0.length / 1000);
    const discrete = await compareSteps(csvView('adult', 300, ['sex', 'race']), 2);
    expect(relativeDiff(discrete.onnx.a.m, discrete.tfjs.m)).toBeLessThan(2e-6);
    expect(countAbove(discrete.onnx.w, discrete.tfjs.w, 1e-6)).toBeLessThan(discrete.w0.length / 1000);
    // σ is not in the loss without continuous columns: left at its initial 0.1, as tfjs leaves it.
    expect(discrete.onnx.w.at(-1)).toBe(discrete.w0.at(-1));
  });

  it('trains through the plugin: loss falls, same seed same model, same artifact format as tfjs', async () => {
    const small = { ...shape, epochs: 8, batchSize: 64, backend: 'wasm', engine: 'onnx' };
    const fit = async (overrides: Record<string, unknown> = {}) => {
      const plugin = tvae({ ...small, ...overrides });
      const events: ProgressEvent[] = [];
      const model = (await plugin.fit(adult, parseOptions(plugin.options), {
        rng: new Rng(1),
        progress: (e) => events.push(e),
      })) as TvaeModel;
      return { model, events };
    };
    const a = await fit();
    const losses = a.events.filter((e) => e.stage === 'epoch').map((e) => e.metrics!.loss!);
    expect(losses).toHaveLength(8);
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.8);
    expect(a.events.at(-1)!.message).toContain('onnxruntime');
    const b = await fit();
    const sa = a.model.save();
    expect(Buffer.from(sa.arrays['network.weights']!.buffer)).toEqual(
      Buffer.from(b.model.save().arrays['network.weights']!.buffer),
    );
    const tfjs = await fit({ engine: 'tfjs', epochs: 1 });
    expect(Object.keys(sa.arrays)).toEqual(Object.keys(tfjs.model.save().arrays));
    expect(Object.keys(sa.json as object).sort()).toEqual(
      Object.keys(tfjs.model.save().json as object).sort(),
    );
    expect(column(await sampleAll(a.model, 50), 'age').every(Number.isFinite)).toBe(true);
    for (const m of [a.model, b.model, tfjs.model]) m.dispose();
  });

  it('resumes, stops early and recovers from divergence on the onnx engine as on tfjs', async () => {
    const options = { ...shape, batchSize: 64, backend: 'wasm', engine: 'onnx' };
    const ctx = () => ({ rng: new Rng(1), progress: () => {} });
    const fit = (overrides: Record<string, unknown>) => {
      const plugin = tvae({ ...options, ...overrides });
      return plugin.fit(adult, parseOptions(plugin.options), ctx()) as Promise<TvaeModel>;
    };
    const straight = await fit({ epochs: 3, resumable: true });
    const first = await fit({ epochs: 2, resumable: true });
    const resumed = await resumeTvae(first.save(), adult, { ...options, epochs: 3, resumable: true }, ctx());
    expectSameArrays(resumed.save(), straight.save());

    const events: ProgressEvent[] = [];
    const plugin = tvae({ ...options, epochs: 40, earlyStoppingPatience: 1, learningRate: 5e-2 });
    await plugin.fit(adult, parseOptions(plugin.options), {
      rng: new Rng(1),
      progress: (e) => events.push(e),
    });
    const epochs = events.filter((e) => e.stage === 'epoch');
    expect(epochs.length).toBeLessThan(40);
    expect(Number.isFinite(epochs[0]!.metrics!.validation)).toBe(true);

    const err = await fit({ epochs: 5, learningRate: 1e12, l2scale: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingDivergedError);
    const state = (err as TrainingDivergedError).state!;
    expect((state.arrays['network.weights'] as Float32Array).every(Number.isFinite)).toBe(true);
    expect((state.json as { epochs: number }).epochs).toBe((err as TrainingDivergedError).lastGoodEpoch);
  });
});
