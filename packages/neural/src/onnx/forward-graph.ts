import type * as Ort from 'onnxruntime-node';
import { GraphBuilder, ONNX_FLOAT } from './graph-builder.js';
import { createSession, type OrtModule } from './ort-runtime.js';

/**
 * Builds forward-only ONNX graphs of the generators' networks (weights as initializers) and runs
 * them on onnxruntime-node: sampling is inference, and MLAS's single-thread matMul is several times
 * faster here than tfjs-wasm's. Inputs are [rows, width] (one GEMM per layer: a batched 3-D
 * MatMul ran at half the speed); batch statistics (where a network has batch norm) are taken over
 * each group of `groupRows` consecutive rows, so a group plays the part of one tfjs batch.
 */
export class ForwardGraph {
  readonly g = new GraphBuilder();
  private n = 0;

  private readonly widths: Record<string, number> = {};

  /** Graph inputs by name and width (every input has one row per sampled row). */
  constructor(
    inputs: Readonly<Record<string, number>>,
    private readonly groupRows = 1,
  ) {
    for (const [name, width] of Object.entries(inputs)) {
      this.g.input(name, ONNX_FLOAT, ['N', width]);
      this.widths[name] = width;
    }
  }

  /**
   * Standard normals from uniforms in (0, 1) by Box–Muller (Box & Muller, 1958), computed in the graph:
   * [r·cos θ, r·sin θ] with r = √(−2 ln u₁), θ = 2π·u₂, u₁ and u₂ the two halves of an even-width input.
   * Turning uniforms into normals in JS (a log and a square root per pair) cost as much as the decoder.
   */
  gaussian(uniforms: string): string {
    const id = this.n++;
    const half = this.widths[uniforms]! / 2;
    const axes = this.g.int64Tensor(`bm_axes${id}`, [1], [1]);
    const slice = (from: number, to: number, tag: string) =>
      this.g.op('Slice', [
        uniforms,
        this.g.int64Tensor(`${tag}_s${id}`, [from], [1]),
        this.g.int64Tensor(`${tag}_e${id}`, [to], [1]),
        axes,
      ]);
    const u1 = slice(0, half, 'u1');
    const u2 = slice(half, 2 * half, 'u2');
    const r = this.g.op('Sqrt', [
      this.g.op('Mul', [this.g.op('Log', [u1]), this.g.floatTensor(`m2_${id}`, Float32Array.of(-2), [])]),
    ]);
    const theta = this.g.op('Mul', [u2, this.g.floatTensor(`tau_${id}`, Float32Array.of(2 * Math.PI), [])]);
    return this.concat([
      this.g.op('Mul', [r, this.g.op('Cos', [theta])]),
      this.g.op('Mul', [r, this.g.op('Sin', [theta])]),
    ]);
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

  /** The first `width` columns of x. */
  firstColumns(x: string, width: number): string {
    const id = this.n++;
    const i64 = (tag: string, v: number) => this.g.int64Tensor(`${tag}${id}`, [v], [1]);
    return this.g.op('Slice', [x, i64('fc_s', 0), i64('fc_e', width), i64('fc_a', 1)]);
  }

  relu(x: string): string {
    return this.g.op('Relu', [x]);
  }

  concat(parts: readonly string[]): string {
    return this.g.op('Concat', parts, { axis: 1 });
  }

  /**
   * Finishes the graph with `y` as output and opens a session, by default on every core: sampling
   * runs big batches whose GEMMs split well (CTGAN's generator, 4,096 rows: 48 ms on one thread,
   * 33 ms on two, with the second core busy elsewhere).
   */
  async session(ort: OrtModule, y: string, outputWidth: number, threads = 0): Promise<ForwardSession> {
    this.g.op('Identity', [y], {}, 'y');
    this.g.output('y', ONNX_FLOAT, ['N', outputWidth]);
    return new ForwardSession(
      ort,
      await createSession(ort, this.g.build('forward', 'synthkit'), threads),
      this.widths,
    );
  }
}

export class ForwardSession {
  constructor(
    private readonly ort: OrtModule,
    private readonly session: Ort.InferenceSession,
    private readonly widths: Readonly<Record<string, number>>,
  ) {}

  /** Runs `rows` rows (row-major inputs by name; a multiple of groupRows) and returns the output rows. */
  async run(inputs: Readonly<Record<string, Float32Array>>, rows: number): Promise<Float32Array> {
    const feeds: Record<string, Ort.Tensor> = {};
    for (const [name, width] of Object.entries(this.widths))
      feeds[name] = new this.ort.Tensor('float32', inputs[name]!, [rows, width]);
    const out = await this.session.run(feeds);
    return out.y!.data as Float32Array;
  }

  release(): Promise<void> {
    return this.session.release();
  }
}
