import * as tf from '@tensorflow/tfjs';

/** x·W + b. Its matMul gradient is the explicit-transpose one installed by selectBackend. */
export function dense(x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  return tf.add(tf.matMul(x, w as tf.Tensor2D), b);
}

/**
 * LeakyReLU written as ((1+a)/2)·x + ((1−a)/2)·|x|: tfjs has no second-order gradient through
 * leakyRelu/maximum/where ("gradient function not found for Greater"), which WGAN-GP needs.
 */
export function leakyRelu(x: tf.Tensor2D, alpha = 0.2): tf.Tensor2D {
  return tf.add(tf.mul(x, (1 + alpha) / 2), tf.mul(tf.abs(x), (1 - alpha) / 2));
}

/**
 * Batch normalisation in training mode (Ioffe & Szegedy, 2015): batch statistics, biased variance;
 * returns them for the running averages used at inference. Written from means and rsqrt because
 * tfjs's batchNorm gradient tiles its inputs (slow on wasm).
 */
export function batchNormTrain(
  x: tf.Tensor2D,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  eps = 1e-5,
): { y: tf.Tensor2D; mean: tf.Tensor2D; variance: tf.Tensor2D } {
  const mean = columnMean(x);
  const centred: tf.Tensor2D = tf.sub(x, mean);
  const variance = columnMean(tf.square(centred));
  const scale = tf.mul(tf.rsqrt(tf.add(variance, eps)), gamma);
  return { y: tf.add(tf.mul(centred, scale), beta) as tf.Tensor2D, mean, variance };
}

/** Batch normalisation with fixed (running) statistics, as at inference. */
export function batchNormEval(
  x: tf.Tensor2D,
  mean: tf.Tensor,
  variance: tf.Tensor,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  eps = 1e-5,
): tf.Tensor2D {
  const scale = tf.mul(tf.rsqrt(tf.add(variance, eps)), gamma);
  return tf.add(tf.mul(tf.sub(x, mean), scale), beta) as tf.Tensor2D;
}

/** Inverted dropout with a precomputed mask of 0 and 1/(1−p) (drawn from the run's Rng). */
export function dropout(x: tf.Tensor2D, mask: tf.Tensor2D | undefined): tf.Tensor2D {
  return mask ? (tf.mul(x, mask) as tf.Tensor2D) : x;
}

/**
 * Mean over rows as a (1 × n)·(n × k) product: tfjs-wasm reduces along axis 0 by transposing
 * first, several times slower than one small matMul (and its gradient is a matMul too).
 */
export function columnMean(x: tf.Tensor2D): tf.Tensor2D {
  const n = x.shape[0];
  return tf.matMul(tf.fill([1, n], 1 / n), x);
}
