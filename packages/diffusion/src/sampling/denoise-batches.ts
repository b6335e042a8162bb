import { type ProgressEvent, type Rng, SynthkitError } from '@synthkit/core';
import { gaussianReverseStep } from '../diffusion/gaussian.js';
import { multinomialReverseStep } from '../diffusion/multinomial.js';
import type { SidecarLayout } from '../encoder/sidecar.js';
import type { NoiseSchedule } from '../schedule/noise-schedule.js';
import { stridedPlan } from '../schedule/strided-plan.js';
import { QUANTILE_Z_BOUND } from '../transform/quantile-normal.js';

/** Anything that maps (x_t, t, y) to the model output; an OnnxDenoiser in practice. */
export interface Denoiser {
  run(x: Float32Array, rows: number, t: number, y?: Int32Array): Promise<Float32Array>;
}

export interface DenoiseOptions {
  readonly n: number;
  /** Sampling steps (≤ T); fewer than T strides the schedule. */
  readonly steps: number;
  /** 1: DDPM posterior noise; 0: deterministic DDIM for the numerical part. */
  readonly eta: number;
  /** Rows per model call. */
  readonly batchSize: number;
  readonly rng: Rng;
  /** Class code for every row of a conditional model; drawn from the sidecar prior when absent. */
  readonly label?: number;
  readonly signal?: AbortSignal;
  readonly progress?: (e: ProgressEvent) => void;
}

/** Model-space rows: numerical values in the model's scale and category codes per categorical column. */
export interface RawBatch {
  readonly rows: number;
  /** [rows × numerical count] */
  readonly num: Float64Array;
  /** [rows × categorical count] */
  readonly codes: Int32Array;
  /** Conditioning class per row, for a conditional model. */
  readonly labels?: Int32Array;
}

/**
 * The reverse diffusion loop (TabDDPM: Gaussian part and multinomial part in one model call per
 * step), batch by batch. Each batch draws from its own forked stream, so a batch's rows depend on
 * the seed and its position only.
 */
export async function* denoiseBatches(
  model: Denoiser,
  layout: SidecarLayout,
  schedule: NoiseSchedule,
  o: DenoiseOptions,
): AsyncGenerator<RawBatch> {
  const plan = stridedPlan(schedule, o.steps);
  const nNum = layout.numerical.length;
  const nCat = layout.categorical.length;
  const width = layout.width;
  const nBatches = Math.ceil(o.n / o.batchSize);
  const x = new Float32Array(Math.min(o.batchSize, o.n) * width);
  // quantile-transformed columns live in [−Z, Z] of the transform; other transforms are unbounded
  const clip = Float64Array.from(layout.numerical, (c) =>
    c.transform.kind === 'quantile' ? QUANTILE_Z_BOUND : Number.POSITIVE_INFINITY,
  );
  for (let b = 0; b < nBatches; b++) {
    const rows = Math.min(o.batchSize, o.n - b * o.batchSize);
    const rng = o.rng.fork(`batch-${b}`);
    const num = new Float64Array(rows * nNum);
    for (let i = 0; i < num.length; i++) num[i] = rng.normal();
    const codes = new Int32Array(rows * nCat);
    // x_T is uniform over categories: q(x_T | x₀) → 1/K as ᾱ_T → 0
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < nCat; c++) codes[r * nCat + c] = rng.int(layout.spanSize[c]!);
    const labels = layout.condition ? drawLabels(rows, layout.condition.prior, o.label, rng) : undefined;
    for (let i = 0; i < plan.timesteps.length; i++) {
      if (o.signal?.aborted) throw new SynthkitError('ABORTED', 'Sampling was aborted');
      fillInput(x, num, codes, rows, nNum, layout);
      const out = await model.run(x, rows, plan.timesteps[i]!, labels);
      const alphaBar = plan.alphaBar[i]!;
      const alphaBarPrev = plan.alphaBarPrev[i]!;
      gaussianReverseStep(num, nNum, out, width, rows, { alphaBar, alphaBarPrev, eta: o.eta }, rng, clip);
      multinomialReverseStep(
        codes,
        layout.spanStart,
        layout.spanSize,
        out,
        width,
        rows,
        alphaBar,
        alphaBarPrev,
        rng,
      );
      o.progress?.({
        stage: 'sample',
        done: b * plan.timesteps.length + i + 1,
        total: nBatches * plan.timesteps.length,
      });
    }
    yield labels ? { rows, num, codes, labels } : { rows, num, codes };
  }
}

function fillInput(
  x: Float32Array,
  num: Float64Array,
  codes: Int32Array,
  rows: number,
  nNum: number,
  layout: SidecarLayout,
): void {
  const width = layout.width;
  const nCat = layout.spanSize.length;
  x.fill(0, 0, rows * width);
  for (let r = 0; r < rows; r++) {
    const o = r * width;
    for (let j = 0; j < nNum; j++) x[o + j] = num[r * nNum + j]!;
    for (let c = 0; c < nCat; c++) x[o + layout.spanStart[c]! + codes[r * nCat + c]!] = 1;
  }
}

function drawLabels(rows: number, prior: Float64Array, fixed: number | undefined, rng: Rng): Int32Array {
  const labels = new Int32Array(rows);
  if (fixed !== undefined) return labels.fill(fixed);
  for (let r = 0; r < rows; r++) labels[r] = rng.weighted(prior);
  return labels;
}
