import { type JsonValue, type Rng, SynthkitError, type ViewColumn, type ViewTable } from '@synthkit/core';
import { type BayesianGmm, componentProbabilities, fitBayesianGmm } from './bayesian-gmm.js';

/**
 * Mode-specific normalisation (Xu et al., 2019, "Modeling Tabular Data using Conditional GAN", §4.2).
 * A continuous value becomes a scalar α = (x − μ_k)/(4σ_k) in [−1, 1] (a `tanh` span of width 1)
 * followed by the one-hot of its mode k (a `softmax` span), k drawn from the mode posterior; a
 * discrete value becomes a one-hot (`softmax` span). Rows are encoded row-major into a Float32Array.
 */
export interface OutputSpan {
  readonly kind: 'tanh' | 'softmax';
  /** First encoded column of the span. */
  readonly start: number;
  readonly size: number;
  /** Index of the view column the span belongs to. */
  readonly column: number;
}

export type ColumnEncoding =
  | {
      readonly kind: 'continuous';
      readonly name: string;
      readonly means: Float64Array;
      readonly stds: Float64Array;
      readonly weights: Float64Array;
      /** Encoded offset of α; the mode one-hot follows it. */
      readonly offset: number;
    }
  | {
      readonly kind: 'discrete';
      readonly name: string;
      readonly labels: readonly string[];
      readonly offset: number;
    };

export interface EncoderOptions {
  /** Most modes per continuous column (CTGAN: 10). */
  readonly maxModes?: number;
  /** Modes lighter than this are dropped (CTGAN: 0.005). */
  readonly weightThreshold?: number;
}

export interface InverseOptions {
  /** 'argmax' picks the largest output of each softmax span (TVAE); 'sample' draws from softmax(logits) (CTGAN). */
  readonly categorical: 'argmax' | 'sample';
  /** Needed for 'sample' and for `valueNoise`. */
  readonly rng?: Rng;
  /** Standard deviation per tanh span (in span order) of Gaussian noise added to α before decoding (TVAE's learned σ). */
  readonly valueNoise?: Float32Array;
  /**
   * Rows laid out differently (a NetworkLayout): `dim` values per row, encoder column j at
   * `fromEncoded[j]`, spans contiguous. Saves copying network output back to the encoder layout.
   */
  readonly layout?: { readonly dim: number; readonly fromEncoded: Int32Array };
}

export class TabularEncoder {
  readonly columns: readonly ColumnEncoding[];
  readonly spans: readonly OutputSpan[];
  /** Width of one encoded row. */
  readonly dim: number;

  private constructor(columns: readonly ColumnEncoding[]) {
    this.columns = columns;
    const spans: OutputSpan[] = [];
    let dim = 0;
    columns.forEach((c, i) => {
      if (c.kind === 'continuous') {
        spans.push({ kind: 'tanh', start: dim, size: 1, column: i });
        spans.push({ kind: 'softmax', start: dim + 1, size: c.means.length, column: i });
        dim += 1 + c.means.length;
      } else {
        spans.push({ kind: 'softmax', start: dim, size: c.labels.length, column: i });
        dim += c.labels.length;
      }
    });
    this.spans = spans;
    this.dim = dim;
  }

  /** Fits one Bayesian mixture per continuous column; discrete columns keep their code order. */
  static fit(view: ViewTable, options: EncoderOptions = {}): TabularEncoder {
    validateView(view);
    const maxModes = options.maxModes ?? 10;
    if (!Number.isInteger(maxModes) || maxModes < 1)
      throw new SynthkitError('BAD_OPTION', `maxModes must be a positive integer, got ${maxModes}`);
    const columns: ColumnEncoding[] = [];
    let offset = 0;
    for (const col of view.columns) {
      if (col.kind === 'continuous') {
        const gmm: BayesianGmm = fitBayesianGmm(col.values, {
          maxComponents: maxModes,
          weightThreshold: options.weightThreshold ?? 0.005,
        });
        columns.push({
          kind: 'continuous',
          name: col.name,
          means: gmm.means,
          stds: gmm.stds,
          weights: gmm.weights,
          offset,
        });
        offset += 1 + gmm.means.length;
      } else {
        columns.push({ kind: 'discrete', name: col.name, labels: [...col.labels], offset });
        offset += col.labels.length;
      }
    }
    return new TabularEncoder(columns);
  }

