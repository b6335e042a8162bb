import type { Rng, ViewColumn, ViewTable } from '@synthkit/core';
import type { TabularEncoder } from '../encoder/tabular-encoder.js';
import type { NetworkLayout } from '../layout/network-layout.js';
import { fillNormalQuantized, fillUniformOpen } from '../random/noise.js';
import type { ForwardGraph } from './forward-graph.js';

export interface DecodeGraphOptions {
  /** Categories and modes drawn from each span's softmax, or its argmax. */
  readonly categorical: 'sample' | 'argmax';
  /** σ of Gaussian noise added to each tanh value (TVAE's learned σ), or none. */
  readonly valueNoise?: Float32Array;
}

/**
 * The decoding half of TabularEncoder.inverse as ONNX nodes appended to a generator's forward graph,
 * so sampling does not leave onnxruntime until the categories are drawn: per bucket of softmax
 * spans one masked reshape, exp, cumulative sum and a compare against a uniform (inverse-CDF draw,
 * one uniform per span), or an ArgMax; tanh, value noise (normals given as an input) and clipping for the α values.
 * The graph outputs [α per continuous column | mode index per continuous column | code per discrete
 * column]; `toView` finishes in JS (α·4σ_k + μ_k in float64, as inverse does). In JS the softmax draw
 * per span per row was half of TVAE's sampling time.
 */
export class DecodeGraph {
  /** Graph inputs this decoder needs besides the network's own: uniforms per span, and for noise. */
  readonly inputs: Readonly<Record<string, number>>;
  private readonly tanhCount: number;
  private readonly spanCount: number;
  private readonly noiseWidth: number;
  private readonly discreteCount: number;

  constructor(
    private readonly encoder: TabularEncoder,
    private readonly layout: NetworkLayout,
    private readonly options: DecodeGraphOptions,
  ) {
    this.tanhCount = layout.tanhCount;
    this.spanCount = layout.buckets.reduce((a, b) => a + b.count, 0);
    const noisy = options.valueNoise !== undefined && this.tanhCount > 0;
    this.noiseWidth = noisy ? this.tanhCount : 0;
    this.discreteCount = encoder.columns.filter((c) => c.kind === 'discrete').length;
    this.inputs = {
      ...(this.spanCount > 0 ? { spanUniforms: this.spanCount } : {}),
      ...(noisy ? { valueNoise: this.noiseWidth } : {}),
    };
  }

  /** Width of the graph's output rows. */
  get outputWidth(): number {
    return 2 * this.tanhCount + this.discreteCount;
  }

