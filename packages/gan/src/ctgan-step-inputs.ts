import type { Rng } from '@synthkit/core';
import {
  type ConditionalSampler,
  fillDropoutMask,
  fillGumbelQuantized,
  fillNormalQuantized,
  type NetworkLayout,
} from '@synthkit/neural';
import type { CtganShape } from './ctgan-network.js';

/** The random inputs of one critic update (Xu et al., 2019, Algorithm 1, lines 3–10). */
export interface CriticInputs {
  /** Generator input rows [batch, embeddingDim + condDim]: noise, then the conditional vector. */
  readonly zc: Float32Array;
  /** Real rows with their (permuted) conditional vectors, as PacGAN groups [groups, pac·(dim + condDim)]. */
  readonly real: Float32Array;
  /** Gumbel noise for the fake rows' softmax part [batch, dim − tanhCount]. */
  readonly gumbel: Float32Array;
  /** Interpolation weight of each group for the gradient penalty [groups]. */
  readonly alpha: Float32Array;
  /** Dropout masks per critic pass (real, fake, interpolated), each one per hidden layer [groups, width]. */
  readonly masks: readonly (readonly Float32Array[])[];
}

/** The random inputs of one generator update (Algorithm 1, lines 11–14). */
export interface GeneratorInputs {
  readonly zc: Float32Array;
  readonly gumbel: Float32Array;
  readonly masks: readonly Float32Array[];
  /** One-hot of each row's requested category in the softmax part [batch, dim − tanhCount]; none without discrete columns. */
  readonly target: Float32Array | undefined;
}

export interface StepInputs {
  readonly critic: readonly CriticInputs[];
  readonly generator: GeneratorInputs;
}

/** What drawing a step needs to know about the network and the data. */
export interface StepSource {
  readonly shape: CtganShape;
  readonly layout: NetworkLayout;
  readonly condDim: number;
  /** For each conditional-vector position, its column in the softmax part. */
  readonly condTargets: Int32Array;
  /** The encoded training rows (encoder layout) and their count. */
  readonly data: Float32Array;
  readonly nRows: number;
  readonly sampler: ConditionalSampler;
}

/**
 * Draws every random number of one training iteration from `rng`, in a fixed order, as typed
 * arrays: both training engines (tfjs and onnxruntime) consume exactly these, so a seed fixes a run
 * whichever engine trains it.
 */
export function drawStepInputs(src: StepSource, batch: number, criticSteps: number, rng: Rng): StepInputs {
  const critic: CriticInputs[] = [];
  for (let s = 0; s < criticSteps; s++) critic.push(drawCriticInputs(src, batch, rng));
  return { critic, generator: drawGeneratorInputs(src, batch, rng) };
}

function drawCriticInputs(src: StepSource, batch: number, rng: Rng): CriticInputs {
  const { layout, sampler, condDim: C } = src;
  const D = layout.dim;
  const groups = batch / src.shape.pac;
  const { zc, cond } = noiseAndCondition(src, batch, rng);
  const real = new Float32Array(batch * (D + C));
  const rows = new Int32Array(batch);
  if (C > 0) {
    const perm = rng.permutation(batch);
    const col = new Int32Array(batch);
    const cat = new Int32Array(batch);
    for (let i = 0; i < batch; i++) {
      col[i] = cond.column[perm[i]!]!;
      cat[i] = cond.category[perm[i]!]!;
    }
    rows.set(sampler.pickRows(col, cat, rng));
    // The real half carries the permuted conditions, so the critic cannot match rows by condition.
    for (let i = 0; i < batch; i++)
      real.set(cond.vectors.subarray(perm[i]! * C, (perm[i]! + 1) * C), i * (D + C) + D);
  } else for (let i = 0; i < batch; i++) rows[i] = rng.int(src.nRows);
  const realNet = layout.gather(src.data, rows);
  for (let i = 0; i < batch; i++) real.set(realNet.subarray(i * D, (i + 1) * D), i * (D + C));
  const gumbel = drawGumbel(src, batch, rng);
  const alpha = Float32Array.from({ length: groups }, () => rng.next());
  const masks = [0, 1, 2].map(() => dropoutMasks(rng, groups, src.shape.discriminatorDim));
  return { zc, real, gumbel, alpha, masks };
}

function drawGeneratorInputs(src: StepSource, batch: number, rng: Rng): GeneratorInputs {
  const { layout, sampler, condDim: C } = src;
  const { zc, cond } = noiseAndCondition(src, batch, rng);
  let target: Float32Array | undefined;
  if (C > 0) {
    const W = layout.dim - layout.tanhCount;
    target = new Float32Array(batch * W);
    for (let i = 0; i < batch; i++) {
      const c = sampler.columns[cond.column[i]!]!;
      target[i * W + src.condTargets[c.offset + cond.category[i]!]!] = 1;
    }
  }
  const gumbel = drawGumbel(src, batch, rng);
  const masks = dropoutMasks(rng, batch / src.shape.pac, src.shape.discriminatorDim);
  return { zc, gumbel, masks, target };
}

/** Noise and a training-by-sampling condition per row (§4.3), concatenated as the generator's input. */
function noiseAndCondition(src: StepSource, batch: number, rng: Rng) {
  const E = src.shape.embeddingDim;
  const C = src.condDim;
  const noise = fillNormalQuantized(rng, new Float32Array(batch * E));
  const drawn = src.sampler.sampleTraining(batch, rng);
  const vectors = src.sampler.encode(drawn.column, drawn.category);
  const zc = new Float32Array(batch * (E + C));
  for (let i = 0; i < batch; i++) {
    zc.set(noise.subarray(i * E, (i + 1) * E), i * (E + C));
    if (C > 0) zc.set(vectors.subarray(i * C, (i + 1) * C), i * (E + C) + E);
  }
  return { zc, cond: { ...drawn, vectors } };
}

function drawGumbel(src: StepSource, batch: number, rng: Rng): Float32Array {
  return fillGumbelQuantized(rng, new Float32Array(batch * (src.layout.dim - src.layout.tanhCount)));
}

/** Inverted-dropout masks (p = 0.5, CTGAN's critic) for one critic pass over `groups` rows. */
function dropoutMasks(rng: Rng, groups: number, hidden: readonly number[]): Float32Array[] {
  return hidden.map((h) => fillDropoutMask(rng, 0.5, new Float32Array(groups * h)));
}
