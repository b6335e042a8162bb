import type { Rng } from '@synthkit/core';
import { gaussianReverseStep } from '../src/diffusion/gaussian.js';
import { multinomialReverseStep } from '../src/diffusion/multinomial.js';
import type { SidecarLayout } from '../src/encoder/sidecar.js';
import type { OnnxDenoiser } from '../src/onnx/onnx-denoiser-session.js';
import { rawBatch } from '../src/sampling/denoise-batches.js';
import type { StepInputs, StepRunner } from '../src/sampling/step-session.js';
import { QUANTILE_Z_BOUND } from '../src/transform/quantile-normal.js';

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