  /** Appends the decoding of `raw` ([rows, layout.dim], before activations) to f; returns its output. */
  append(f: ForwardGraph, raw: string): string {
    const g = f.g;
    const { layout } = this;
    const T = this.tanhCount;
    let k = 0;
    const name = (tag: string) => `decode_${tag}_${k++}`;
    const ints = (v: readonly number[], dims = [v.length]) => g.int64Tensor(name('i'), v, dims);
    const float = (v: number) => g.floatTensor(name('f'), Float32Array.of(v), []);
    const slice = (x: string, from: number, to: number, axis: number) =>
      g.op('Slice', [x, ints([from]), ints([to]), ints([axis])]);

    // One category index per span, in bucket order.
    const picks = layout.buckets.map((b, bi) => {
      const first = layout.buckets.slice(0, bi).reduce((a, c) => a + c.count, 0);
      const mask = layout.padding
        .subarray(b.start - T, b.start - T + b.count * b.width)
        .map((p) => (p ? -1e9 : 0));
      const logits = g.op('Add', [
        g.op('Reshape', [slice(raw, b.start, b.start + b.count * b.width, 1), ints([-1, b.count, b.width])]),
        g.floatTensor(name('mask'), mask, [b.count, b.width]),
      ]);
      if (this.options.categorical === 'argmax')
        return g.op('Cast', [g.op('ArgMax', [logits], { axis: 2, keepdims: 0 })], { to: 1 });
      const max = g.op('ReduceMax', [logits], { axes: [2], keepdims: 1 });
      const cdf = g.op('CumSum', [g.op('Exp', [g.op('Sub', [logits, max])]), ints([2], [])]);
      const total = slice(cdf, b.width - 1, b.width, 2);
      const u = g.op('Reshape', [slice('spanUniforms', first, first + b.count, 1), ints([-1, b.count, 1])]);
      // The category is the number of cumulative sums below u·total.
      const below = g.op('Cast', [g.op('Less', [cdf, g.op('Mul', [u, total])])], { to: 1 });
      return g.op('ReduceSum', [below, ints([2])], { keepdims: 0 });
    });
    const spans = picks.length === 1 ? picks[0]! : g.op('Concat', picks, { axis: 1 });
    const parts: string[] = [];
    if (T > 0) {
      let alpha = g.op('Tanh', [slice(raw, 0, T, 1)]);
      if (this.noiseWidth > 0) {
        const z = 'valueNoise';
        alpha = g.op('Add', [
          alpha,
          g.op('Mul', [z, g.floatTensor(name('sigma'), this.options.valueNoise!.slice(0, T), [T])]),
        ]);
      }
      parts.push(g.op('Clip', [alpha, float(-1), float(1)]));
      parts.push(g.op('Gather', [spans, ints(this.spanIndex('continuous'))], { axis: 1 }));
    }
    if (this.discreteCount > 0)
      parts.push(g.op('Gather', [spans, ints(this.spanIndex('discrete'))], { axis: 1 }));
    return parts.length === 1 ? parts[0]! : g.op('Concat', parts, { axis: 1 });
  }

  /** The decoder's inputs for `rows` rows, drawn from rng: uniforms per span, normals for the value noise. */
  feeds(rows: number, rng: Rng): Record<string, Float32Array> {
    const out: Record<string, Float32Array> = {};
    if (this.spanCount > 0) out.spanUniforms = fillUniformOpen(rng, new Float32Array(rows * this.spanCount));
    if (this.noiseWidth > 0)
      out.valueNoise = fillNormalQuantized(rng, new Float32Array(rows * this.noiseWidth));
    return out;
  }

  /** The graph's output rows as a view table with the encoder's columns. */
  toView(out: Float32Array, nRows: number): ViewTable {
    const W = this.outputWidth;
    const T = this.tanhCount;
    let tanh = 0;
    let discrete = 2 * T;
    const columns: ViewColumn[] = this.encoder.columns.map((enc) => {
      if (enc.kind === 'discrete') {
        const at = discrete++;
        const codes = new Int32Array(nRows);
        for (let i = 0; i < nRows; i++) codes[i] = out[i * W + at]!;
        return { kind: 'discrete', name: enc.name, codes, labels: enc.labels };
      }
      const at = tanh++;
      const values = new Float64Array(nRows);
      const { means, stds } = enc;
      for (let i = 0; i < nRows; i++) {
        const mode = out[i * W + T + at]!;
        values[i] = out[i * W + at]! * 4 * stds[mode]! + means[mode]!;
      }
      return { kind: 'continuous', name: enc.name, values };
    });
    return { nRows, columns };
  }

  /** Position (in bucket order) of the span holding each continuous column's modes or each discrete column. */
  private spanIndex(kind: 'continuous' | 'discrete'): number[] {
    const { layout } = this;
    const out: number[] = [];
    for (const enc of this.encoder.columns) {
      if (enc.kind !== kind) continue;
      const col = layout.fromEncoded[enc.kind === 'continuous' ? enc.offset + 1 : enc.offset]!;
      let before = 0;
      for (const b of layout.buckets) {
        if (col < b.start + b.count * b.width) {
          out.push(before + (col - b.start) / b.width);
          break;
        }
        before += b.count;
      }
    }
    return out;
  }
}
