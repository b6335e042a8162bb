import { parseOptions, Rng } from '@synthkit/core';
import { fillNormalQuantized, loadOrt } from '@synthkit/neural';
import { describe, expect, it } from 'vitest';
import { csvView } from '../../neural/test/csv-view.js';
import { expectSamplesSingleKindTables, maxAbsDiff } from '../../neural/test/model-helpers.js';
import { tvae } from './plugin.js';
import type { TvaeModel } from './tvae-model.js';

describe('tvae on onnxruntime', () => {
  it('runs the decoder exactly as TensorFlow.js does (float32 tolerance)', async () => {
    const view = csvView('adult', 300, ['age', 'workclass', 'sex', 'hours-per-week', 'income']);
    const plugin = tvae({
      epochs: 2,
      batchSize: 64,
      embeddingDim: 16,
      compressDims: [32],
      decompressDims: [32, 32],
      backend: 'cpu',
    });
    const model = (await plugin.fit(view, parseOptions(plugin.options), {
      rng: new Rng(1),
      progress: () => {},
    })) as TvaeModel;
    const ort = await loadOrt();
    expect(ort).toBeDefined();
    const session = await model.network.decoderSession(ort!);
    const rows = 100;
    const z = fillNormalQuantized(new Rng(2), new Float32Array(rows * 16));
    const viaOrt = await session.run({ z }, rows);
    const viaTf = model.network.generate(z, rows).raw;
    const worst = maxAbsDiff(viaOrt, viaTf);
    expect(worst).toBeLessThan(1e-3);
  });

  it('samples tables with only continuous or only discrete columns through the onnx graph', async () => {
    await expectSamplesSingleKindTables(() =>
      tvae({
        epochs: 1,
        batchSize: 60,
        embeddingDim: 8,
        compressDims: [8],
        decompressDims: [8],
        backend: 'wasm',
      }),
    );
  });
});
