import { Rng } from '@synthkit/core';
import { tf } from '@synthkit/neural';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { loadAdultView } from '../../test/adult-view.js';
import type { DenoiserArchitecture } from '../denoiser/architecture.js';
import { denoiserToOnnx } from '../denoiser/onnx-denoiser.js';
import { type DenoiserWeights, denseLayers } from '../denoiser/weights.js';
import { encodeView, fitSidecar } from '../encoder/fit-sidecar.js';
import { sidecarLayout } from '../encoder/sidecar.js';
import { cosineSchedule } from '../schedule/noise-schedule.js';
import { tfDenoiser } from './tf-denoiser.js';
import { trainDenoiser } from './train-denoiser.js';

function tensorsOf(w: DenoiserWeights): Record<string, tf.Tensor> {
  const out: Record<string, tf.Tensor> = {};
  for (const [name, d] of denseLayers(w)) {
    out[`${name}.kernel`] = tf.tensor2d(d.kernel, [d.inDim, d.outDim]);
    out[`${name}.bias`] = tf.tensor1d(d.bias);
  }
  if (w.labelEmbedding)
    out.labelEmbedding = tf.tensor2d(w.labelEmbedding.table, [w.labelEmbedding.numClasses, w.timeDim]);
  return out;
}

describe('ONNX export of the trained denoiser', () => {
  it('gives the same outputs in onnxruntime-node as in tfjs (max |diff| ≤ 1e-4), int64 and float32 t', async () => {
    const view = await loadAdultView(3000);
    const sidecar = fitSidecar(view, { kind: 'cosine', T: 1000 }, 'income');
    const layout = sidecarLayout(sidecar);
    const arch: DenoiserArchitecture = {
      width: layout.width,
      timeDim: 128,
      hidden: [256, 256, 256, 256],
      activation: 'relu',
      numClasses: 2,
    };
    const trained = await trainDenoiser(
      encodeView(view, layout),
      layout,
      cosineSchedule(1000),
      arch,
      {
        iterations: 6,
        batchSize: 512,
        learningRate: 0.002,
        weightDecay: 1e-4,
        emaDecay: 0.5,
        backend: 'wasm',
      },
      { rng: new Rng(4), progress: () => {} },
    );
    const rows = 256;
    const rng = new Rng(9);
    const x = Float32Array.from({ length: rows * layout.width }, () => rng.normal());
    const t = Int32Array.from({ length: rows }, () => rng.int(1000));
    const y = Int32Array.from({ length: rows }, () => rng.int(2));
    const expected = tf.tidy(() => {
      const p = tensorsOf(trained.weights);
      return tfDenoiser(
        arch,
        p,
        tf.tensor2d(x, [rows, layout.width]),
        tf.tensor1d(Float32Array.from(t)),
        tf.oneHot(tf.tensor1d(y, 'int32'), 2).toFloat() as tf.Tensor2D,
      ).dataSync();
    }) as Float32Array;
    for (const timeInput of ['int64', 'float32'] as const) {
      const session = await ort.InferenceSession.create(denoiserToOnnx(trained.weights, { timeInput }));
      const feeds = {
        x_t: new ort.Tensor('float32', x, [rows, layout.width]),
        t:
          timeInput === 'int64'
            ? new ort.Tensor('int64', BigInt64Array.from(t, BigInt), [rows])
            : new ort.Tensor('float32', Float32Array.from(t), [rows]),
        y: new ort.Tensor('int64', BigInt64Array.from(y, BigInt), [rows]),
      };
      const got = (await session.run(feeds)).out!.data as Float32Array;
      await session.release();
      let worst = 0;
      let scale = 0;
      for (let i = 0; i < got.length; i++) {
        worst = Math.max(worst, Math.abs(got[i]! - expected[i]!));
        scale = Math.max(scale, Math.abs(expected[i]!));
      }
      expect(got.length).toBe(rows * layout.width);
      expect(scale).toBeGreaterThan(0.1); // the comparison is between non-trivial outputs
      expect(worst, timeInput).toBeLessThanOrEqual(1e-4);
    }
  }, 60_000);
});
