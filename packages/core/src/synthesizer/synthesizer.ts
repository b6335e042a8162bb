import type { Constraint } from '../constraints/constraint.js';
import { constraintFromSpec } from '../constraints/from-spec.js';
import { SynthkitError } from '../errors/synthkit-error.js';
import { tableFingerprint } from '../io/table-fingerprint.js';
import { checkMetadataAgainstTable } from '../metadata/check-table.js';
import { detectMetadata } from '../metadata/detect.js';
import type { ConstraintSpec, Metadata } from '../metadata/types.js';
import { parseOptions } from '../plugin/options.js';
import type { FittedModel, GeneratorPlugin, ProgressEvent } from '../plugin/types.js';
import { Rng } from '../rng/rng.js';
import { Table } from '../table/table.js';
import { throwIfAborted, untilAborted } from './abort.js';
import { type BalanceOptions, balanceGroups, groupRowsIn } from './balance.js';
import { type Conditions, type ResolvedConditions, resolveConditions } from './conditions.js';
import { drawRows } from './draw.js';
import { applyReparams, chainReparams, type Fitted } from './fitted.js';
import { decodeSynthesizer, encodeSynthesizer, type LoadOptions } from './persist.js';
import { withRegenerated } from './regenerate.js';
import { fitViewPlan, fromView, toView, viewSignature } from './view.js';

export interface SynthesizerConfig {
  readonly generator: GeneratorPlugin<any>;
  /** Detected from the table at fit when not given. */
  readonly metadata?: Metadata;
  /** Constraints in code (or JSON specs), added to those in `metadata.constraints`. */
  readonly constraints?: ReadonlyArray<Constraint | ConstraintSpec>;
  /** The generator's options (validated against its schema; strings accepted for numbers). */
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface FitOptions {
  /** Seeds every random draw of the fit (default 0). */
  readonly seed?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
  /**
   * Hash the training table for lineage manifests (default true). Hashing Adult takes about 0.1 s;
   * without it, pass `inputTable` to `lineage()` to record the fingerprint.
   */
  readonly fingerprint?: boolean;
}

export interface SampleOptions {
  /** Seeds every random draw of the sample (default 0). Same seed, same model: same rows. */
  readonly seed?: number;
  /** Values (or ranges `{ min, max }`) every row must have, by column. */
  readonly conditions?: Conditions;
  /** Rows per yielded batch from the generator (default 16,384). */
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Equal (or given) shares of a categorical column's values, drawn through conditional sampling. */
  readonly balance?: BalanceOptions;
}

export interface GeneratorInfo {
  readonly name: string;
  readonly version: string;
  readonly options: Readonly<Record<string, unknown>>;
}

/** Rows per generator batch unless `batchSize` says otherwise (part of what determines the output). */
export const DEFAULT_BATCH_SIZE = 16_384;

/**
 * Wraps any generator plugin: metadata, the view (missing indicators, datetimes as numbers,
 * categories as codes), constraints, ids and PII regenerated, seeding, progress, abort, save/load.
 *
 * ```ts
 * const synth = new Synthesizer({ generator: gaussianCopula(), metadata });
 * await synth.fit(table, { seed: 0 });
 * const out = await synth.sample(1000, { seed: 1, conditions: { sex: ' Female' } });
 * ```
 */
export class Synthesizer {
  readonly generator: GeneratorPlugin<any>;
  private readonly config: SynthesizerConfig;
  private readonly options: Readonly<Record<string, unknown>>;
  /** Set by fit() or by Synthesizer.load(). */
  private fitted: Fitted | undefined;
  private lastFitWarnings: readonly string[] = [];

  constructor(config: SynthesizerConfig) {
    const g = config.generator as Partial<GeneratorPlugin> | undefined;
    if (g?.kind !== 'generator' || typeof g.fit !== 'function')
      throw new SynthkitError('BAD_PLUGIN', 'Synthesizer needs a generator plugin', {
        hint: 'Pass one, e.g. new Synthesizer({ generator: gaussianCopula() })',
      });
    this.config = config;
    this.generator = config.generator;
    this.options = parseOptions(config.generator.options, config.options ?? {}, config.generator.name);
  }

  /** The metadata in use: given, detected at fit, or loaded. */
  get metadata(): Metadata | undefined {
    return this.fitted?.metadata ?? this.config.metadata;
  }

