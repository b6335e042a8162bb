import {
  type ContinuousViewColumn,
  type DiscreteViewColumn,
  type FittedModel,
  type JsonValue,
  type ModelState,
  type SampleContext,
  SynthkitError,
  type TypedArray,
  type ViewColumn,
  type ViewTable,
} from '@synthkit/core';
import { ContinuousColumn } from './columns/continuous-column.js';
import { DiscreteColumn } from './columns/discrete-column.js';
import { resolveConditions } from './conditions.js';
import { ConditionalGaussian } from './latent/conditional-gaussian.js';
import { GaussianSampler } from './latent/gaussian-sampler.js';
import { Z_STEPS, ZTable } from './latent/z-table.js';
import { NormalStream } from './latent/ziggurat.js';
import { marginalFromParams } from './marginals/families.js';
import { FAMILIES, type Family } from './marginals/marginal.js';

export type CopulaColumn = ContinuousColumn | DiscreteColumn;

/** What was learned about one column, for `synthkit inspect` and tests. */
export type ColumnSummary =
  | {
      name: string;
      kind: 'continuous';
      family: Family;
      params: readonly number[];
      /** KS statistic of each parametric family tried at fit time. */
      candidates: ReadonlyArray<{ family: Family; ks: number }>;
    }
  | { name: string; kind: 'discrete'; categories: number };

const FORMAT = 'synthkit-copula';
/** Rows drawn and transformed at a time: the latent scores of a chunk stay in cache. */
const CHUNK = 2048;
const VERSION = 1;

/** A fitted Gaussian copula: per-column latent maps plus the latent correlation matrix. */
export class CopulaModel implements FittedModel {
  readonly columns: readonly CopulaColumn[];
  /** Row-major d×d, positive definite. */
  readonly correlation: Float64Array;
  private readonly candidates: ReadonlyArray<ReadonlyArray<{ family: Family; ks: number }>>;
  private readonly sampler: GaussianSampler;

  constructor(
    columns: readonly CopulaColumn[],
    correlation: Float64Array,
    candidates: ReadonlyArray<ReadonlyArray<{ family: Family; ks: number }>> = columns.map(() => []),
  ) {
    this.columns = columns;
    this.correlation = correlation;
    this.candidates = candidates;
    this.sampler = new GaussianSampler(correlation, columns.length);
  }

  summary(): ColumnSummary[] {
    return this.columns.map((c, j) =>
      c.kind === 'continuous'
        ? {
            name: c.name,
            kind: 'continuous',
            family: c.family,
            params: c.params,
            candidates: this.candidates[j]!,
          }
        : { name: c.name, kind: 'discrete', categories: c.labels.length },
    );
  }

  async *sample(n: number, ctx: SampleContext): AsyncIterable<ViewTable> {
    yield* this.sampleSync(n, ctx);
  }

  /** The same rows as `sample`, synchronously. */
  *sampleSync(
    n: number,
    ctx: Pick<SampleContext, 'rng' | 'conditions' | 'batchSize' | 'signal' | 'progress'>,
  ): Generator<ViewTable> {
    if (!(Number.isInteger(n) && n >= 0))
      throw new SynthkitError('BAD_OPTION', `Number of rows must be a non-negative integer, got ${n}`);
    const box = resolveConditions(this.columns, ctx.conditions ?? []);
    const d = this.columns.length;
    const conditional =
      box.fixed.length > 0 ? new ConditionalGaussian(this.correlation, d, box.fixed) : undefined;
    const rng = ctx.rng.fork('copula/sample');
    const normals = new NormalStream(rng.fork('normals'));
    const batch = Math.max(1, Math.min(n, Math.floor(ctx.batchSize) || 65536));
    const chunk = Math.min(batch, CHUNK);
    const z = Array.from({ length: d }, () => new Float64Array(chunk));
    for (let done = 0; done < n; ) {
      if (ctx.signal?.aborted) throw new SynthkitError('ABORTED', 'Sampling was aborted');
      const size = Math.min(batch, n - done);
      const out = this.columns.map((c) => c.allocate(size));
      // Work in cache-sized chunks; the draws are row by row, so chunking never changes the values.
      for (let at = 0; at < size; at += chunk) {
        const m = Math.min(chunk, size - at);
        if (conditional) conditional.draw(rng, normals, m, box.lo, box.hi, z);
        else this.sampler.draw(normals, m, z);
        for (let j = 0; j < d; j++) {
          const c = this.columns[j]!;
          if (c.kind === 'continuous') c.write(z[j]!, m, out[j] as ContinuousViewColumn, at);
          else c.write(z[j]!, m, out[j] as DiscreteViewColumn, at);
        }
      }
      for (let k = 0; k < box.fixed.length; k++) pinColumn(out[box.fixed[k]!]!, box.pin[k]!);
      done += size;
      ctx.progress?.({ stage: 'sample', done, total: n });
      yield { nRows: size, columns: out };
    }
  }

