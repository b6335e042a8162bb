import { readFile } from 'node:fs/promises';
import { type ProgressEvent, Rng, SynthkitError, Table } from '@synthkit/core';
import { decodeBatch, decodedToTable } from '../encoder/decode.js';
import {
  checkSidecarColumns,
  type DiffusionSidecar,
  parseSidecar,
  type SidecarLayout,
  sidecarLayout,
} from '../encoder/sidecar.js';
import { decodeModel, type ModelProto } from '../onnx/model-proto.js';
import { OnnxDenoiser } from '../onnx/onnx-denoiser-session.js';
import { quantizeDenseLayers } from '../onnx/quantize-int8.js';
import { type Device, defaultThreads } from '../onnx/runtime.js';
import { stepOpset } from '../onnx/step-model.js';
import { denoiseBatches, type RawBatch } from '../sampling/denoise-batches.js';
import { StepSession } from '../sampling/step-session.js';
import { type NoiseSchedule, scheduleFromSpec } from '../schedule/noise-schedule.js';

export interface OnnxLoadOptions {
  readonly device?: Device;
  /** onnxruntime intra-op threads per session; default (and 0): the cores split over `sessions`. */
  readonly threads?: number;
  /**
   * Sessions that take turns on consecutive batches (the same rows as one session); default (and
   * 0): one. onnxruntime-node runs a session on the JavaScript thread, so sessions do not compute at
   * the same time: on a quiet 2-core machine one session of two threads took 153 ms a step against
   * 215 ms for two sessions of one thread (`scripts/sample-speed.ts`, alternating in one process).
   */
  readonly sessions?: number;
  /**
   * Arithmetic of the network's dense layers while sampling: 'int8' (default) quantises the weights
   * per output column and the activations per call (onnxruntime's DynamicQuantizeMatMul); the model
   * file is unchanged. 'float32' runs the model exactly as written.
   */
  readonly precision?: Precision;
  /** Columns of the table the samples are meant for: a sidecar column outside them is an error. */
  readonly columns?: readonly string[];
}

export const PRECISIONS = ['float32', 'int8'] as const;
export type Precision = (typeof PRECISIONS)[number];

export interface OnnxSampleOptions {
  readonly seed?: number;
  /** Sampling steps, 1..T; default T. */
  readonly steps?: number;
  /** 1 (default): DDPM noise; 0: deterministic DDIM update for numerical columns. */
  readonly eta?: number;
  /** Rows per model call (default 4096). */
  readonly batchSize?: number;
  /** For a class-conditional model: the category of the conditioning column every row gets. */
  readonly label?: string;
  readonly signal?: AbortSignal;
  readonly progress?: (e: ProgressEvent) => void;
}

/**
 * A diffusion denoiser in ONNX plus its sidecar: samples rows as Tables. Works for models written
 * by this package and for models trained elsewhere that follow the contract in the README.
 */
export class OnnxTabularModel {
  readonly layout: SidecarLayout;
  readonly schedule: NoiseSchedule;

  private constructor(
    readonly sidecar: DiffusionSidecar,
    private readonly steppers: readonly StepSession[],
    /** e.g. "onnxruntime-node 1.30.0 (cpu, 1 thread)" (per session) */
    readonly runtime: string,
  ) {
    this.layout = sidecarLayout(sidecar);
    this.schedule = scheduleFromSpec(sidecar.schedule);
  }

  static async load(
    model: string | Uint8Array,
    sidecar: string | DiffusionSidecar | Record<string, unknown>,
    options: OnnxLoadOptions = {},
  ): Promise<OnnxTabularModel> {
    const spec =
      typeof sidecar === 'string' ? parseSidecar(await readJson(sidecar), sidecar) : parseSidecar(sidecar);
    if (options.columns)
      checkSidecarColumns(spec, options.columns, typeof sidecar === 'string' ? sidecar : undefined);
    const bytes = typeof model === 'string' ? await readBytes(model) : model;
    const layout = sidecarLayout(spec);
    const source = typeof model === 'string' ? model : 'ONNX model';
    const sessions = options.sessions || 1;
    if (!Number.isInteger(sessions) || sessions < 1)
      throw new SynthkitError('BAD_OPTION', `sessions must be a whole number of sessions, got ${sessions}`, {
        hint: 'Leave it out (or 0) for one session, the fastest here; or give 2, 3, …',
      });
    const precision = options.precision ?? 'int8';
    if (!PRECISIONS.includes(precision))
      throw new SynthkitError('BAD_OPTION', `Unknown precision "${precision}"`, {
        hint: `Use one of ${PRECISIONS.join(', ')}`,
      });
    const threads = options.threads || Math.max(1, Math.floor(defaultThreads() / sessions));
    const device = options.device ? { device: options.device } : {};
    // the model as given is checked against the sidecar (names, types, a one-row probe) first
    checkOpset(bytes, source);
    const checked = await OnnxDenoiser.open(bytes, layout, { ...device, threads: 1, source });
    const types = { time: checked.timeType, label: checked.labelType };
    await checked.release();
    const net = precision === 'int8' ? quantizeDenseLayers(bytes, layout.io.x) : bytes;
    const steppers: StepSession[] = [];
    try {
      for (let i = 0; i < sessions; i++)
        steppers.push(await StepSession.open(net, layout, types, { ...device, threads, source }));
    } catch (cause) {
      await Promise.all(steppers.map((s) => s.release()));
      throw cause;
    }
    const runtime = `${steppers[0]!.description}${sessions > 1 ? ` × ${sessions} sessions` : ''}${precision === 'int8' ? ', int8' : ''}`;
    return new OnnxTabularModel(spec, steppers, runtime);
  }

