import * as tf from '@tensorflow/tfjs';

let installed = false;

/**
 * Replaces tfjs's BatchMatMul gradient with one that transposes explicitly. tfjs-wasm's matMul with
 * the transposeA/transposeB flags runs at 2-3 GFLOP/s against 20-35 without them (measured here;
 * see the README), and the stock gradient uses the flags. The
 * result is the same product, so other tfjs code in the process only gets faster. The gradient is
 * built from differentiable ops, so second-order gradients (WGAN-GP) still work, and it stays lazy
 * per input (a product with a constant never computes that constant's gradient).
 */
export function installFastMatMulGradient(): void {
  if (installed) return;
  installed = true;
  tf.registerGradient({
    kernelName: 'BatchMatMul',
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved, attrs) => {
      const [a, b] = saved as [tf.Tensor, tf.Tensor];
      const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
      const t = (x: tf.Tensor): tf.Tensor => (x.rank === 3 ? tf.transpose(x, [0, 2, 1]) : tf.transpose(x));
      const g = dy as tf.Tensor;
      if (!transposeA && !transposeB) return { a: () => tf.matMul(g, t(b)), b: () => tf.matMul(t(a), g) };
      if (!transposeA && transposeB) return { a: () => tf.matMul(g, b), b: () => tf.matMul(t(g), a) };
      if (transposeA && !transposeB) return { a: () => tf.matMul(b, t(g)), b: () => tf.matMul(a, g) };
      return { a: () => tf.matMul(t(b), t(g)), b: () => tf.matMul(t(g), t(a)) };
    },
  });
}
