import { type ProgressEvent, type Rng, SynthkitError } from '@synthkit/core';
import { gaussianStepCoefficients } from '../diffusion/gaussian.js';
import type { SidecarLayout } from '../encoder/sidecar.js';
import type { NoiseSchedule } from '../schedule/noise-schedule.js';
import { type SamplingPlan, stridedPlan } from '../schedule/strided-plan.js';
import type { StepRunner } from './step-session.js';

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
 * The reverse diffusion loop (TabDDPM: Gaussian part and multinomial part), batch by batch; each
 * step is one call of a runner that holds the denoiser and the posterior (step-session.ts), fed
 * the step's noise from the seeded Rng. Each batch draws from its own forked stream, so a batch's
 * rows depend on the seed and its position only — which also lets several runners (sessions)
 * work on consecutive batches at once with the same result.
 */
export async function* denoiseBatches(
  runners: readonly StepRunner[],
  layout: SidecarLayout,
  schedule: NoiseSchedule,
  o: DenoiseOptions,
): AsyncGenerator<RawBatch> {
  const plan = stridedPlan(schedule, o.steps);
  const nBatches = Math.ceil(o.n / o.batchSize);
  let done = 0;
  const tick = () => {
    done++;
    o.progress?.({ stage: 'sample', done, total: nBatches * plan.timesteps.length });
  };
  for (let b = 0; b < nBatches; b += runners.length) {
    const lanes = runners.slice(0, nBatches - b);
    const batches = await Promise.all(
      lanes.map((runner, k) => denoiseBatch(runner, layout, plan, o, b + k, tick)),
    );
    yield* batches;
  }
}

async function denoiseBatch(
  runner: StepRunner,
  layout: SidecarLayout,
  plan: SamplingPlan,
  o: DenoiseOptions,
  b: number,
  tick: () => void,
): Promise<RawBatch> {
  const nNum = layout.numerical.length;
  const nCat = layout.spanSize.length;
  const width = layout.width;
  const rows = Math.min(o.batchSize, o.n - b * o.batchSize);
  const rng = o.rng.fork(`batch-${b}`);
  let x: Float32Array = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++) for (let j = 0; j < nNum; j++) x[r * width + j] = rng.normal();
  // x_T is uniform over categories: q(x_T | x₀) → 1/K as ᾱ_T → 0
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < nCat; c++) x[r * width + layout.spanStart[c]! + rng.int(layout.spanSize[c]!)] = 1;
  const labels = layout.condition ? drawLabels(rows, layout.condition.prior, o.label, rng) : undefined;
  const z = new Float32Array(rows * nNum);
  const u = new Float32Array(rows * nCat);
  for (let i = 0; i < plan.timesteps.length; i++) {
    if (o.signal?.aborted) throw new SynthkitError('ABORTED', 'Sampling was aborted');
    const alphaBar = plan.alphaBar[i]!;
    const alphaBarPrev = plan.alphaBarPrev[i]!;
    const c = gaussianStepCoefficients({ alphaBar, alphaBarPrev, eta: o.eta });
    // the same draws in the same order as the JavaScript reference step: normals (only when one uniform per categorical cell, row by row
    // σ > 0), then one uniform per categorical cell, row by row; stored transposed (see STEP_IO)
    if (c.sigma > 0)
      for (let r = 0; r < rows; r++) for (let j = 0; j < nNum; j++) z[j * rows + r] = rng.normal();
    else z.fill(0);
    for (let r = 0; r < rows; r++) for (let k = 0; k < nCat; k++) u[k * rows + r] = rng.next();
    x = await runner.step(
      x,
      rows,
      {
        t: plan.timesteps[i]!,
        alphaBar,
        alphaBarPrev,
        eta: o.eta,
        ...c,
        alpha: alphaBar / alphaBarPrev,
        z,
        u,
      },
      labels,
    );
    tick();
  }
  return rawBatch(x, rows, layout, labels);
}

/** Numerical values and the code of each one-hot span of x₀ ([rows × width]). */
export function rawBatch(
  x: Float32Array,
  rows: number,
  layout: SidecarLayout,
  labels?: Int32Array,
): RawBatch {
  const nNum = layout.numerical.length;
  const nCat = layout.spanSize.length;
  const width = layout.width;
  const num = new Float64Array(rows * nNum);
  const codes = new Int32Array(rows * nCat);
  for (let r = 0; r < rows; r++) {
    const o = r * width;
    for (let j = 0; j < nNum; j++) num[r * nNum + j] = x[o + j]!;
    for (let c = 0; c < nCat; c++) {
      const s = o + layout.spanStart[c]!;
      let k = 0;
      while (k < layout.spanSize[c]! - 1 && x[s + k]! < 0.5) k++;
      codes[r * nCat + c] = k;
    }
  }
  return labels ? { rows, num, codes, labels } : { rows, num, codes };
}

function drawLabels(rows: number, prior: Float64Array, fixed: number | undefined, rng: Rng): Int32Array {
  const labels = new Int32Array(rows);
  if (fixed !== undefined) return labels.fill(fixed);
  for (let r = 0; r < rows; r++) labels[r] = rng.weighted(prior);
  return labels;
}
