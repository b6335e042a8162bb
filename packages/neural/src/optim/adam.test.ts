import { Rng } from '@synthkit/core';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { ParamSet } from '../params/param-set.js';
import { Adam } from './adam.js';

describe('Adam', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });

  it('takes the PyTorch Adam step (ε after the bias-corrected root, L2 added to the gradient)', () => {
    const params = new ParamSet(
      [{ name: 'w', shape: [2], init: { kind: 'constant', value: 1 } }],
      new Rng(1),
    );
    const adam = new Adam(params, {
      learningRate: 0.1,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
      weightDecay: 0.5,
    });
    const grad = tf.tensor1d([2, -4]);
    adam.apply({ [params.variables[0]!.name]: grad });
    // Step 1: g = grad + 0.5·w; m̂ = g, v̂ = g², so the update is lr·g/(|g|+ε) ≈ lr·sign(g).
    const w = params.read();
    expect(w[0]).toBeCloseTo(1 - 0.1, 6);
    expect(w[1]).toBeCloseTo(1 + 0.1, 6);
    const state = adam.state();
    expect(state.step).toBe(1);
    expect(state.m[0]).toBeCloseTo(0.1 * 2.5, 6);
    const other = new Adam(params, { learningRate: 0.1, beta1: 0.9, beta2: 0.999 });
    other.load(state);
    expect(other.state()).toEqual(state);
  });
});