  save(): ModelState {
    const arrays: Record<string, TypedArray> = { correlation: this.correlation.slice() };
    const columns = this.columns.map((c, j): JsonValue => {
      if (c.kind === 'discrete')
        return { name: c.name, kind: 'discrete', labels: [...c.labels], counts: [...c.state.counts] };
      if (c.family === 'empirical') arrays[`table:${j}`] = c.table.x.slice();
      return {
        name: c.name,
        kind: 'continuous',
        family: c.family,
        params: [...c.params],
        candidates: this.candidates[j]!.map((x) => ({ family: x.family, ks: x.ks })),
      };
    });
    return { json: { format: FORMAT, version: VERSION, columns }, arrays };
  }

  static load(state: ModelState): CopulaModel {
    const json = state.json as { format?: unknown; version?: unknown; columns?: unknown } | null;
    if (!json || typeof json !== 'object' || json.format !== FORMAT) throw bad('it is not a copula model');
    if (json.version !== VERSION)
      throw new SynthkitError(
        'ARTIFACT_VERSION',
        `Copula model version ${String(json.version)} is not supported`,
        {
          hint: `This @synthkit/copula reads version ${VERSION}; refit or upgrade`,
        },
      );
    if (!Array.isArray(json.columns)) throw bad('"columns" is missing');
    const candidates: Array<Array<{ family: Family; ks: number }>> = [];
    const columns = json.columns.map((raw, j): CopulaColumn => {
      const c = raw as Record<string, unknown>;
      const name = String(c.name);
      if (c.kind === 'discrete') {
        candidates.push([]);
        if (!Array.isArray(c.labels) || !Array.isArray(c.counts) || c.labels.length !== c.counts.length)
          throw bad(`column "${name}" has no matching labels and counts`);
        if (
          !c.counts.every((x) => typeof x === 'number' && x >= 0) ||
          !c.counts.some((x) => (x as number) > 0)
        )
          throw bad(`column "${name}" has invalid category counts`);
        return new DiscreteColumn(name, c.labels.map(String), { counts: c.counts.map(Number) });
      }
      const family = c.family as Family;
      const params = Array.isArray(c.params) ? c.params.map(Number) : [];
      candidates.push(
        Array.isArray(c.candidates) ? (c.candidates as Array<{ family: Family; ks: number }>) : [],
      );
      if (family === 'empirical') {
        const x = state.arrays[`table:${j}`];
        if (!(x instanceof Float64Array) || x.length !== Z_STEPS + 1)
          throw bad(`column "${name}" has no quantile table`);
        return new ContinuousColumn(name, family, params, new ZTable(x));
      }
      const m =
        FAMILIES.includes(family as (typeof FAMILIES)[number]) || family === 'constant'
          ? marginalFromParams(family, params)
          : undefined;
      if (!m) throw bad(`column "${name}" has unknown marginal "${String(family)}"`);
      return ContinuousColumn.fromMarginal(name, m);
    });
    const d = columns.length;
    const correlation = state.arrays.correlation;
    if (!(correlation instanceof Float64Array) || correlation.length !== d * d)
      throw bad('the correlation matrix is missing or has the wrong size');
    return new CopulaModel(columns, correlation, candidates);
  }
}

function pinColumn(col: ViewColumn, pin: { code: number } | { min: number; max: number }): void {
  // The latent draw already lies in the condition's interval; pinning removes the last rounding doubt.
  if ('code' in pin) {
    if (col.kind === 'discrete') col.codes.fill(pin.code);
  } else if (col.kind === 'continuous') {
    const v = col.values;
    for (let i = 0; i < v.length; i++) v[i] = v[i]! < pin.min ? pin.min : Math.min(v[i]!, pin.max);
  }
}

function bad(why: string): SynthkitError {
  return new SynthkitError('BAD_ARTIFACT', `Cannot load the copula model: ${why}`, {
    hint: 'The file is damaged or was not written by @synthkit/copula; refit the model',
  });
}