  /** Checks n and options; throws before any model call. */
  resolve(
    n: number,
    o: OnnxSampleOptions = {},
  ): { steps: number; eta: number; batchSize: number; label?: number } {
    checkRows(n);
    const T = this.schedule.T;
    const steps = o.steps ?? T;
    if (!Number.isInteger(steps) || steps < 1 || steps > T)
      throw new SynthkitError(
        'BAD_OPTION',
        `steps must be an integer from 1 to ${T} (the model's T), got ${steps}`,
        {
          hint: `Use --steps from 1 to ${T}${T > 100 ? ' (100 is a good start)' : ''}; more steps than the model was trained with do not exist`,
        },
      );
    const eta = o.eta ?? 1;
    if (!(eta >= 0 && eta <= 1))
      throw new SynthkitError('BAD_OPTION', `eta must be in [0, 1], got ${eta}`, {
        hint: 'eta = 1 is the DDPM posterior (the default), 0 deterministic DDIM steps',
      });
    const batchSize = o.batchSize ?? 4096;
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new SynthkitError('BAD_OPTION', `batchSize must be a positive integer, got ${batchSize}`, {
        hint: 'Rows per onnxruntime call; 4096 (the default) was the fastest here',
      });
    if (o.label === undefined) return { steps, eta, batchSize };
    const cond = this.layout.condition;
    if (!cond)
      throw new SynthkitError('BAD_OPTION', 'label was given but this model is not class-conditional', {
        hint: 'Leave label out, or train with a target column (ddpm option target) to condition on it',
      });
    const label = cond.column.categories.indexOf(o.label);
    if (label < 0)
      throw new SynthkitError('BAD_CONDITION', `"${o.label}" is not a category of "${cond.column.name}"`, {
        column: cond.column.name,
        hint: `Categories: ${cond.column.categories.join(', ')}`,
      });
    return { steps, eta, batchSize, label };
  }

  /** Streams n rows, one Table per model batch. Same seed and options give the same rows (on CPU). */
  async *sample(n: number, o: OnnxSampleOptions = {}): AsyncGenerator<Table> {
    for await (const b of this.sampleRaw(n, o))
      yield decodedToTable(decodeBatch(this.sidecar, this.layout, b));
  }

  /** The same rows in model space (numerical scores, category codes), before decoding. */
  sampleRaw(n: number, o: OnnxSampleOptions = {}): AsyncGenerator<RawBatch> {
    const r = this.resolve(n, o);
    return denoiseBatches(this.steppers, this.layout, this.schedule, {
      n,
      ...r,
      rng: new Rng(o.seed ?? 0).fork('diffusion-sample'),
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.progress ? { progress: o.progress } : {}),
    });
  }

  async release(): Promise<void> {
    await Promise.all(this.steppers.map((s) => s.release()));
  }
}

/**
 * Samples `n` rows from an ONNX denoiser and its JSON sidecar (the bring-your-own-model contract);
 * what `synthkit sample model.onnx --encoder encoder.json --rows N` runs.
 */
export async function sampleOnnxModel(
  modelPath: string | Uint8Array,
  encoderPath: string | DiffusionSidecar | Record<string, unknown>,
  n: number,
  options: OnnxSampleOptions & OnnxLoadOptions = {},
): Promise<Table> {
  checkRows(n);
  const model = await OnnxTabularModel.load(modelPath, encoderPath, options);
  try {
    model.resolve(n, options);
    const parts: Table[] = [];
    for await (const t of model.sample(n, options)) parts.push(t);
    return Table.concat(parts);
  } finally {
    await model.release();
  }
}

function checkRows(n: number): void {
  if (!Number.isInteger(n) || n < 1)
    throw new SynthkitError(
      'BAD_OPTION',
      `The number of rows to sample must be a positive integer, got ${n}`,
      {
        hint: 'Pass --rows with a number of at least 1',
      },
    );
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (cause) {
    throw new SynthkitError('IO_ERROR', `Cannot read ONNX model "${path}": ${(cause as Error).message}`, {
      hint: 'Check the path',
      cause,
    });
  }
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new SynthkitError(
      'IO_ERROR',
      `Cannot read encoder sidecar "${path}": ${(cause as Error).message}`,
      {
        hint: 'Check the path given to --encoder',
        cause,
      },
    );
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new SynthkitError(
      'BAD_SPEC',
      `Encoder sidecar "${path}" is not valid JSON: ${(cause as Error).message}`,
      {
        hint: 'The sidecar is the JSON file written next to the .onnx model',
        cause,
      },
    );
  }
}

/** A decodable model of opset < 13 is refused here; bytes that are not ONNX at all are left to
 * OnnxDenoiser.open, which reports them with onnxruntime's own message. */
function checkOpset(bytes: Uint8Array, source: string): void {
  let model: ModelProto;
  try {
    model = decodeModel(bytes);
  } catch {
    return;
  }
  stepOpset(model, source);
}
