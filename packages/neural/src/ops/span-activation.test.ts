import { Rng } from '@synthkit/core';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvView } from '../../test/csv-view.js';
import { selectBackend } from '../backend/select-backend.js';
import { TabularEncoder } from '../encoder/tabular-encoder.js';
import { NetworkLayout } from '../layout/network-layout.js';
import { leakyRelu } from './layers.js';
import { activateSpans, paddingMask, spanLogSoftmax } from './span-activation.js';

describe('span activations', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });
  const layout = new NetworkLayout(TabularEncoder.fit(csvView('adult', 300)));

  it('softmaxes every span to 1, keeps padding at exactly 0 and α in [−1, 1]', () => {
    const rng = new Rng(1);
    const x = tf.tensor2d(
      Float32Array.from({ length: 20 * layout.dim }, () => rng.normal() * 3),
      [20, layout.dim],
    );
    const mask = paddingMask(layout);
    const out = activateSpans(x, layout, mask, {
      noise: tf.zeros([20, layout.dim - layout.tanhCount]),
      tau: 0.2,
    }).arraySync();
    for (const row of out) {
      for (let t = 0; t < layout.tanhCount; t++) expect(Math.abs(row[t]!)).toBeLessThanOrEqual(1);
      for (const b of layout.buckets)
        for (let s = 0; s < b.count; s++) {
          let sum = 0;
          for (let c = 0; c < b.width; c++) sum += row[b.start + s * b.width + c]!;
          expect(sum).toBeCloseTo(1, 5);
        }
      layout.padding.forEach((p, j) => {
        if (p) expect(row[layout.tanhCount + j]).toBe(0);
      });
    }
    // Without Gumbel noise and temperature, exp(spanLogSoftmax) is the plain span softmax.
    const logp = spanLogSoftmax(x, layout, mask).arraySync();
    const plain = activateSpans(x, layout, mask).arraySync();
    for (let j = 0; j < 10; j++)
      expect(Math.exp(logp[0]![j]!)).toBeCloseTo(plain[0]![layout.tanhCount + j]!, 5);
  });

  it('leakyRelu is LeakyReLU(0.2) and has a second-order gradient', () => {
    const y = leakyRelu(tf.tensor2d([[-1, 2]])).arraySync();
    expect(y[0]![0]).toBeCloseTo(-0.2, 6);
    expect(y[0]![1]).toBeCloseTo(2, 6);
    const g2 = tf.grad((x: tf.Tensor) =>
      tf.sum(tf.square(tf.grad((y: tf.Tensor) => tf.sum(tf.square(leakyRelu(y as tf.Tensor2D))))(x))),
    )(tf.tensor2d([[-1, 2]]));
    // f = Σ (d/dy Σ leaky(y)²)² = Σ (2·s²·y)², s = slope: gradient 8·s⁴·y → [−0.0128, 16]
    const v = g2.arraySync() as number[][];
    expect(v[0]![0]).toBeCloseTo(-0.0128, 6);
    expect(v[0]![1]).toBeCloseTo(16, 5);
  });
});