  /** Encodes every row; the mode of each continuous value is drawn from its posterior with `rng`. */
  transform(view: ViewTable, rng: Rng): Float32Array {
    this.checkSameShape(view);
    const n = view.nRows;
    const D = this.dim;
    const out = new Float32Array(n * D);
    const probs = new Float64Array(16);
    this.columns.forEach((enc, j) => {
      const col = view.columns[j]!;
      if (enc.kind === 'discrete') {
        const codes = (col as Extract<ViewColumn, { kind: 'discrete' }>).codes;
        for (let i = 0; i < n; i++) out[i * D + enc.offset + codes[i]!] = 1;
        return;
      }
      const values = (col as Extract<ViewColumn, { kind: 'continuous' }>).values;
      const K = enc.means.length;
      const gmm: BayesianGmm = { means: enc.means, stds: enc.stds, weights: enc.weights, iterations: 0 };
      const p = probs.length >= K ? probs : new Float64Array(K);
      for (let i = 0; i < n; i++) {
        const x = values[i]!;
        let k = 0;
        if (K > 1) {
          componentProbabilities(gmm, x, p);
          k = K - 1;
          let u = rng.next();
          for (let m = 0; m < K; m++) {
            u -= p[m]!;
            if (u < 0) {
              k = m;
              break;
            }
          }
        }
        const sd = enc.stds[k]!;
        const alpha = sd > 0 ? (x - enc.means[k]!) / (4 * sd) : 0;
        out[i * D + enc.offset] = Math.min(0.99, Math.max(-0.99, alpha));
        out[i * D + enc.offset + 1 + k] = 1;
      }
    });
    return out;
  }

  /**
   * Decodes raw network outputs (before any activation; `tanh` is applied to α here) back into a
   * view table with the fitted column order, names and labels.
   */
  inverse(raw: Float32Array, nRows: number, options: InverseOptions): ViewTable {
    const D = options.layout?.dim ?? this.dim;
    const at = (encodedColumn: number): number => options.layout?.fromEncoded[encodedColumn] ?? encodedColumn;
    if (raw.length !== nRows * D)
      throw new SynthkitError('INTERNAL', `inverse: expected ${nRows * D} values, got ${raw.length}`);
    if ((options.categorical === 'sample' || options.valueNoise) && !options.rng)
      throw new SynthkitError('INTERNAL', 'inverse: sampling needs an rng');
    const rng = options.rng;
    let tanhSpan = 0;
    const columns: ViewColumn[] = this.columns.map((enc) => {
      if (enc.kind === 'discrete') {
        const codes = new Int32Array(nRows);
        const start = at(enc.offset);
        for (let i = 0; i < nRows; i++)
          codes[i] = pick(raw, i * D + start, enc.labels.length, options.categorical, rng);
        return { kind: 'discrete', name: enc.name, codes, labels: enc.labels };
      }
      const sigma = options.valueNoise ? options.valueNoise[tanhSpan]! : 0;
      tanhSpan++;
      const K = enc.means.length;
      const values = new Float64Array(nRows);
      const alphaAt = at(enc.offset);
      const modesAt = at(enc.offset + 1);
      for (let i = 0; i < nRows; i++) {
        let a = Math.tanh(raw[i * D + alphaAt]!);
        if (sigma > 0) a = rng!.normal(a, sigma);
        a = Math.min(1, Math.max(-1, a));
        const k = K === 1 ? 0 : pick(raw, i * D + modesAt, K, options.categorical, rng);
        values[i] = a * 4 * enc.stds[k]! + enc.means[k]!;
      }
      return { kind: 'continuous', name: enc.name, values };
    });
    return { nRows, columns };
  }

  /** Plain data for a ModelState (JSON numbers round-trip float64 exactly). */
  toJSON(): JsonValue {
    return this.columns.map(
      (c): JsonValue =>
        c.kind === 'continuous'
          ? { kind: c.kind, name: c.name, means: [...c.means], stds: [...c.stds], weights: [...c.weights] }
          : { kind: c.kind, name: c.name, labels: [...c.labels] },
    );
  }

