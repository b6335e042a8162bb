import type { Rng } from '@synthkit/core';

const TWO_32 = 4294967296;

/**
 * Standard normal draws for float32 noise (every random number a network uses comes from the run's
 * Rng, so a seed fixes the whole run). Marsaglia's polar method on 32-bit uniforms: float32 noise
 * needs no 53-bit doubles, and this halves the generator draws of Rng.normal (sampling spent a
 * quarter of its time here).
 */
export function fillNormal(rng: Rng, out: Float32Array): Float32Array {
  for (let i = 0; i < out.length; i += 2) {
    let u: number;
    let v: number;
    let s: number;
    do {
      u = ((rng.nextUint32() + 0.5) / TWO_32) * 2 - 1;
      v = ((rng.nextUint32() + 0.5) / TWO_32) * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    out[i] = u * f;
    if (i + 1 < out.length) out[i + 1] = v * f;
  }
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

/** Uniforms in (0, 1) from 32-bit draws (never 0 or 1, safe for a log): noise for ForwardGraph.gaussian. */
export function fillUniformOpen(rng: Rng, out: Float32Array): Float32Array {
  for (let i = 0; i < out.length; i++) out[i] = (rng.nextUint32() + 0.5) / TWO_32;
  return out;
}

/**
 * Standard normals from uniforms in (0, 1) by Box–Muller (Box & Muller, 1958), row by row exactly as
 * the ONNX graphs compute them (ForwardGraph.gaussian, TrainGraph.gaussian): each row of `width`
 * (even) uniforms is two halves u₁, u₂ giving [r·cos θ, r·sin θ], r = √(−2 ln u₁), θ = 2π·u₂; the first
 * `keep` columns of each row are written to out (rows × keep). Training draws its latent noise this
 * way on both engines, so a tfjs and an onnx step from the same Rng see the same noise.
 */
export function boxMuller(
  u: Float32Array,
  rows: number,
  width: number,
  keep = width,
  out = new Float32Array(rows * keep),
): Float32Array {
  const half = width / 2;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < half; j++) {
      const r = Math.sqrt(-2 * Math.log(u[i * width + j]!));
      const theta = 2 * Math.PI * u[i * width + half + j]!;
      if (j < keep) out[i * keep + j] = r * Math.cos(theta);
      if (half + j < keep) out[i * keep + half + j] = r * Math.sin(theta);
    }
  return out;
}
