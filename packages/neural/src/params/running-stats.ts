import { SynthkitError } from '@synthkit/core';
import * as tf from '@tensorflow/tfjs';
import { concatFloat32 } from './concat-float32.js';

/**
 * Running means and variances of batch-norm layers (PyTorch's convention: momentum 0.1, unbiased
 * batch variance), used instead of batch statistics at inference so a sampled row does not depend
 * on the other rows of its batch: a batch in which every row has the same condition would otherwise
 * have that condition's contribution subtracted out by the normalisation.
 */
export class RunningStats {
  readonly means: readonly tf.Variable[];
  readonly variances: readonly tf.Variable[];

  constructor(
    readonly widths: readonly number[],
    readonly momentum = 0.1,
  ) {
    this.means = widths.map((w) => tf.variable(tf.zeros([1, w]), false));
    this.variances = widths.map((w) => tf.variable(tf.ones([1, w]), false));
  }

  /** Folds in one batch's statistics (biased variance of n rows) for layer i. */
  update(i: number, mean: tf.Tensor, biasedVariance: tf.Tensor, n: number): void {
    const m = this.momentum;
    tf.tidy(() => {
      this.means[i]!.assign(tf.add(tf.mul(this.means[i]!, 1 - m), tf.mul(mean, m)));
      const unbiased = tf.mul(biasedVariance, n > 1 ? n / (n - 1) : 1);
      this.variances[i]!.assign(tf.add(tf.mul(this.variances[i]!, 1 - m), tf.mul(unbiased, m)));
    });
  }

  /** Means then variances of every layer, as one array. */
  read(): Float32Array {
    return concatFloat32([...this.means, ...this.variances].map((v) => v.dataSync() as Float32Array));
  }

  write(values: Float32Array): void {
    const all = [...this.means, ...this.variances];
    const size = all.reduce((s, v) => s + v.size, 0);
    if (values.length !== size)
      throw new SynthkitError(
        'BAD_ARTIFACT',
        `Saved batch-norm statistics have ${values.length} values, the network needs ${size}`,
      );
    let o = 0;
    tf.tidy(() => {
      for (const v of all) {
        v.assign(tf.tensor(values.subarray(o, o + v.size), v.shape));
        o += v.size;
      }
    });
  }

  dispose(): void {
    for (const v of [...this.means, ...this.variances]) v.dispose();
  }
}
