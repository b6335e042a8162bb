import { SynthkitError } from '@synthkit/core';
import type * as Ort from 'onnxruntime-node';
import type { SidecarLayout } from '../encoder/sidecar.js';
import { type Device, type OrtModule, openSession } from './runtime.js';

type TimeType = 'int64' | 'float32';

interface ValueMeta {
  readonly name: string;
  readonly type?: string;
  readonly shape?: readonly (number | string)[];
}

/**
 * An ONNX denoiser checked against its sidecar and ready to run in batches. Every mismatch between
 * the graph and the sidecar is found here, before sampling starts, as a SynthkitError BAD_ARTIFACT.
 */
export class OnnxDenoiser {
  private constructor(
    private readonly session: Ort.InferenceSession,
    private readonly ort: OrtModule,
    private readonly layout: SidecarLayout,
    readonly timeType: TimeType,
    readonly labelType: 'int64' | 'int32',
    readonly description: string,
  ) {}

  static async open(
    bytes: Uint8Array,
    layout: SidecarLayout,
    options: { device?: Device; threads?: number; source?: string } = {},
  ): Promise<OnnxDenoiser> {
    const opened = await openSession(bytes, options.device ?? 'auto', options.threads ?? 0);
    const source = options.source ?? 'ONNX model';
    const { session } = opened;
    const fail = (what: string, hint: string): never => {
      void session.release();
      throw new SynthkitError('BAD_ARTIFACT', `${source} does not match its sidecar: ${what}`, { hint });
    };
    const io = layout.io;
    const meta = (list: unknown, names: readonly string[]): ValueMeta[] =>
      Array.isArray(list) ? (list as ValueMeta[]) : names.map((name) => ({ name }));
    const inputs = meta(
      (session as unknown as { inputMetadata?: unknown }).inputMetadata,
      session.inputNames,
    );
    const expected = layout.condition ? [io.x, io.t, io.y] : [io.x, io.t];
    for (const name of expected)
      if (!session.inputNames.includes(name))
        fail(
          `it has no input "${name}" (its inputs: ${session.inputNames.join(', ')})`,
          name === io.y
            ? 'The sidecar declares "conditioning": the model needs a class input; remove "conditioning" for an unconditional model'
            : 'Name the inputs x_t and t when exporting, or set "io" in the sidecar to the names the model uses',
        );
    for (const name of session.inputNames)
      if (!expected.includes(name))
        fail(
          `it has an input "${name}" the sidecar does not provide`,
          name === io.y
            ? 'The model is class-conditional: add "conditioning": {"column": ..., "prior": [...]} to the sidecar'
            : `Inputs must be ${expected.join(', ')}; set "io" in the sidecar if the names differ`,
        );
    if (!session.outputNames.includes(io.out))
      fail(
        `it has no output "${io.out}" (its outputs: ${session.outputNames.join(', ')})`,
        'Set "io.out" in the sidecar to the output name',
      );

    const width = layout.width;
    const described = `${layout.numerical.length} numerical + ${width - layout.numerical.length} one-hot`;
    const xMeta = inputs.find((m) => m.name === io.x);
    if (xMeta?.type !== undefined && xMeta.type !== 'float32')
      fail(`input "${io.x}" is ${xMeta.type}, expected float32`, 'Export x_t as float32');
    const xWidth = xMeta?.shape?.[1];
    if (typeof xWidth === 'number' && xWidth !== width)
      fail(
        `input "${io.x}" has ${xWidth} columns, the sidecar describes ${width} (${described})`,
        'Use the sidecar written with this model',
      );
    const tMeta = inputs.find((m) => m.name === io.t);
    const timeType = (tMeta?.type ?? 'int64') as string;
    if (timeType !== 'int64' && timeType !== 'float32')
      fail(`input "${io.t}" is ${timeType}, expected int64 or float32`, 'Export t as int64 or float32');
    const yMeta = inputs.find((m) => m.name === io.y);
    const labelType = (yMeta?.type ?? 'int64') as string;
    if (layout.condition && labelType !== 'int64' && labelType !== 'int32')
      fail(`input "${io.y}" is ${labelType}, expected int64`, 'Export y as int64');

    const denoiser = new OnnxDenoiser(
      session,
      opened.ort,
      layout,
      timeType as TimeType,
      labelType as 'int64' | 'int32',
      opened.description,
    );
    // One row through the graph checks what metadata cannot: the real output width.
    let probe: Float32Array;
    try {
      probe = await denoiser.run(
        new Float32Array(width),
        1,
        0,
        layout.condition ? Int32Array.of(0) : undefined,
      );
    } catch (cause) {
      if (cause instanceof SynthkitError) throw cause;
      void session.release();
      throw new SynthkitError(
        'BAD_ARTIFACT',
        `${source} fails on an input of ${width} columns: ${(cause as Error).message}`,
        {
          hint: `The sidecar describes ${described} columns; use the sidecar written with this model`,
          cause,
        },
      );
    }
    if (probe.length !== width)
      fail(
        `output "${io.out}" has ${probe.length} columns, the sidecar describes ${width} (${described})`,
        'Use the sidecar written with this model',
      );
    return denoiser;
  }

  /** Model output for `rows` rows of x (row-major, `width` columns) at timestep t. */
  async run(x: Float32Array, rows: number, t: number, y?: Int32Array): Promise<Float32Array> {
    const { Tensor } = this.ort;
    const io = this.layout.io;
    const feeds: Record<string, Ort.Tensor> = {
      [io.x]: new Tensor(
        'float32',
        x.length === rows * this.layout.width ? x : x.subarray(0, rows * this.layout.width),
        [rows, this.layout.width],
      ),
      [io.t]:
        this.timeType === 'int64'
          ? new Tensor('int64', new BigInt64Array(rows).fill(BigInt(t)), [rows])
          : new Tensor('float32', new Float32Array(rows).fill(t), [rows]),
    };
    if (y) feeds[io.y] = labelTensor(this.ort, this.labelType, y, rows);
    const result = await this.session.run(feeds);
    const out = result[io.out]!;
    const data = out.data as Float32Array;
    if (out.type !== 'float32')
      throw new SynthkitError('BAD_ARTIFACT', `output "${io.out}" is ${out.type}, expected float32`, {
        hint: 'Export the output as float32',
      });
    return data;
  }

  release(): Promise<void> {
    return this.session.release();
  }
}

/** The class input of a conditional model for `rows` rows, as the model's integer type. */
export function labelTensor(
  ort: OrtModule,
  type: 'int64' | 'int32',
  y: Int32Array,
  rows: number,
): Ort.Tensor {
  return type === 'int64'
    ? new ort.Tensor(
        'int64',
        BigInt64Array.from(y.subarray(0, rows), (v) => BigInt(v)),
        [rows],
      )
    : new ort.Tensor('int32', y.subarray(0, rows), [rows]);
}
