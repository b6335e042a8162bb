import { type JsonValue, type Rng, SynthkitError, type ViewTable } from '@synthkit/core';

export interface CondColumn {
  /** Index in the view. */
  readonly view: number;
  readonly name: string;
  /** Offset of the column's one-hot in the conditional vector. */
  readonly offset: number;
  readonly size: number;
}

/**
 * CTGAN's conditional vector and training-by-sampling (Xu et al., 2019, §4.3). Each training row
 * draws one discrete column uniformly and one of its categories with probability ∝ log(1 + count),
 * so rare categories are seen often enough to be learnt; the real rows the critic compares against
 * are then drawn among the rows that have that category. For unconditional sampling the category
 * is drawn with its plain frequency, so generated data keeps the real marginals.
 */
export class ConditionalSampler {
  readonly columns: readonly CondColumn[];
  /** Width of the conditional vector (0 when the table has no discrete column). */
  readonly dim: number;
  private readonly counts: readonly Int32Array[];
  private readonly logCdf: Float64Array[];
  private readonly freqCdf: Float64Array[];
  private readonly rowsByCategory: Int32Array[];
  private readonly categoryStart: Int32Array[];

  private constructor(
    columns: readonly CondColumn[],
    counts: readonly Int32Array[],
    codes?: readonly Int32Array[],
  ) {
    this.columns = columns;
    this.dim = columns.reduce((s, c) => s + c.size, 0);
    this.counts = counts;
    this.logCdf = counts.map((k) => cdf(Float64Array.from(k, (c) => Math.log(1 + c))));
    this.freqCdf = counts.map((k) => cdf(Float64Array.from(k)));
    this.rowsByCategory = [];
    this.categoryStart = [];
    codes?.forEach((col, j) => {
      const K = counts[j]!.length;
      // Rows grouped by category (counting sort) so a row with a given category is one index away.
      const start = new Int32Array(K + 1);
      for (let k = 0; k < K; k++) start[k + 1] = start[k]! + counts[j]![k]!;
      const fill = start.slice(0, K);
      const rows = new Int32Array(col.length);
      for (let i = 0; i < col.length; i++) rows[fill[col[i]!]!++] = i;
      this.rowsByCategory.push(rows);
      this.categoryStart.push(start);
    });
  }

  /** For training: frequencies and the rows of every category. */
  static fromView(view: ViewTable): ConditionalSampler {
    const columns: CondColumn[] = [];
    const counts: Int32Array[] = [];
    const codes: Int32Array[] = [];
    let offset = 0;
    view.columns.forEach((col, j) => {
      if (col.kind !== 'discrete') return;
      const K = col.labels.length;
      columns.push({ view: j, name: col.name, offset, size: K });
      offset += K;
      const c = new Int32Array(K);
      for (let i = 0; i < col.codes.length; i++) c[col.codes[i]!] = c[col.codes[i]!]! + 1;
      counts.push(c);
      codes.push(col.codes);
    });
    return new ConditionalSampler(columns, counts, codes);
  }

  /** Category counts only (enough for sampling), as plain data. */
  toJSON(): JsonValue {
    return this.columns.map((c, j) => ({ view: c.view, name: c.name, counts: [...this.counts[j]!] }));
  }

  static fromJSON(json: JsonValue): ConditionalSampler {
    if (!Array.isArray(json))
      throw new SynthkitError('BAD_ARTIFACT', 'Conditional sampler state is not a list');
    const columns: CondColumn[] = [];
    const counts: Int32Array[] = [];
    let offset = 0;
    for (const item of json) {
      const c = item as Record<string, JsonValue>;
      if (typeof c.view !== 'number' || !Array.isArray(c.counts))
        throw new SynthkitError('BAD_ARTIFACT', 'Malformed conditional sampler column');
      const k = Int32Array.from(c.counts as number[]);
      columns.push({ view: c.view, name: String(c.name), offset, size: k.length });
      counts.push(k);
      offset += k.length;
    }
    return new ConditionalSampler(columns, counts);
  }

  /** Columns and categories for a training batch (log-frequency). */
  sampleTraining(n: number, rng: Rng): { column: Int32Array; category: Int32Array } {
    return this.draw(n, rng, this.logCdf);
  }

  /** Columns and categories for unconditional generation (plain frequency). */
  sampleOriginal(n: number, rng: Rng): { column: Int32Array; category: Int32Array } {
    return this.draw(n, rng, this.freqCdf);
  }

  /**
   * Where each row's 1 sits in its conditional vector (column offset + category), as float32 for
   * an onnxruntime input: a one-hot row times a weight matrix is that row of the matrix (a Gather).
   */
  indices(column: Int32Array, category: Int32Array, out = new Float32Array(column.length)): Float32Array {
    if (this.dim === 0) return out; // no discrete columns: no conditional vector
    for (let i = 0; i < column.length; i++) out[i] = this.columns[column[i]!]!.offset + category[i]!;
    return out;
  }

  /** One-hot conditional vectors, row-major n × dim. */
  encode(
    column: Int32Array,
    category: Int32Array,
    out = new Float32Array(column.length * this.dim),
  ): Float32Array {
    out.fill(0);
    if (this.dim === 0) return out;
    for (let i = 0; i < column.length; i++)
      out[i * this.dim + this.columns[column[i]!]!.offset + category[i]!] = 1;
    return out;
  }

  /** For each (column, category), a uniformly drawn row that has it. */
  pickRows(column: Int32Array, category: Int32Array, rng: Rng): Int32Array {
    if (this.rowsByCategory.length !== this.columns.length)
      throw new SynthkitError('INTERNAL', 'pickRows needs a sampler built from the training view');
    const out = new Int32Array(column.length);
    for (let i = 0; i < column.length; i++) {
      const c = column[i]!;
      const start = this.categoryStart[c]!;
      const lo = start[category[i]!]!;
      const hi = start[category[i]! + 1]!;
      out[i] = this.rowsByCategory[c]![lo + rng.int(hi - lo)]!;
    }
    return out;
  }

  /** Index into `columns` of the view column named `name`, with a clear error otherwise. */
  columnIndex(name: string): number {
    const i = this.columns.findIndex((c) => c.name === name);
    if (i < 0)
      throw new SynthkitError(
        'BAD_CONDITION',
        `"${name}" is not a discrete column this model can condition on`,
        {
          column: name,
          hint: `Discrete columns: ${this.columns.map((c) => c.name).join(', ') || '(none)'}`,
        },
      );
    return i;
  }

  private draw(n: number, rng: Rng, cdfs: Float64Array[]): { column: Int32Array; category: Int32Array } {
    const column = new Int32Array(n);
    const category = new Int32Array(n);
    const m = this.columns.length;
    if (m === 0) return { column, category };
    for (let i = 0; i < n; i++) {
      const c = rng.int(m);
      column[i] = c;
      category[i] = searchCdf(cdfs[c]!, rng.next());
    }
    return { column, category };
  }
}

function cdf(weights: Float64Array): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i]!;
    out[i] = s;
  }
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / s;
  return out;
}

function searchCdf(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
