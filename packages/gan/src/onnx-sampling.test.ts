import { parseOptions, Rng } from '@synthkit/core';
import { fillNormalQuantized, loadOrt } from '@synthkit/neural';
import { describe, expect, it } from 'vitest';
import { csvView } from '../../neural/test/csv-view.js';
import { expectSamplesSingleKindTables, maxAbsDiff } from '../../neural/test/model-helpers.js';
import type { CtganModel } from './ctgan-model.js';
import { ctgan } from './plugin.js';

describe('ctgan on onnxruntime', () => {
  it('runs the generator exactly as TensorFlow.js does (float32 tolerance)', async () => {
    const view = csvView('adult', 300, ['age', 'workclass', 'sex', 'hours-per-week', 'income']);
    const plugin = ctgan({
      epochs: 2,
      batchSize: 60,
      pac: 6,
      embeddingDim: 16,
      generatorDim: [24, 24],
      discriminatorDim: [24, 24],
      backend: 'cpu',
    });
    const model = (await plugin.fit(view, parseOptions(plugin.options), {
      rng: new Rng(1),
      progress: () => {},
    })) as CtganModel;
    const ort = await loadOrt();
    expect(ort).toBeDefined();
    const session = await model.network.generatorSession(ort!, undefined, { precision: 'float32' });
    const int8 = await model.network.generatorSession(ort!, undefined, { precision: 'int8' });
    const rows = 100;
    const C = model.sampler.dim;
    const noise = fillNormalQuantized(new Rng(2), new Float32Array(rows * 16));
    const { column, category } = model.sampler.sampleOriginal(rows, new Rng(3));
    const cond = model.sampler.encode(column, category);
    // The graph takes where each row's 1 is and gathers that weight row instead of multiplying.
    const viaOrt = await session.run({ z: noise, c: model.sampler.indices(column, category) }, rows);
    // The same noise through TensorFlow.js: [noise | condition] rows.
    const input = new Float32Array(rows * (16 + C));
    for (let i = 0; i < rows; i++) {
      input.set(noise.subarray(i * 16, (i + 1) * 16), i * (16 + C));
      input.set(cond.subarray(i * C, (i + 1) * C), i * (16 + C) + 16);
    }
    const viaTf = model.network.generate(input, rows);
    const worst = maxAbsDiff(viaOrt, viaTf);
    expect(worst).toBeLessThan(1e-3);
    // int8 weights and activations: close to float32 (a few % of the output range), not equal.
    const viaInt8 = await int8.run({ z: noise, c: model.sampler.indices(column, category) }, rows);
    const range = Math.max(...viaTf.map(Math.abs));
    const int8Error = maxAbsDiff(viaInt8, viaTf);
    expect(int8Error).toBeGreaterThan(0);
    expect(int8Error / range).toBeLessThan(0.05);
  });

  it('samples tables with only continuous or only discrete columns through the onnx graph', async () => {
    await expectSamplesSingleKindTables(() =>
      ctgan({
        epochs: 1,
        batchSize: 60,
        pac: 6,
        embeddingDim: 8,
        generatorDim: [8],
        discriminatorDim: [8],
        backend: 'wasm',
      }),
    );
  });
});
