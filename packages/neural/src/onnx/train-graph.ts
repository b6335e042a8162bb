import type * as Ort from 'onnxruntime-node';
import { concatFloat32 } from '../params/concat-float32.js';
import type { ParamSpec } from '../params/param-set.js';
import { GraphBuilder, ONNX_FLOAT } from './graph-builder.js';
import { createSession, type OrtModule } from './ort-runtime.js';

/** Adam's fixed settings, as in `Adam` (PyTorch semantics: L2 decay added to the gradient, ε after √v̂). */
export interface AdamGraphOptions {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon?: number;
  readonly weightDecay?: number;
}

/** A state tensor carried from one step to the next: graph input `name`, output `${name}_next`. */
const NEXT = '_next';

/**
 * A network's weights and Adam moments as one state tensor each, in their own shapes: a step then
 * reads each weight directly and writes each update as a graph output, with no per-step slicing of
 * a flat vector and concatenation of the gradients (for CTGAN 8% of a step).
 */
export interface ParamState {
  readonly prefix: string;
  readonly specs: readonly ParamSpec[];
  /** Node names by parameter name: the weights and the two moments. */
  readonly w: Readonly<Record<string, string>>;
  readonly m: Readonly<Record<string, string>>;
  readonly v: Readonly<Record<string, string>>;
}

/**
 * Builds one training step (forward pass, a hand-derived backward pass and the optimiser update) as
 * an ONNX graph for onnxruntime-node: one `session.run` per step instead of hundreds of tfjs-wasm
 * kernel launches, with MLAS's GEMM doing the matrix products. Weights and Adam moments are graph
 * inputs (flat, in ParamSet order) and the updated ones graph outputs, fed back next step.
 * The helpers here are the pieces every dense network needs; a network's file wires its own graph.
 */
export class TrainGraph {
  readonly g = new GraphBuilder();
  private n = 0;
  private readonly scalars = new Map<number, string>();
  private readonly state: string[] = [];
  private readonly stateDims = new Map<string, readonly number[]>();

  /** A per-step input, e.g. the batch ['N', width] or a scalar []. */
  input(name: string, dims: readonly (number | string)[]): string {
    return this.g.input(name, ONNX_FLOAT, dims);
  }

  /** A state tensor carried across steps (weights, moments): a flat vector of `size` values, or of shape `dims`. */
  stateInput(name: string, size: number | readonly number[]): string {
    const dims = typeof size === 'number' ? [size] : size;
    this.state.push(name);
    this.stateDims.set(name, dims);
    return this.g.input(name, ONNX_FLOAT, dims);
  }

  /** Weights and Adam moments of a network as state tensors named `prefix.name`, `prefix.m.name`, `prefix.v.name`. */
  paramState(prefix: string, specs: readonly ParamSpec[]): ParamState {
    // The names adamParams gives the updates: `${prefix}${part}.${name}_next`.
    const named = (part: string) =>
      Object.fromEntries(specs.map((s) => [s.name, this.stateInput(`${prefix}${part}.${s.name}`, s.shape)]));
    return { prefix, specs, w: named(''), m: named('.m'), v: named('.v') };
  }

  /**
   * Adam on every tensor of `state` (gradients by parameter name, each in its parameter's shape).
   * With `last`, the updates are the step's state outputs, written by their own nodes (no copy).
   */
  adamParams(
    state: ParamState,
    grads: Readonly<Record<string, string>>,
    o: AdamGraphOptions,
    lrt: string,
    rbc2: string,
    last: boolean,
    /** Parameters whose gradient already holds the L2 term (folded into a GEMM), so Adam adds none. */
    decayed: ReadonlySet<string> = new Set(),
  ): ParamState {
    const w: Record<string, string> = {};
    const m: Record<string, string> = {};
    const v: Record<string, string> = {};
    for (const s of state.specs) {
      const out = last
        ? {
            p: `${state.prefix}.${s.name}${NEXT}`,
            m: `${state.prefix}.m.${s.name}${NEXT}`,
            v: `${state.prefix}.v.${s.name}${NEXT}`,
          }
        : undefined;
      const opts = decayed.has(s.name) ? { ...o, weightDecay: 0 } : o;
      const u = this.adam(
        state.w[s.name]!,
        state.m[s.name]!,
        state.v[s.name]!,
        grads[s.name]!,
        opts,
        lrt,
        rbc2,
        out,
      );
      w[s.name] = u.p;
      m[s.name] = u.m;
      v[s.name] = u.v;
      if (out) for (const name of Object.values(out)) this.g.output(name, ONNX_FLOAT, s.shape);
    }
    return { ...state, w, m, v };
  }

  /** The new value of a state vector, fed back as `name` on the next step. */
  stateOutput(name: string, value: string, size: number): void {
    this.output(`${name}${NEXT}`, value, [size]);
  }

