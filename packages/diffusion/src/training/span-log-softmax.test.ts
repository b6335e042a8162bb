import { selectBackend, tf } from '@synthkit/neural';
import { beforeAll, describe, expect, it } from 'vitest';
import { sidecarLayout } from '../encoder/sidecar.js';
import { spanLogSoftmax } from './span-log-softmax.js';

describe('span log-softmax', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  const layout = sidecarLayout({
    format: 'synthkit-diffusion-encoder',
    version: 1,
    columns: [
      { name: 'v', kind: 'numerical', transform: { kind: 'identity' } },
      { name: 'a', kind: 'categorical', categories: ['x', 'y', 'z', 'w'] },
      { name: 'b', kind: 'categorical', categories: ['p', 'q'] },
      { name: 'c', kind: 'categorical', categories: ['r', 's', 't'] },
    ],
    schedule: { kind: 'cosine', T: 10 },
  });

  it('equals a log-softmax per span, values and gradients, also with spans far apart in scale', () => {
    // span 'b' sits ~200 below the others: a softmax over the whole row would underflow it
    const data = [3, -1, 0.5, 2, -200, -203, 7, 7.5, -40, -0.3, 1, 2, 4, -100, -101, 0, 1, 2];
    const x = tf.tensor2d(data, [2, 9]);
    const perSpan = (v: tf.Tensor2D) =>
      tf.concat(
        [
          tf.logSoftmax(tf.slice(v, [0, 0], [2, 4])),
          tf.logSoftmax(tf.slice(v, [0, 4], [2, 2])),
          tf.logSoftmax(tf.slice(v, [0, 6], [2, 3])),
        ],
        1,
      );
    const w = tf.tensor2d(
      Array.from({ length: 18 }, (_, i) => Math.sin(i)),
      [2, 9],
    );
    const loss = (f: (v: tf.Tensor2D) => tf.Tensor) => (v: tf.Tensor) =>
      tf.sum(tf.mul(f(v as tf.Tensor2D), w));
    const got = spanLogSoftmax(x, layout).arraySync().flat();
    const want = perSpan(x).arraySync().flat();
    for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i]!, 4);
    const gGot = tf
      .grad(loss((v) => spanLogSoftmax(v, layout)))(x)
      .arraySync()
      .flat();
    const gWant = tf.grad(loss(perSpan))(x).arraySync().flat();
    for (let i = 0; i < gWant.length; i++) expect(gGot[i]).toBeCloseTo(gWant[i]!, 5);
  });
});
