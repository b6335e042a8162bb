import type { Rng } from '@synthkit/core';
import {
  batchNormEval,
  batchNormTrain,
  dense,
  ParamSet,
  type ParamSpec,
  type RunningStats,
  tf,
} from '@synthkit/neural';

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

/**
 * With `train`, batch normalisation uses the batch's statistics and folds them into the running
 * ones; without, it uses the running statistics (sampling), so rows do not depend on their batch.
 */
export function generatorForward(
  params: ParamSet,
  stats: RunningStats,
  input: tf.Tensor2D,
  train: boolean,
): tf.Tensor2D {
  const p = params.views();
  let x = input;
  for (let i = 0; i < stats.widths.length; i++) {
    const h = dense(x, p[`res${i}.w`]!, p[`res${i}.b`]!);
    let y: tf.Tensor2D;
    if (train) {
      const bn = batchNormTrain(h, p[`res${i}.gamma`]!, p[`res${i}.beta`]!);
      stats.update(i, bn.mean, bn.variance, h.shape[0]);
      y = bn.y;
    } else
      y = batchNormEval(h, stats.means[i]!, stats.variances[i]!, p[`res${i}.gamma`]!, p[`res${i}.beta`]!);
    x = tf.concat([tf.relu(y), x], 1);
  }
  return dense(x, p['out.w']!, p['out.b']!);
}
