import { dense, tf } from '@synthkit/neural';
import type { DenoiserArchitecture } from '../denoiser/architecture.js';
import { sinusoidFrequencies } from '../denoiser/weights.js';

/**
 * The denoiser's forward pass in tfjs, the same graph `denoiserToOnnx` writes (so the ONNX export
 * reproduces it): the sinusoid is computed in float32 from t, as the ONNX graph does.
 */
export function tfDenoiser(
  a: DenoiserArchitecture,
  p: Readonly<Record<string, tf.Tensor>>,
  x: tf.Tensor2D,
  t: tf.Tensor1D,
  /** One-hot class rows [N, classes]: a matmul with the table instead of gather, whose gradient
   * (UnsortedSegmentSum) tfjs-wasm lacks; the product with a one-hot row is exact. */
  yOneHot?: tf.Tensor2D,
): tf.Tensor2D {
  const freqs = tf.tensor2d(sinusoidFrequencies(a.timeDim), [1, a.timeDim / 2]);
  const args = tf.mul(tf.reshape(t, [-1, 1]), freqs) as tf.Tensor2D;
  const sinusoid = tf.concat([tf.cos(args), tf.sin(args)], 1);
  const layer = (h: tf.Tensor2D, name: string): tf.Tensor2D =>
    dense(h, p[`${name}.kernel`]!, p[`${name}.bias`]!);
  let emb = layer(silu(layer(sinusoid, 'timeMlp1')), 'timeMlp2');
  if (yOneHot && a.numClasses) emb = tf.add(emb, silu(tf.matMul(yOneHot, p.labelEmbedding as tf.Tensor2D)));
  let h = tf.add(layer(x, 'proj'), emb) as tf.Tensor2D;
  for (let i = 0; i < a.hidden.length; i++) {
    const z = layer(h, `hidden${i}`);
    h = a.activation === 'relu' ? tf.relu(z) : silu(z);
  }
  return layer(h, 'head');
}

function silu(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(x, tf.sigmoid(x));
}
