import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './select-backend.js';

describe('selectBackend', () => {
  it('refuses tensorflow-gpu on a machine without it, saying what to do', async () => {
    const err = await selectBackend('tensorflow-gpu').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect((err as { hint: string }).hint).toMatch(/--backend wasm/);
  });

  it('rejects unknown names', async () => {
    await expect(selectBackend('gpu' as never)).rejects.toMatchObject({ code: 'BAD_OPTION' });
  });

  it('starts wasm and cpu, and auto falls back to wasm without tfjs-node', async () => {
    expect((await selectBackend('cpu')).name).toBe('cpu');
    expect((await selectBackend('wasm')).name).toBe('wasm');
    const auto = await selectBackend('auto');
    expect(['tensorflow', 'wasm']).toContain(auto.name);
    expect(tf.getBackend()).toBe(auto.name);
  });

  it('keeps matMul gradients equal to the stock ones (explicit transposes) and second order working', async () => {
    await selectBackend('cpu');
    const a = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const b = tf.tensor2d([0.5, -1, 2, 1, 0, 3], [3, 2]);
    const [ga, gb] = tf.grads((x: tf.Tensor, y: tf.Tensor) =>
      tf.sum(tf.square(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D))),
    )([a, b]);
    // d/dA sum((AB)²) = 2(AB)Bᵀ, d/dB = 2Aᵀ(AB)
    const ab = tf.matMul(a, b);
    expect(ga!.arraySync()).toEqual(tf.mul(tf.matMul(ab, b.transpose()), 2).arraySync());
    expect(gb!.arraySync()).toEqual(tf.mul(tf.matMul(a.transpose(), ab), 2).arraySync());
    // Second order: d/dx of sum(d/dx sum((xW)²)) is defined (WGAN-GP needs it).
    const w = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const g2 = tf.grad((x: tf.Tensor) =>
      tf.sum(tf.grad((y: tf.Tensor) => tf.sum(tf.square(tf.matMul(y as tf.Tensor2D, w))))(x)),
    )(tf.ones([1, 2]));
    expect(g2.shape).toEqual([1, 2]);
  });
});
