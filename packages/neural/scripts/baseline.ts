import { tf } from '@synthkit/neural';

/** ms per 500×256·256×256 matMul, measured in the calling process: the yardstick for ms/step ratios. */
export function matmulBaselineMs(reps = 30): number {
  const a = tf.randomNormal([500, 256]);
  const b = tf.randomNormal([256, 256]);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    tf.tidy(() => {
      tf.matMul(a, b).dataSync();
    });
    times.push(performance.now() - t);
  }
  a.dispose();
  b.dispose();
  return median(times);
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