  output(name: string, value: string, dims: readonly (number | string)[]): void {
    this.g.op('Identity', [value], {}, name);
    this.g.output(name, ONNX_FLOAT, dims);
  }

  /** A float32 scalar constant (shared by value). */
  scalar(v: number): string {
    let name = this.scalars.get(v);
    if (!name) {
      name = this.g.floatTensor(`c${this.n++}`, Float32Array.of(v), []);
      this.scalars.set(v, name);
    }
    return name;
  }

  constant(data: Float32Array, dims: readonly number[]): string {
    return this.g.floatTensor(`k${this.n++}`, data, dims);
  }

  ints(values: readonly number[]): string {
    return this.g.int64Tensor(`i${this.n++}`, values, [values.length]);
  }

  op(type: string, inputs: readonly string[], attrs: Parameters<GraphBuilder['op']>[2] = {}): string {
    return this.g.op(type, inputs, attrs);
  }

  add(a: string, b: string): string {
    return this.g.op('Add', [a, b]);
  }
  sub(a: string, b: string): string {
    return this.g.op('Sub', [a, b]);
  }
  mul(a: string, b: string): string {
    return this.g.op('Mul', [a, b]);
  }
  div(a: string, b: string): string {
    return this.g.op('Div', [a, b]);
  }

  /**
   * a·b (+ β·c), with optional transposes, as one MLAS GEMM. The β·c term folds an addition into the
   * product: L2 decay λ·W into a weight gradient, or a second gradient term, without another pass.
   */
  gemm(
    a: string,
    b: string,
    c?: string,
    t: { transA?: boolean; transB?: boolean; beta?: number } = {},
  ): string {
    const attrs: Record<string, number | { float: number }> = {
      transA: t.transA ? 1 : 0,
      transB: t.transB ? 1 : 0,
    };
    if (c !== undefined && t.beta !== undefined && t.beta !== 1) attrs.beta = { float: t.beta };
    return this.g.op('Gemm', c ? [a, b, c] : [a, b], attrs);
  }

  /** Columns [from, to) of a 2-D tensor (or elements of a 1-D one with axis 0). */
  slice(x: string, from: number, to: number, axis = 1): string {
    return this.g.op('Slice', [x, this.ints([from]), this.ints([to]), this.ints([axis])]);
  }

  reshape(x: string, shape: readonly number[]): string {
    return this.g.op('Reshape', [x, this.ints(shape)]);
  }

  concat(parts: readonly string[], axis: number): string {
    return parts.length === 1 ? parts[0]! : this.g.op('Concat', parts, { axis });
  }

  /** Sum over rows: [n, k] → [k] (a bias gradient). */
  sumRows(x: string): string {
    return this.g.op('ReduceSum', [x, this.ints([0])], { keepdims: 0 });
  }

  /** Sum of every element, a scalar. */
  sumAll(x: string): string {
    return this.g.op('ReduceSum', [x], { keepdims: 0 });
  }

  /**
   * Backward of y = relu(a) given y: dy where y > 0 (the same mask as a > 0, tfjs's relu gradient),
   * else 0. (ORT's Sign kernel, the obvious mask, is not vectorised: 1 ms per 500×128.)
   */
  reluGrad(dy: string, y: string): string {
    return this.g.op('Where', [this.g.op('Greater', [y, this.scalar(0)]), dy, this.scalar(0)]);
  }

  /**
   * Backward of y = x·W + b: gradients of W (xᵀ·dy, plus `decay`·W inside the same GEMM when an L2
   * decay is given, so Adam must then add none for W) and b (Σ rows of dy) and, unless `needInput` is
   * false, of x (dy·Wᵀ).
   */
  denseGrad(
    x: string,
    w: string,
    dy: string,
    needInput = true,
    decay = 0,
  ): { dw: string; db: string; dx: string | undefined } {
    return {
      dw: this.gemm(x, dy, decay > 0 ? w : undefined, { transA: true, beta: decay }),
      db: this.sumRows(dy),
      dx: needInput ? this.gemm(dy, w, undefined, { transB: true }) : undefined,
    };
  }

  /** Named views of a flat parameter vector, in spec order (Slice + Reshape each). */
  views(flat: string, specs: readonly ParamSpec[]): Record<string, string> {
    const out: Record<string, string> = {};
    let o = 0;
    for (const s of specs) {
      const size = s.shape.reduce((a, b) => a * b, 1);
      const part = this.slice(flat, o, o + size, 0);
      out[s.name] = s.shape.length === 1 ? part : this.reshape(part, s.shape);
      o += size;
    }
    return out;
  }

