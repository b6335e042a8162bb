import type * as Ort from 'onnxruntime-node';
import { GraphBuilder, ONNX_FLOAT } from './graph-builder.js';
import { createSession, type OrtModule } from './ort-runtime.js';

/**
 * Builds forward-only ONNX graphs of the generators' networks (weights as initializers) and runs
 * them on onnxruntime-node: sampling is inference, and MLAS's single-thread matMul is several times
 * faster here than tfjs-wasm's. Input 'x' is [rows, width] (one GEMM per layer: a batched 3-D
 * MatMul ran at half the speed); batch statistics (where a network has batch norm) are taken over
 * each group of `groupRows` consecutive rows, so a group plays the part of one tfjs batch.
 */
export class ForwardGraph {
  readonly g = new GraphBuilder();
  private n = 0;

  constructor(
    readonly inputWidth: number,
    private readonly groupRows = 1,
  ) {
    this.g.input('x', ONNX_FLOAT, ['N', inputWidth]);
  }

  /** x·W + b with W [nIn, nOut] and b [nOut] copied from trained values. */
  dense(x: string, w: Float32Array, b: Float32Array, nIn: number, nOut: number): string {
    const id = this.n++;
    const mm = this.g.op('MatMul', [x, this.g.floatTensor(`w${id}`, w, [nIn, nOut])]);
    return this.g.op('Add', [mm, this.g.floatTensor(`b${id}`, b, [nOut])]);
  }

  /** Batch normalisation with the statistics of each group of groupRows rows, biased variance. */
  batchNorm(x2d: string, gamma: Float32Array, beta: Float32Array, eps = 1e-5): string {
    const id = this.n++;
    const width = gamma.length;
    const x = this.g.op('Reshape', [
      x2d,
      this.g.int64Tensor(`grouped${id}`, [-1, this.groupRows, width], [3]),
    ]);
    const centred = this.g.op('Sub', [x, this.g.op('ReduceMean', [x], { axes: [1], keepdims: 1 })]);
    const variance = this.g.op('ReduceMean', [this.g.op('Mul', [centred, centred])], {
      axes: [1],
      keepdims: 1,
    });
    const epsilon = this.g.floatTensor(`eps${id}`, Float32Array.of(eps), []);
    const inv = this.g.op('Reciprocal', [this.g.op('Sqrt', [this.g.op('Add', [variance, epsilon])])]);
    const scale = this.g.op('Mul', [inv, this.g.floatTensor(`gamma${id}`, gamma, [gamma.length])]);
    const y = this.g.op('Add', [
      this.g.op('Mul', [centred, scale]),
      this.g.floatTensor(`beta${id}`, beta, [beta.length]),
    ]);
    return this.g.op('Reshape', [y, this.g.int64Tensor(`flat${id}`, [-1, width], [2])]);
  }

  /** Batch normalisation with fixed statistics: one multiply-add with constants folded at build time. */
  affineNorm(
    x: string,
    mean: Float32Array,
    variance: Float32Array,
    gamma: Float32Array,
    beta: Float32Array,
    eps = 1e-5,
  ): string {
    const id = this.n++;
    const scale = Float32Array.from(gamma, (g, j) => g / Math.sqrt(variance[j]! + eps));
    const shift = Float32Array.from(beta, (b, j) => b - mean[j]! * scale[j]!);
    const scaled = this.g.op('Mul', [x, this.g.floatTensor(`scale${id}`, scale, [scale.length])]);
    return this.g.op('Add', [scaled, this.g.floatTensor(`shift${id}`, shift, [shift.length])]);
  }

  relu(x: string): string {
    return this.g.op('Relu', [x]);
  }

  concat(parts: readonly string[]): string {
    return this.g.op('Concat', parts, { axis: 1 });
  }

  /** Finishes the graph with `y` as output and opens a session. */
  async session(ort: OrtModule, y: string, outputWidth: number): Promise<ForwardSession> {
    this.g.op('Identity', [y], {}, 'y');
    this.g.output('y', ONNX_FLOAT, ['N', outputWidth]);
    return new ForwardSession(
      ort,
      await createSession(ort, this.g.build('forward', 'synthkit')),
      this.inputWidth,
    );
  }
}

export class ForwardSession {
  constructor(
    private readonly ort: OrtModule,
    private readonly session: Ort.InferenceSession,
    private readonly inputWidth: number,
  ) {}

  /** Runs `rows` rows (row-major input; a multiple of groupRows) and returns the output rows. */
  async run(input: Float32Array, rows: number): Promise<Float32Array> {
    const out = await this.session.run({ x: new this.ort.Tensor('float32', input, [rows, this.inputWidth]) });
    return out.y!.data as Float32Array;
  }

  release(): Promise<void> {
    return this.session.release();
  }
}
