import type { Rng } from '@synthkit/core';

/** Every random number a network uses comes from the run's Rng, so a seed fixes the whole run. */
export function fillNormal(rng: Rng, out: Float32Array): Float32Array {
  for (let i = 0; i < out.length; i++) out[i] = rng.normal();
  return out;
}

/** Standard Gumbel draws −log(−log u) (for Gumbel-softmax). */
export function fillGumbel(rng: Rng, out: Float32Array): Float32Array {
  for (let i = 0; i < out.length; i++) out[i] = -Math.log(-Math.log(rng.nextOpen()));
  return out;
}

/** Inverted-dropout mask: 0 with probability p, else 1/(1−p); 32 mask bits per Rng draw when p = 0.5. */
export function fillDropoutMask(rng: Rng, p: number, out: Float32Array): Float32Array {
  const keep = 1 / (1 - p);
  if (p === 0.5) {
    for (let i = 0; i < out.length; i += 32) {
      const bits = rng.nextUint32();
      const end = Math.min(32, out.length - i);
      for (let b = 0; b < end; b++) out[i + b] = (bits >>> b) & 1 ? keep : 0;
    }
    return out;
  }
  for (let i = 0; i < out.length; i++) out[i] = rng.next() < p ? 0 : keep;
  return out;
}