  /** Gradients (in spec order) flattened into one vector matching the flat parameter layout. */
  flatten(grads: readonly string[], specs: readonly ParamSpec[]): string {
    return this.concat(
      grads.map((g, i) => (specs[i]!.shape.length === 1 ? g : this.reshape(g, [-1]))),
      0,
    );
  }

  /**
   * Adam (Kingma & Ba, 2015) on flat vectors, the same float32 operations in the same order as
   * `Adam.apply`: g += λ·p; m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²;
   * p −= (m / (√v·rbc2 + ε))·lrt, with `lrt` = lr/(1−β₁ᵗ) and `rbc2` = 1/√(1−β₂ᵗ) as step inputs.
   */
  adam(
    p: string,
    m: string,
    v: string,
    grad: string,
    o: AdamGraphOptions,
    lrt: string,
    rbc2: string,
    /** Names for the three results (graph outputs), else generated ones. */
    out?: { p: string; m: string; v: string },
  ): { p: string; m: string; v: string } {
    const wd = o.weightDecay ?? 0;
    const g = wd > 0 ? this.add(grad, this.mul(p, this.scalar(wd))) : grad;
    const m2 = this.g.op(
      'Add',
      [this.mul(m, this.scalar(o.beta1)), this.mul(g, this.scalar(1 - o.beta1))],
      {},
      out?.m,
    );
    const v2 = this.g.op(
      'Add',
      [this.mul(v, this.scalar(o.beta2)), this.mul(this.mul(g, g), this.scalar(1 - o.beta2))],
      {},
      out?.v,
    );
    const denom = this.add(this.mul(this.g.op('Sqrt', [v2]), rbc2), this.scalar(o.epsilon ?? 1e-8));
    const p2 = this.g.op('Sub', [p, this.mul(this.div(m2, denom), lrt)], {}, out?.p);
    return { p: p2, m: m2, v: v2 };
  }

  /** Serialises the graph and opens a session on `threads` intra-op threads. */
  async session(ort: OrtModule, threads = 1): Promise<TrainSession> {
    return new TrainSession(
      ort,
      await createSession(ort, this.g.build('train-step', 'synthkit'), threads),
      new Map(this.stateDims),
    );
  }
}

/**
 * Runs a TrainGraph step after step. The state vectors live in ORT tensors: each step's outputs
 * (`name_next`) become the next step's inputs without a copy in JS.
 */
export class TrainSession {
  private readonly state: Record<string, Ort.Tensor> = {};

  constructor(
    private readonly ort: OrtModule,
    private readonly session: Ort.InferenceSession,
    private readonly stateDims: ReadonlyMap<string, readonly number[]>,
  ) {}

  /** Sets a state tensor (copied, so the caller's array is left alone). */
  set(name: string, values: Float32Array): void {
    const dims = this.stateDims.get(name) ?? [values.length];
    this.state[name] = new this.ort.Tensor('float32', values.slice(), dims as number[]);
  }

  /** Sets the weights (`part` '') or a moment ('.m', '.v') of a paramState from a flat array in spec order. */
  setParams(prefix: string, part: '' | '.m' | '.v', specs: readonly ParamSpec[], flat: Float32Array): void {
    let o = 0;
    for (const s of specs) {
      const n = s.shape.reduce((a, b) => a * b, 1);
      this.set(`${prefix}${part}.${s.name}`, flat.subarray(o, o + n));
      o += n;
    }
  }

  /** The weights or a moment of a paramState as one flat array in spec order. */
  getParams(prefix: string, part: '' | '.m' | '.v', specs: readonly ParamSpec[]): Float32Array {
    return concatFloat32(specs.map((s) => this.state[`${prefix}${part}.${s.name}`]!.data as Float32Array));
  }

  /** The current values of a state vector (a copy). */
  get(name: string): Float32Array {
    return (this.state[name]!.data as Float32Array).slice();
  }

  /**
   * One step: `inputs` are the per-step tensors (data and dims); returns the non-state outputs.
   * The state advances to the step's `_next` outputs.
   */
  async step(
    inputs: Readonly<Record<string, { data: Float32Array; dims: readonly number[] }>>,
  ): Promise<Record<string, Float32Array>> {
    const feeds: Record<string, Ort.Tensor> = { ...this.state };
    for (const [name, t] of Object.entries(inputs))
      feeds[name] = new this.ort.Tensor('float32', t.data, t.dims as number[]);
    const out = await this.session.run(feeds);
    const rest: Record<string, Float32Array> = {};
    for (const [name, t] of Object.entries(out)) {
      if (name.endsWith(NEXT) && this.stateDims.has(name.slice(0, -NEXT.length)))
        this.state[name.slice(0, -NEXT.length)] = t;
      else rest[name] = t.data as Float32Array;
    }
    return rest;
  }

  release(): Promise<void> {
    return this.session.release();
  }
}
