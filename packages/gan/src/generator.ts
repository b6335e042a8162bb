import type { Rng } from '@synthkit/core';
import { batchNormTrain, dense, ParamSet, type ParamSpec, tf } from '@synthkit/neural';

/**
 * CTGAN's generator (Xu et al., 2019, Appendix): residual blocks h = [ReLU(BN(FC(x))), x] of the
 * given widths, then a linear layer to the raw network-layout output (activations are applied by
 * the caller: tanh for α, Gumbel-softmax for the one-hots).
 */
export function generatorSpecs(inputDim: number, hidden: readonly number[], outputDim: number): ParamSpec[] {
  const specs: ParamSpec[] = [];
  let d = inputDim;
  hidden.forEach((h, i) => {
    specs.push({ name: `res${i}.w`, shape: [d, h], init: { kind: 'uniform', fanIn: d } });
    specs.push({ name: `res${i}.b`, shape: [h], init: { kind: 'uniform', fanIn: d } });
    specs.push({ name: `res${i}.gamma`, shape: [h], init: { kind: 'constant', value: 1 } });
    specs.push({ name: `res${i}.beta`, shape: [h], init: { kind: 'constant', value: 0 } });
    d += h;
  });
  specs.push({ name: 'out.w', shape: [d, outputDim], init: { kind: 'uniform', fanIn: d } });
  specs.push({ name: 'out.b', shape: [outputDim], init: { kind: 'uniform', fanIn: d } });
  return specs;
}

export function createGenerator(
  inputDim: number,
  hidden: readonly number[],
  outputDim: number,
  rng: Rng,
): ParamSet {
  return new ParamSet(generatorSpecs(inputDim, hidden, outputDim), rng);
}

/** Batch normalisation uses the statistics of the batch, in training and in sampling alike. */
export function generatorForward(params: ParamSet, nHidden: number, input: tf.Tensor2D): tf.Tensor2D {
  const p = params.views();
  let x = input;
  for (let i = 0; i < nHidden; i++) {
    const h = dense(x, p[`res${i}.w`]!, p[`res${i}.b`]!);
    const y = batchNormTrain(h, p[`res${i}.gamma`]!, p[`res${i}.beta`]!);
    x = tf.concat([tf.relu(y), x], 1);
  }
  return dense(x, p['out.w']!, p['out.b']!);
}
