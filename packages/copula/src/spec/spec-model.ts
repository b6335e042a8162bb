import {
  betaQuantile,
  type Column,
  type ColumnMetadata,
  gammaQuantile,
  type Metadata,
  normalCdf,
  normalQuantile,
  Rng,
  SynthkitError,
  Table,
} from '@synthkit/core';
import { GaussianSampler } from '../latent/gaussian-sampler.js';
import { nearestCorrelation } from '../latent/nearest-correlation.js';
import { ZTable } from '../latent/z-table.js';
import { NormalStream } from '../latent/ziggurat.js';
import { parseSpec } from './parse-spec.js';
import type { SpecColumn } from './spec-types.js';

/** Maps a chunk of latent scores to rows [at, at + n) of an output column. */
interface Emitter {
  allocate(n: number): Column;
  write(z: Float64Array, n: number, out: Column, at: number): void;
}

const CHUNK = 2048;

/**
 * A sampler built from a declared spec instead of data: each column's quantile function applied to
 * the latent scores of a Gaussian copula whose correlation the spec gives (identity otherwise).
 */
export class SpecModel {
  readonly columns: readonly SpecColumn[];
  readonly correlation: Float64Array;
  /** How the output should be written back (integer/float numbers, datetime formats, booleans). */
  readonly metadata: Metadata;
  private readonly sampler: GaussianSampler;
  private readonly emitters: readonly Emitter[];

  constructor(spec: unknown) {
    const parsed = parseSpec(spec);
    this.columns = parsed.columns;
    // Valid input is positive semi-definite; the repair only lifts zero eigenvalues so Cholesky exists.
    this.correlation = nearestCorrelation(parsed.correlation, parsed.columns.length);
    this.sampler = new GaussianSampler(this.correlation, this.columns.length);
    this.emitters = this.columns.map(emitterOf);
    this.metadata = {
      version: 1,
      columns: Object.fromEntries(this.columns.map((c) => [c.name, metadataOf(c)])),
    };
  }

  /** n rows in batches of at most `batchSize`; the same seed gives the same rows, however batched. */
  *batches(n: number, options: { seed?: number; batchSize?: number } = {}): Generator<Table> {
    if (!(Number.isInteger(n) && n >= 0))
      throw new SynthkitError('BAD_OPTION', `Number of rows must be a non-negative integer, got ${n}`);
    const normals = new NormalStream(new Rng(options.seed ?? 0).fork('copula/spec'));
    const batch = Math.max(1, Math.min(n, Math.floor(options.batchSize ?? 65536)));
    const d = this.columns.length;
    const z = Array.from({ length: d }, () => new Float64Array(Math.min(batch, CHUNK)));
    for (let done = 0; done < n; ) {
      const size = Math.min(batch, n - done);
      const out = this.emitters.map((e) => e.allocate(size));
      for (let at = 0; at < size; at += CHUNK) {
        const m = Math.min(CHUNK, size - at);
        this.sampler.draw(normals, m, z);
        for (let j = 0; j < d; j++) this.emitters[j]!.write(z[j]!, m, out[j]!, at);
      }
      done += size;
      yield new Table(this.columns.map((c, j) => [c.name, out[j]!] as const));
    }
  }

  /** n rows as one table. */
  sample(n: number, options: { seed?: number } = {}): Table {
    const parts = [...this.batches(n, { ...options, batchSize: Math.max(1, n) })];
    return (
      parts[0] ?? new Table(this.columns.map((c, j) => [c.name, this.emitters[j]!.allocate(0)] as const))
    );
  }
}

/** Validates a spec and returns its sampler. Bad specs throw SynthkitError BAD_SPEC naming the column. */
export function fromSpec(spec: unknown): SpecModel {
  return new SpecModel(spec);
}

/** n rows drawn from a declared spec, as a core Table. */
export function generateFromSpec(spec: unknown, n: number, options: { seed?: number } = {}): Table {
  return fromSpec(spec).sample(n, options);
}

