import { Rng } from '@synthkit/core';
import { type DiffusionSidecar, type SidecarLayout, sidecarLayout } from '../src/encoder/sidecar.js';
import { OnnxDenoiser } from '../src/onnx/onnx-denoiser-session.js';
import { denoiseBatches, type RawBatch, rawBatch } from '../src/sampling/denoise-batches.js';
import { type StepInputs, type StepRunner, StepSession } from '../src/sampling/step-session.js';
import { type NoiseSchedule, scheduleFromSpec } from '../src/schedule/noise-schedule.js';
import { QUANTILE_Z_BOUND } from '../src/transform/quantile-normal.js';
import { gaussianReverseStep } from './reference/gaussian-step.js';
import { multinomialReverseStep } from './reference/multinomial-step.js';

/**
 * The sampling step as it ran before the step graph: the denoiser alone in onnxruntime, then the
 * posterior in JavaScript (gaussian.ts, multinomial.ts, in float64) — the reference the step graph
 * is checked against. It consumes the step's noise from `z` and `u` in the order those functions
 * draw it.
 */
export class JsStepRunner implements StepRunner {
  private readonly clip: Float64Array;

  constructor(
    private readonly model: OnnxDenoiser,
    private readonly layout: SidecarLayout,
  ) {
    this.clip = Float64Array.from(layout.numerical, (c) =>
      c.transform.kind === 'quantile' ? QUANTILE_Z_BOUND : Number.POSITIVE_INFINITY,
    );
  }

  async step(x: Float32Array, rows: number, s: StepInputs, y?: Int32Array): Promise<Float32Array> {
    const { width, spanStart, spanSize } = this.layout;
    const nNum = this.layout.numerical.length;
    const out = await this.model.run(x, rows, s.t, y);
    const { num, codes } = rawBatch(x, rows, this.layout);
    let zi = 0;
    let ui = 0;
    const nCat = spanSize.length;
    // the noise is stored transposed; the JavaScript steps draw it row by row
    const replay = {
      normal: () => s.z[(zi % nNum) * rows + Math.floor(zi++ / nNum)]!,
      next: () => s.u[(ui % nCat) * rows + Math.floor(ui++ / nCat)]!,
    } as unknown as Rng;
    const step = { alphaBar: s.alphaBar, alphaBarPrev: s.alphaBarPrev, eta: s.eta };
    gaussianReverseStep(num, nNum, out, width, rows, step, replay, this.clip);
    multinomialReverseStep(codes, spanStart, spanSize, out, width, rows, s.alphaBar, s.alphaBarPrev, replay);
    const next = new Float32Array(rows * width);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < nNum; j++) next[r * width + j] = num[r * nNum + j]!;
      for (let c = 0; c < spanSize.length; c++)
        next[r * width + spanStart[c]! + codes[r * spanSize.length + c]!] = 1;
    }
    return next;
  }
}

export interface LoopOptions {
  readonly n: number;
  readonly steps: number;
  readonly eta: number;
  readonly batchSize: number;
  readonly seed: number;
}

export async function collectRaw(
  runners: StepRunner[],
  layout: SidecarLayout,
  schedule: NoiseSchedule,
  o: LoopOptions,
): Promise<RawBatch[]> {
  const out: RawBatch[] = [];
  for await (const b of denoiseBatches(runners, layout, schedule, { ...o, rng: new Rng(o.seed) }))
    out.push(b);
  return out;
}

/** Fraction of equal category codes and largest numerical difference between two samplings. */
export function compareRaw(a: RawBatch[], b: RawBatch[]): { sameCodes: number; maxDiff: number } {
  let same = 0;
  let cells = 0;
  let maxDiff = 0;
  a.forEach((x, i) => {
    const y = b[i]!;
    for (let k = 0; k < x.codes.length; k++) same += x.codes[k] === y.codes[k] ? 1 : 0;
    cells += x.codes.length;
    for (let k = 0; k < x.num.length; k++) maxDiff = Math.max(maxDiff, Math.abs(x.num[k]! - y.num[k]!));
  });
  return { sameCodes: cells > 0 ? same / cells : 1, maxDiff };
}

/** The step graph (float32) against this JavaScript reference, same seed, on one model. */
export async function stepGraphAgainstReference(
  bytes: Uint8Array,
  sidecar: DiffusionSidecar,
  o: LoopOptions,
): Promise<{ sameCodes: number; maxDiff: number }> {
  const layout = sidecarLayout(sidecar);
  const schedule = scheduleFromSpec(sidecar.schedule);
  const plain = await OnnxDenoiser.open(bytes, layout, { threads: 1 });
  const types = { time: plain.timeType, label: plain.labelType };
  const graph = await StepSession.open(bytes, layout, types, { threads: 1 });
  try {
    const a = await collectRaw([graph], layout, schedule, o);
    const b = await collectRaw([new JsStepRunner(plain, layout)], layout, schedule, o);
    return compareRaw(a, b);
  } finally {
    await plain.release();
    await graph.release();
  }
}
