import type { TabularEncoder } from '../encoder/tabular-encoder.js';

/** Softmax spans of similar width, each padded to `width` and laid side by side. */
export interface SpanBucket {
  /** First network column of the bucket. */
  readonly start: number;
  readonly count: number;
  readonly width: number;
}

/**
 * The column order networks see: all tanh columns first, then the softmax spans grouped into
 * buckets of similar width, each span padded with always-zero columns to its bucket's width. A
 * bucket is then one reshape to [rows, count, width] and one softmax, instead of one slice, op and
 * concat per span (tfjs-wasm has no UnsortedSegmentSum, so a gather-based layout has no gradient,
 * and per-span ops cost a kernel launch each). Padding positions get a −1e9 logit mask, so their
 * softmax output is exactly 0, matching the zeros in the real data.
 */
export class NetworkLayout {
  readonly tanhCount: number;
  readonly buckets: readonly SpanBucket[];
  /** Width of a network row. */
  readonly dim: number;
  /** Network column of each encoder column. */
  readonly fromEncoded: Int32Array;
  /** 1 at padding positions of the softmax part, else 0 (length dim − tanhCount). */
  readonly padding: Float32Array;
  private readonly encodedDim: number;

  constructor(encoder: TabularEncoder) {
    this.encodedDim = encoder.dim;
    const fromEncoded = new Int32Array(encoder.dim).fill(-1);
    const tanh = encoder.spans.filter((s) => s.kind === 'tanh');
    tanh.forEach((s, i) => {
      fromEncoded[s.start] = i;
    });
    this.tanhCount = tanh.length;
    const soft = encoder.spans
      .filter((s) => s.kind === 'softmax')
      .sort((a, b) => a.size - b.size || a.start - b.start);
    const groups = bucketSpans(soft.map((s) => s.size)).map(([from, to]) => soft.slice(from, to));
    const buckets: SpanBucket[] = [];
    const pad: number[] = [];
    let col = this.tanhCount;
    for (const spans of groups) {
      const width = Math.max(...spans.map((s) => s.size));
      buckets.push({ start: col, count: spans.length, width });
      for (const s of spans) {
        for (let c = 0; c < width; c++) {
          if (c < s.size) fromEncoded[s.start + c] = col + c;
          pad.push(c < s.size ? 0 : 1);
        }
        col += width;
      }
    }
    this.buckets = buckets;
    this.dim = col;
    this.fromEncoded = fromEncoded;
    this.padding = Float32Array.from(pad);
  }

  /** Copies encoded rows `rows` (indices into `encoded`) into a network-layout batch. */
  gather(
    encoded: Float32Array,
    rows: ArrayLike<number>,
    out = new Float32Array(rows.length * this.dim),
  ): Float32Array {
    const E = this.encodedDim;
    const D = this.dim;
    const map = this.fromEncoded;
    out.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const src = rows[i]! * E;
      const dst = i * D;
      for (let j = 0; j < E; j++) out[dst + map[j]!] = encoded[src + j]!;
    }
    return out;
  }

  /** Network-layout rows back to the encoder's layout (padding dropped). */
  toEncoded(net: Float32Array, nRows: number): Float32Array {
    const E = this.encodedDim;
    const D = this.dim;
    const map = this.fromEncoded;
    const out = new Float32Array(nRows * E);
    for (let i = 0; i < nRows; i++) for (let j = 0; j < E; j++) out[i * E + j] = net[i * D + map[j]!]!;
    return out;
  }
}

/** Columns one more bucket is worth: a bucket costs a slice, a reshape and a softmax per pass. */
const BUCKET_COST = 8;

/**
 * Splits ascending span widths into contiguous groups minimising padded width plus BUCKET_COST per
 * group (dynamic programming over split points); returns [from, to) index ranges.
 */
function bucketSpans(sizes: readonly number[]): Array<[number, number]> {
  const m = sizes.length;
  const best = new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(m + 1);
  best[0] = 0;
  for (let j = 1; j <= m; j++)
    for (let i = 0; i < j; i++) {
      const cost = best[i]! + (j - i) * sizes[j - 1]! + BUCKET_COST;
      if (cost < best[j]!) {
        best[j] = cost;
        from[j] = i;
      }
    }
  const out: Array<[number, number]> = [];
  for (let j = m; j > 0; j = from[j]!) out.unshift([from[j]!, j]);
  return out;
}