  static fromJSON(json: JsonValue): TabularEncoder {
    if (!Array.isArray(json))
      throw new SynthkitError('BAD_ARTIFACT', 'Encoder state is not a list of columns');
    const columns: ColumnEncoding[] = [];
    let offset = 0;
    for (const item of json) {
      const c = item as Record<string, JsonValue>;
      if (
        c.kind === 'continuous' &&
        Array.isArray(c.means) &&
        Array.isArray(c.stds) &&
        Array.isArray(c.weights)
      ) {
        const means = Float64Array.from(c.means as number[]);
        columns.push({
          kind: 'continuous',
          name: String(c.name),
          means,
          stds: Float64Array.from(c.stds as number[]),
          weights: Float64Array.from(c.weights as number[]),
          offset,
        });
        offset += 1 + means.length;
      } else if (c.kind === 'discrete' && Array.isArray(c.labels)) {
        columns.push({
          kind: 'discrete',
          name: String(c.name),
          labels: (c.labels as JsonValue[]).map(String),
          offset,
        });
        offset += c.labels.length;
      } else throw new SynthkitError('BAD_ARTIFACT', 'Encoder state has a malformed column entry');
    }
    return new TabularEncoder(columns);
  }

  private checkSameShape(view: ViewTable): void {
    validateView(view);
    if (view.columns.length !== this.columns.length)
      throw new SynthkitError(
        'TYPE_MISMATCH',
        `Expected ${this.columns.length} columns, got ${view.columns.length}`,
      );
    this.columns.forEach((enc, j) => {
      const col = view.columns[j]!;
      if (col.kind !== enc.kind || col.name !== enc.name)
        throw new SynthkitError(
          'TYPE_MISMATCH',
          `Column ${j} is ${col.kind} "${col.name}", the encoder was fitted on ${enc.kind} "${enc.name}"`,
          {
            column: col.name,
          },
        );
      if (col.kind === 'discrete' && enc.kind === 'discrete' && col.labels.length !== enc.labels.length)
        throw new SynthkitError(
          'TYPE_MISMATCH',
          `Column "${col.name}" has ${col.labels.length} categories, the encoder knows ${enc.labels.length}`,
          {
            column: col.name,
          },
        );
    });
  }
}

const scratch = { p: new Float64Array(64) };

function pick(
  raw: Float32Array,
  start: number,
  size: number,
  how: 'argmax' | 'sample',
  rng: Rng | undefined,
): number {
  let best = 0;
  for (let c = 1; c < size; c++) if (raw[start + c]! > raw[start + best]!) best = c;
  if (how === 'argmax') return best;
  // A draw from softmax(logits): what argmax of CTGAN's Gumbel-softmax output is at any temperature.
  // Inverse CDF with one uniform per span (cheaper than Gumbel-max's two logs per category).
  if (scratch.p.length < size) scratch.p = new Float64Array(size);
  const p = scratch.p;
  const max = raw[start + best]!;
  let total = 0;
  for (let c = 0; c < size; c++) {
    total += Math.exp(raw[start + c]! - max);
    p[c] = total;
  }
  const u = rng!.next() * total;
  for (let c = 0; c < size; c++) if (u < p[c]!) return c;
  return best;
}

function validateView(view: ViewTable): void {
  if (view.columns.length === 0)
    throw new SynthkitError('EMPTY_INPUT', 'The table has no columns to learn', {
      hint: 'Keep at least one column that is not an id or PII',
    });
  if (view.nRows < 1) throw new SynthkitError('NO_ROWS', 'The table has no rows to learn from');
  for (const col of view.columns) {
    if (col.kind === 'continuous') {
      if (col.values.length !== view.nRows)
        throw new SynthkitError(
          'INTERNAL',
          `Column "${col.name}" has ${col.values.length} values, expected ${view.nRows}`,
        );
      for (let i = 0; i < col.values.length; i++)
        if (!Number.isFinite(col.values[i]!))
          throw new SynthkitError('BAD_VALUE', `Column "${col.name}" has a non-finite value`, {
            column: col.name,
            row: i + 1,
            hint: 'Generators get finite numbers only; let the Synthesizer add a missing-value indicator',
          });
    } else {
      if (col.labels.length === 0)
        throw new SynthkitError('BAD_VALUE', `Column "${col.name}" has no categories`, { column: col.name });
      for (let i = 0; i < col.codes.length; i++) {
        const c = col.codes[i]!;
        if (c < 0 || c >= col.labels.length)
          throw new SynthkitError(
            'BAD_VALUE',
            `Column "${col.name}" has code ${c} outside its ${col.labels.length} labels`,
            { column: col.name, row: i + 1 },
          );
      }
    }
  }
}
