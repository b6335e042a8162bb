import type { Rng } from '@synthkit/core';
import { dense, dropout, leakyRelu, ParamSet, type ParamSpec, tf } from '@synthkit/neural';

/**
 * CTGAN's critic on PacGAN groups (Lin et al., 2018): `pac` rows are concatenated into one input,
 * then (FC, LeakyReLU 0.2, Dropout 0.5) per hidden width and a linear score.
 */
export function discriminatorSpecs(inputDim: number, hidden: readonly number[]): ParamSpec[] {
  const specs: ParamSpec[] = [];
  let d = inputDim;
  hidden.forEach((h, i) => {
    specs.push({ name: `fc${i}.w`, shape: [d, h], init: { kind: 'uniform', fanIn: d } });
    specs.push({ name: `fc${i}.b`, shape: [h], init: { kind: 'uniform', fanIn: d } });
    d = h;
  });
  specs.push({ name: 'out.w', shape: [d, 1], init: { kind: 'uniform', fanIn: d } });
  specs.push({ name: 'out.b', shape: [1], init: { kind: 'uniform', fanIn: d } });
  return specs;
}

export function createDiscriminator(inputDim: number, hidden: readonly number[], rng: Rng): ParamSet {
  return new ParamSet(discriminatorSpecs(inputDim, hidden), rng);
}

/** Scores of [groups, pac·width] inputs; `views` from params.views() inside the differentiated function. */
export function discriminatorForward(
  views: Record<string, tf.Tensor>,
  nHidden: number,
  x: tf.Tensor2D,
  masks: readonly tf.Tensor2D[],
): tf.Tensor2D {
  let h = x;
  for (let i = 0; i < nHidden; i++)
    h = dropout(leakyRelu(dense(h, views[`fc${i}.w`]!, views[`fc${i}.b`]!), 0.2), masks[i]);
  return dense(h, views['out.w']!, views['out.b']!);
}

/**
 * WGAN-GP penalty (Gulrajani et al., 2017, eq. 3): λ·E[(‖∇D(x̂)‖₂ − 1)²] at x̂ = αx + (1−α)x̃, one α
 * per PacGAN group, the norm taken over the whole group.
 */
export function gradientPenalty(
  views: Record<string, tf.Tensor>,
  nHidden: number,
  real: tf.Tensor2D,
  fake: tf.Tensor2D,
  alpha: tf.Tensor2D,
  masks: readonly tf.Tensor2D[],
  lambda: number,
): tf.Scalar {
  const interp = tf.add(tf.mul(alpha, real), tf.mul(tf.sub(1, alpha), fake)) as tf.Tensor2D;
  const grad = tf.grad((x: tf.Tensor) =>
    tf.sum(discriminatorForward(views, nHidden, x as tf.Tensor2D, masks)),
  )(interp);
  const norm = tf.sqrt(tf.sum(tf.square(grad), 1));
  return tf.mul(tf.mean(tf.square(tf.sub(norm, 1))), lambda) as tf.Scalar;
}