function emitterOf(c: SpecColumn): Emitter {
  switch (c.kind) {
    case 'number': {
      const table = ZTable.build(quantileOf(c.dist, c.args));
      const scale = c.decimals === undefined ? 0 : 10 ** c.decimals;
      return {
        allocate: (n) => ({ type: 'number', values: new Float64Array(n) }),
        write(z, n, out, at) {
          const v = (out as { values: Float64Array }).values;
          table.map(z, v, n, at);
          if (scale > 0) for (let i = at; i < at + n; i++) v[i] = Math.round(v[i]! * scale) / scale;
        },
      };
    }
    case 'integer': {
      const width = c.max - c.min + 1;
      return {
        allocate: (n) => ({ type: 'number', values: new Float64Array(n) }),
        write(z, n, out, at) {
          const v = (out as { values: Float64Array }).values;
          for (let i = 0; i < n; i++)
            v[at + i] = c.min + Math.min(width - 1, Math.floor(normalCdf(z[i]!) * width));
        },
      };
    }
    case 'categorical': {
      // Pieces of [0, 1] in the listed order, so a positive correlation means "later values with higher
      // scores". A zero weight makes two cuts equal, and the search never stops between them.
      const cuts: number[] = [];
      let acc = 0;
      for (let k = 0; k < c.weights.length - 1; k++) {
        acc += c.weights[k]!;
        cuts.push(normalQuantile(acc));
      }
      const zCuts = Float64Array.from(cuts);
      return {
        allocate: (n) => ({ type: 'categorical', codes: new Int32Array(n), categories: c.labels }),
        write(z, n, out, at) {
          const codes = (out as { codes: Int32Array }).codes;
          for (let i = 0; i < n; i++) {
            const v = z[i]!;
            let lo = 0;
            let hi = zCuts.length;
            while (lo < hi) {
              const mid = (lo + hi) >>> 1;
              if (v < zCuts[mid]!) hi = mid;
              else lo = mid + 1;
            }
            codes[at + i] = lo;
          }
        },
      };
    }
    case 'datetime': {
      const steps = Math.floor((c.to - c.from) / c.stepMs) + 1;
      return {
        allocate: (n) => ({ type: 'datetime', values: new Float64Array(n) }),
        write(z, n, out, at) {
          const v = (out as { values: Float64Array }).values;
          for (let i = 0; i < n; i++)
            v[at + i] = Math.min(
              c.to,
              c.from + c.stepMs * Math.min(steps - 1, Math.floor(normalCdf(z[i]!) * steps)),
            );
        },
      };
    }
    case 'boolean': {
      // true on the upper share p of the latent scale.
      const cut = normalQuantile(1 - c.p);
      return {
        allocate: (n) => ({ type: 'boolean', values: new Uint8Array(n) }),
        write(z, n, out, at) {
          const v = (out as { values: Uint8Array }).values;
          for (let i = 0; i < n; i++) v[at + i] = z[i]! >= cut ? 1 : 0;
        },
      };
    }
  }
}

function quantileOf(
  dist: 'normal' | 'uniform' | 'lognormal' | 'beta' | 'gamma',
  a: readonly number[],
): (z: number) => number {
  const [p = 0, q = 1, lo = 0, hi = 1] = a;
  switch (dist) {
    case 'normal':
      return (z) => p + q * z;
    case 'lognormal':
      return (z) => Math.exp(p + q * z);
    case 'uniform':
      return (z) => p + (q - p) * normalCdf(z);
    case 'beta':
      return (z) => lo + (hi - lo) * betaQuantile(normalCdf(z), p, q);
    case 'gamma':
      return (z) => q * gammaQuantile(normalCdf(z), p, 1);
  }
}

function metadataOf(c: SpecColumn): ColumnMetadata {
  switch (c.kind) {
    case 'number':
      return {
        sdtype: 'numerical',
        representation: 'float',
        ...(c.decimals !== undefined ? { decimals: c.decimals } : {}),
      };
    case 'integer':
      return { sdtype: 'numerical', representation: 'integer', min: c.min, max: c.max };
    case 'categorical':
      return { sdtype: 'categorical' };
    case 'datetime':
      return { sdtype: 'datetime', format: c.format };
    case 'boolean':
      return { sdtype: 'boolean' };
  }
}
