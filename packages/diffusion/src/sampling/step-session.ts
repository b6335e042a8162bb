import type * as Ort from 'onnxruntime-node';
import type { SidecarLayout } from '../encoder/sidecar.js';
import { labelTensor } from '../onnx/onnx-denoiser-session.js';
import { type Device, type OrtModule, openSession } from '../onnx/runtime.js';
import { composeStepModel, STEP_IO } from '../onnx/step-model.js';

/** What one sampling step needs besides x_t: the timestep, its coefficients and its noise. */
export interface StepInputs {
  readonly t: number;
  /** ᾱ_t, ᾱ_prev and η the coefficients below follow from (gaussianStepCoefficients). */
  readonly alphaBar: number;
  readonly alphaBarPrev: number;
  readonly eta: number;
  readonly x0FromXt: number;
  readonly x0FromEps: number;
  readonly prevFromX0: number;
  readonly prevFromEps: number;
  readonly sigma: number;
  /** ᾱ_t / ᾱ_prev */
  readonly alpha: number;
  /** [numerical count × rows] standard normals (transposed) */
  readonly z: Float32Array;
  /** [categorical count × rows] uniforms in [0, 1) (transposed) */
  readonly u: Float32Array;
}

/** Maps x_t to x_{t−1} for a batch of rows: one ONNX session call per step in practice. */
export interface StepRunner {
  step(x: Float32Array, rows: number, s: StepInputs, y?: Int32Array): Promise<Float32Array>;
}

/** A session of the step model (denoiser + posterior, see composeStepModel). */
export class StepSession implements StepRunner {
  private constructor(
    private readonly session: Ort.InferenceSession,
    private readonly ort: OrtModule,
    private readonly layout: SidecarLayout,
    private readonly labelType: 'int64' | 'int32',
    /** e.g. "onnxruntime-node 1.30.0 (cpu, 1 thread)" */
    readonly description: string,
  ) {}

  static async open(
    modelBytes: Uint8Array,
    layout: SidecarLayout,
    types: { time: 'int64' | 'float32'; label: 'int64' | 'int32' },
    options: { device?: Device; threads?: number; source?: string } = {},
  ): Promise<StepSession> {
    const bytes = composeStepModel(modelBytes, layout, types.time, options.source);
    const opened = await openSession(bytes, options.device ?? 'auto', options.threads ?? 0);
    return new StepSession(opened.session, opened.ort, layout, types.label, opened.description);
  }

  async step(x: Float32Array, rows: number, s: StepInputs, y?: Int32Array): Promise<Float32Array> {
    const { Tensor } = this.ort;
    const { io, width, numerical, spanSize } = this.layout;
    const one = (v: number) => new Tensor('float32', Float32Array.of(v), [1]);
    const feeds: Record<string, Ort.Tensor> = {
      [io.x]: new Tensor('float32', x.subarray(0, rows * width), [rows, width]),
      [STEP_IO.t]: new Tensor('int64', BigInt64Array.of(BigInt(s.t)), [1]),
    };
    if (numerical.length > 0) {
      feeds[STEP_IO.z] = new Tensor('float32', s.z.subarray(0, rows * numerical.length), [
        numerical.length,
        rows,
      ]);
      feeds[STEP_IO.x0FromXt] = one(s.x0FromXt);
      feeds[STEP_IO.x0FromEps] = one(s.x0FromEps);
      feeds[STEP_IO.prevFromX0] = one(s.prevFromX0);
      feeds[STEP_IO.prevFromEps] = one(s.prevFromEps);
      feeds[STEP_IO.sigma] = one(s.sigma);
    }
    if (spanSize.length > 0) {
      feeds[STEP_IO.u] = new Tensor('float32', s.u.subarray(0, rows * spanSize.length), [
        spanSize.length,
        rows,
      ]);
      feeds[STEP_IO.alpha] = one(s.alpha);
      feeds[STEP_IO.alphaBarPrev] = one(s.alphaBarPrev);
    }
    if (y) feeds[io.y] = labelTensor(this.ort, this.labelType, y, rows);
    const result = await this.session.run(feeds);
    return result[STEP_IO.next]!.data as Float32Array;
  }

  release(): Promise<void> {
    return this.session.release();
  }
}