  get generatorInfo(): GeneratorInfo {
    return {
      name: this.generator.name,
      version: this.generator.version,
      options: this.fitted?.options ?? this.options,
    };
  }

  get isFitted(): boolean {
    return this.fitted !== undefined;
  }

  /** Names of the constraints in force, e.g. `inequality(pickup <= dropoff)`. */
  get constraintNames(): string[] {
    return this.fitted?.constraints.map((c) => c.constraint.name) ?? [];
  }

  /** What the last `fit` noticed about its input that a user should know (e.g. too few rows to learn from). */
  get fitWarnings(): readonly string[] {
    return this.lastFitWarnings;
  }

  /**
   * The generator's fitted model, for generator-specific extras beyond sampling (e.g. the ddpm
   * model's `exportOnnx()`); undefined before fit or load.
   */
  get fittedModel(): FittedModel | undefined {
    return this.fitted?.model;
  }

  /** Seed, row count and input fingerprint of the fit (for lineage). */
  get fitRecord(): Fitted['fit'] | undefined {
    return this.fitted?.fit;
  }

  async fit(table: Table, o: FitOptions = {}): Promise<this> {
    const seed = o.seed ?? 0;
    const progress = o.onProgress ?? (() => {});
    throwIfAborted(o.signal);
    if (table.nRows === 0)
      throw new SynthkitError('NO_ROWS', 'Cannot fit on a table with no rows', {
        hint: 'Give a table with at least one data row',
      });
    progress({ stage: 'prepare', done: 0, total: 1 });
    const metadata = this.config.metadata ?? detectMetadata(table);
    checkMetadataAgainstTable(metadata, table);
    const plan = fitViewPlan(table, metadata);
    const constraints = [
      ...(metadata.constraints ?? []).map(constraintFromSpec),
      ...(this.config.constraints ?? []).map((c) => ('fit' in c ? c : constraintFromSpec(c))),
    ].map((c) => {
      const regenerated = c.columns.find(
        (n) => plan.columns.find((x) => x.name === n)?.kind === 'regenerated',
      );
      if (regenerated !== undefined)
        throw new SynthkitError(
          'BAD_METADATA',
          `Constraint ${c.name} names "${regenerated}", an id/PII column that is regenerated, not learned`,
          {
            column: regenerated,
            hint: "Constrain learned columns only, or change the column's sdtype",
          },
        );
      return c.fit(table, plan);
    });
    const { reparams, reparamActive, signature } = chainReparams(plan, constraints);
    const view = applyReparams(reparams, toView(plan, table));
    progress({ stage: 'prepare', done: 1, total: 1 });
    throwIfAborted(o.signal);
    const ctx = { rng: new Rng(seed).fork('fit'), signal: o.signal, progress };
    const model = await untilAborted(
      Promise.resolve().then(() => this.generator.fit(view, this.options, ctx)),
      o.signal,
      `Generator "${this.generator.name}" fit`,
    );
    this.fitted = {
      generator: this.generator,
      options: this.options,
      metadata,
      plan,
      constraints,
      reparamActive,
      reparams,
      modelSignature: signature,
      model,
      fit: { seed, rows: table.nRows, fingerprint: o.fingerprint === false ? null : tableFingerprint(table) },
    };
    this.lastFitWarnings = fitWarnings(table);
    progress({ stage: 'fit', done: 1, total: 1 });
    return this;
  }

  /** `n` rows as one Table (see `sampleBatches` to stream large outputs). */
  async sample(n: number, o: SampleOptions = {}): Promise<Table> {
    const parts: Table[] = [];
    for await (const batch of this.sampleBatches(n, o)) parts.push(batch);
    return parts.length > 0 ? Table.concat(parts) : this.emptyOutput();
  }

