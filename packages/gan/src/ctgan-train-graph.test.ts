import { type ProgressEvent, parseOptions, Rng, type ViewTable } from '@synthkit/core';
import {
  ConditionalSampler,
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
import type { CtganModel } from './ctgan-model.js';
import { type CtganLosses, CtganNetwork, type CtganShape, conditionTargets } from './ctgan-network.js';
import { CtganOnnxTrainer } from './ctgan-onnx-trainer.js';
import { drawStepInputs, type StepSource } from './ctgan-step-inputs.js';
import { ctgan, resumeCtgan } from './plugin.js';

const adult = csvView('adult', 300, ['age', 'workclass', 'education', 'sex', 'hours-per-week', 'income']);
const shape: CtganShape = {
  embeddingDim: 16,
  generatorDim: [24, 20],
  discriminatorDim: [24, 16],
  pac: 5,
  tau: 0.2,
};
const BATCH = 60;
const LAMBDA = 10;

function network(view: ViewTable, s: CtganShape) {
  const encoder = TabularEncoder.fit(view);
  const layout = new NetworkLayout(encoder);
  const sampler = ConditionalSampler.fromView(view);
  const net = new CtganNetwork(
    s,
    layout,
    sampler.dim,
    conditionTargets(encoder, sampler, layout),
    new Rng(3),
    {
      lrG: 2e-4,
      lrD: 2e-4,
      decayG: 1e-6,
      decayD: 1e-6,
    },
  );
  const source: StepSource = {
    shape: s,
    layout,
    condDim: sampler.dim,
    condTargets: net.condTargets,
    data: encoder.transform(view, new Rng(4)),
    nRows: view.nRows,
    sampler,
  };
  return { net, source };
}

/** `steps` iterations from the same weights and random inputs: tfjs (cpu backend) against onnxruntime. */
async function compareSteps(view: ViewTable, steps: number, s = shape, criticSteps = 1) {
  await selectBackend('cpu');
  const ort = (await loadOrt())!;
  const { net, source } = network(view, s);
  const initial = net.checkpoint();
  const inputs = Array.from({ length: steps }, (_, k) =>
    drawStepInputs(source, BATCH, criticSteps, new Rng(100 + k)),
  );
  const tfjsLosses: CtganLosses[] = inputs.map((i) => net.step(i, LAMBDA));
  const tfjs = net.checkpoint();
  net.restore(initial);
  const trainer = await CtganOnnxTrainer.open(ort, net, BATCH, criticSteps, LAMBDA);
  const onnxLosses: CtganLosses[] = [];
  for (const i of inputs) onnxLosses.push(await trainer.step(i));
  trainer.sync();
  await trainer.release();
  const onnx = net.checkpoint();
  net.dispose();
  return { tfjs, onnx, tfjsLosses, onnxLosses, initial };
}

/**
 * Every gradient agrees (Adam's moments hold them) to float32 rounding, relative to the largest.
 * Adam moves a weight by up to lr = 2e-4 per step whatever the size of its gradient, so where a
 * gradient is float noise (the generator's block biases: batch norm subtracts them out) or near
 * zero the engines may step apart by up to lr: a few weights may differ by that, no more.
 */
function expectSameUpdate(r: Awaited<ReturnType<typeof compareSteps>>, tolerance: number, steps: number) {
  expect(relativeDiff(r.onnx.ad.m, r.tfjs.ad.m)).toBeLessThan(tolerance);
  expect(relativeDiff(r.onnx.ad.v, r.tfjs.ad.v)).toBeLessThan(tolerance);
  expect(relativeDiff(r.onnx.ag.m, r.tfjs.ag.m)).toBeLessThan(tolerance);
  expect(relativeDiff(r.onnx.ag.v, r.tfjs.ag.v)).toBeLessThan(tolerance);
  for (const k of ['d', 'g'] as const) {
    expect(maxAbsDiff(r.onnx[k], r.tfjs[k])).toBeLessThan(2 * 2e-4 * steps);
    expect(countAbove(r.onnx[k], r.tfjs[k], 1e-6)).toBeLessThan(r.onnx[k].length / 100);
  }
  expect(relativeDiff(r.onnx.bn, r.tfjs.bn)).toBeLessThan(1e-3);
  expect(r.onnx.ad.step).toBe(r.tfjs.ad.step);
  expect(r.onnx.ag.step).toBe(r.tfjs.ag.step);
}

describe('ctgan training iteration on onnxruntime', () => {
  it('computes the losses and gradients of the tfjs step, gradient penalty included', async () => {
    const one = await compareSteps(adult, 1);
    const [t, o] = [one.tfjsLosses[0]!, one.onnxLosses[0]!];
    expect(o.lossD).toBeCloseTo(t.lossD, 5);
    expect(o.penalty).toBeCloseTo(t.penalty, 4);
    expect(o.lossG).toBeCloseTo(t.lossG, 4);
    expect(o.conditionLoss).toBeCloseTo(t.conditionLoss, 4);
    // The penalty is not trivially zero: its second-order gradient is part of what is compared.
    expect(t.penalty).toBeGreaterThan(0.1);
    expect(maxAbsDiff(one.onnx.d, one.initial.d)).toBeGreaterThan(1e-4);
    expectSameUpdate(one, 2e-5, 1);
    expect(maxAbsDiff(one.onnx.d, one.tfjs.d)).toBeLessThan(1e-5);
  });

  it('stays with tfjs over several iterations and with several critic steps', async () => {
    const three = await compareSteps(adult, 3, shape, 2);
    for (let k = 0; k < 3; k++) {
      expect(three.onnxLosses[k]!.lossD).toBeCloseTo(three.tfjsLosses[k]!.lossD, 4);
      expect(three.onnxLosses[k]!.lossG).toBeCloseTo(three.tfjsLosses[k]!.lossG, 3);
    }
    expect(three.onnx.ad.step).toBe(6);
    expectSameUpdate(three, 1e-4, 3);
  });

  it('matches tfjs on tables with only continuous or only discrete columns', async () => {
    const numeric = await compareSteps(csvView('adult', 300, ['age', 'fnlwgt']), 2);
    expectSameUpdate(numeric, 2e-5, 2);
    expect(numeric.onnxLosses[1]!.conditionLoss).toBe(0);
    const discrete = await compareSteps(csvView('adult', 300, ['sex', 'race']), 2);
    expectSameUpdate(discrete, 2e-5, 2);
  });

  it('trains through the plugin: same seed same model, resumes exactly, keeps the last good state on divergence', async () => {
    const options = {
      ...shape,
      generatorDim: [...shape.generatorDim],
      discriminatorDim: [...shape.discriminatorDim],
      batchSize: BATCH,
      backend: 'wasm',
      engine: 'onnx',
    };
    const ctx = (events: ProgressEvent[] = []) => ({
      rng: new Rng(1),
      progress: (e: ProgressEvent) => events.push(e),
    });
    const fit = (overrides: Record<string, unknown>, events?: ProgressEvent[]) => {
      const plugin = ctgan({ ...options, ...overrides });
      return plugin.fit(adult, parseOptions(plugin.options), ctx(events)) as Promise<CtganModel>;
    };
    const events: ProgressEvent[] = [];
    const a = await fit({ epochs: 3, resumable: true }, events);
    expect(events.at(-1)!.message).toContain('onnxruntime');
    const epochs = events.filter((e) => e.stage === 'epoch');
    expect(epochs).toHaveLength(3);
    for (const e of epochs) expect(Number.isFinite(e.metrics!.penalty)).toBe(true);
    const b = await fit({ epochs: 3, resumable: true });
    expectSameArrays(a.save(), b.save());
    const first = await fit({ epochs: 2, resumable: true });
    const resumed = await resumeCtgan(first.save(), adult, { ...options, epochs: 3, resumable: true }, ctx());
    expectSameArrays(resumed.save(), a.save());
    // Same artifact layout as a tfjs-trained model: either engine's model loads and samples the same way.
    const tfjs = await fit({ epochs: 1, engine: 'tfjs', resumable: true });
    expect(Object.keys(a.save().arrays).sort()).toEqual(Object.keys(tfjs.save().arrays).sort());
    expect(column(await sampleAll(a, 50), 'age').every(Number.isFinite)).toBe(true);

    const err = await fit({ epochs: 4, generatorLr: 1e12, discriminatorLr: 1e12 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingDivergedError);
    const state = (err as TrainingDivergedError).state!;
    for (const values of Object.values(state.arrays))
      expect((values as Float32Array).every(Number.isFinite)).toBe(true);
    for (const m of [a, b, first, resumed, tfjs]) m.dispose();
  });
});