  /** Streams `n` rows in batches; the batches together equal `sample(n)` with the same options. */
  async *sampleBatches(n: number, o: SampleOptions = {}): AsyncGenerator<Table> {
    const f = this.requireFitted();
    if (!Number.isSafeInteger(n) || n < 0)
      throw new SynthkitError('BAD_OPTION', `Row count must be a whole number >= 0, got ${n}`, {
        hint: 'e.g. --rows 1000',
      });
    const batchSize = o.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1)
      throw new SynthkitError('BAD_OPTION', `batchSize must be a whole number >= 1, got ${batchSize}`);
    const progress = o.onProgress ?? (() => {});
    const root = new Rng(o.seed ?? 0);
    const draw = { batchSize, signal: o.signal };
    const conditions = o.conditions ?? {};
    const resolve = (extra: Conditions): ResolvedConditions =>
      resolveConditions(
        { ...conditions, ...extra },
        {
          plan: f.plan,
          metadata: f.metadata,
          reparams: f.reparams,
          supports: f.generator.supports.conditions,
        },
      );
    let done = 0;
    progress({ stage: 'sample', done, total: n });
    const emit = (learned: Table): Table => {
      const out = withRegenerated(f.plan, learned, root.fork('regenerate'), done);
      done += out.nRows;
      progress({ stage: 'sample', done, total: n });
      return out;
    };
    if (!o.balance) {
      const rows = drawRows(f, n, resolve({}), root.fork('sample'), draw);
      for await (const learned of coalesce(rows, batchSize)) yield emit(learned);
      return;
    }
    if (o.balance.column in conditions)
      throw new SynthkitError('BAD_CONDITION', `Cannot both balance and condition on "${o.balance.column}"`, {
        column: o.balance.column,
        hint: 'Drop one of them',
      });
    const groups = balanceGroups(n, o.balance, f.plan, f.metadata);
    const perGroup = groups.map((g) => resolve({ [o.balance!.column]: g.label }));
    for (let start = 0, b = 0; start < n; start += batchSize, b++) {
      const end = Math.min(n, start + batchSize);
      const counts = groupRowsIn(groups, n, start, end);
      const parts: Table[] = [];
      for (let g = 0; g < groups.length; g++) {
        if (counts[g]! === 0) continue;
        const rng = root.fork(`balance ${b}:${g}`);
        for await (const t of drawRows(f, counts[g]!, perGroup[g]!, rng, draw)) parts.push(t);
      }
      // Groups are drawn one after the other; shuffle so a batch is not sorted by group.
      const batch = Table.concat(parts);
      yield emit(batch.take(root.fork(`shuffle ${b}`).permutation(batch.nRows)));
    }
  }

  /** A fitted Synthesizer as bytes (see artifact/): no training rows, no id or PII values. */
  save(): Uint8Array {
    return encodeSynthesizer(this.requireFitted());
  }

  /** A Synthesizer from `save()`'s bytes; the generator comes from `registry` or `plugins`. */
  static async load(bytes: Uint8Array, o: LoadOptions = {}): Promise<Synthesizer> {
    const fitted = await decodeSynthesizer(bytes, o);
    const synth = new Synthesizer({
      generator: fitted.generator,
      options: fitted.options,
      metadata: fitted.metadata,
    });
    synth.fitted = fitted;
    return synth;
  }

  private requireFitted(): Fitted {
    if (!this.fitted)
      throw new SynthkitError('NOT_FITTED', 'The Synthesizer has not been fitted', {
        hint: 'Call fit(table) first, or load a saved model with Synthesizer.load(bytes)',
      });
    return this.fitted;
  }

  private emptyOutput(): Table {
    const f = this.requireFitted();
    return withRegenerated(f.plan, fromView(f.plan, viewSignature(f.plan)), new Rng(0), 0);
  }
}

/**
 * Joins the small tables rejection leaves behind into batches of about `size` rows (full batches
 * pass straight through), so a stream never trickles out in slivers.
 */
/** Fewer rows than this give a generator little to learn from beyond the rows themselves. */
const FEW_ROWS = 100;

function fitWarnings(table: Table): string[] {
  if (table.nRows >= FEW_ROWS) return [];
  return [
    `Only ${table.nRows} row${table.nRows === 1 ? '' : 's'} to learn from: the synthetic rows will resemble them closely${table.nRows === 1 ? ' (with one row, copy it)' : ''}; fit on more rows, and run a privacy audit before sharing`,
  ];
}

async function* coalesce(tables: AsyncIterable<Table>, size: number): AsyncGenerator<Table> {
  let parts: Table[] = [];
  let rows = 0;
  for await (const t of tables) {
    if (rows === 0 && t.nRows >= size) {
      yield t;
      continue;
    }
    parts.push(t);
    rows += t.nRows;
    if (rows >= size) {
      yield Table.concat(parts);
      parts = [];
      rows = 0;
    }
  }
  if (rows > 0) yield Table.concat(parts);
}
