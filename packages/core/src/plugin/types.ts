import type { Metadata } from '../metadata/types.js';
import type { Rng } from '../rng/rng.js';
import type { Table } from '../table/table.js';
import type { OptionsOf, OptionsSchema } from './options.js';

/**
 * What a generator sees: only clean columns, no missing values, no ids or PII.
 * The Synthesizer builds it (missing indicators, datetimes as numbers, categories as codes) and
 * turns the generator's output, in the same shape, back into a Table.
 */
export type ViewColumn = ContinuousViewColumn | DiscreteViewColumn;

export interface ContinuousViewColumn {
  readonly kind: 'continuous';
  readonly name: string;
  /** Finite numbers only. */
  readonly values: Float64Array;
  /**
   * True when the column is written as whole numbers (the Synthesizer rounds it on output), so a
   * generator can skip smoothing that rounding would undo. Absent in views built by hand.
   */
  readonly integer?: boolean;
}

export interface DiscreteViewColumn {
  readonly kind: 'discrete';
  readonly name: string;
  /** Codes in [0, labels.length). */
  readonly codes: Int32Array;
  /** Human-readable label of each code (for reports and conditions). */
  readonly labels: readonly string[];
}

export interface ViewTable {
  readonly nRows: number;
  readonly columns: readonly ViewColumn[];
}

/** A condition on one view column, fixed for every sampled row. */
export type ViewCondition =
  | { readonly kind: 'equals'; readonly column: string; readonly code: number }
  | { readonly kind: 'range'; readonly column: string; readonly min: number; readonly max: number };

export interface ProgressEvent {
  /** e.g. 'fit', 'epoch', 'sample', 'write', 'evaluate' */
  readonly stage: string;
  readonly done: number;
  readonly total?: number;
  readonly message?: string;
  /** Numbers worth showing, e.g. { lossG: 0.71, lossD: -0.2 }. */
  readonly metrics?: Readonly<Record<string, number>>;
}

export interface RunContext {
  readonly rng: Rng;
  readonly signal?: AbortSignal;
  readonly progress: (event: ProgressEvent) => void;
}

export interface SampleContext extends RunContext {
  /** Conditions the generator supports (see `supports.conditions`); others are enforced by rejection. */
  readonly conditions: readonly ViewCondition[];
  /** Preferred batch size for yielded batches. */
  readonly batchSize: number;
}

/** Plain data: JSON plus named typed arrays. Never code, never training rows. */
export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;
export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

export interface ModelState {
  readonly json: JsonValue;
  readonly arrays: Readonly<Record<string, TypedArray>>;
}

export interface FittedModel {
  /** Streams `n` rows in batches, in the shape of the view the model was fitted on. */
  sample(n: number, ctx: SampleContext): AsyncIterable<ViewTable>;
  save(): ModelState;
}

export interface GeneratorPlugin<S extends OptionsSchema = OptionsSchema> {
  readonly kind: 'generator';
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly options: S;
  readonly supports: {
    /** 'none': the Synthesizer rejects samples; 'discrete': equals-conditions on discrete columns; 'all': equals and ranges. */
    readonly conditions: 'none' | 'discrete' | 'all';
  };
  fit(view: ViewTable, options: OptionsOf<S>, ctx: RunContext): Promise<FittedModel>;
  /** Rebuilds a fitted model from `save()`'s output (already checksum-validated by core). */
  load(state: ModelState, options: OptionsOf<S>): FittedModel | Promise<FittedModel>;
}

export type MetricFamily = 'fidelity' | 'utility' | 'detection' | 'diagnostic';

export interface MetricInput {
  readonly real: Table;
  readonly synthetic: Table;
  readonly metadata: Metadata;
  readonly target?: string;
}

export interface MetricResult {
  readonly name: string;
  /** Higher is better in [0, 1] where the metric defines it; NaN with `reason` when it cannot be computed. */
  readonly score: number;
  readonly reason?: string;
  readonly details?: JsonValue;
}

export interface MetricPlugin {
  readonly kind: 'metric';
  readonly name: string;
  readonly family: MetricFamily;
  readonly description: string;
  compute(input: MetricInput, ctx: RunContext): Promise<MetricResult> | MetricResult;
}

export interface AttackInput {
  /** Real rows the generator was trained on. */
  readonly train: Table;
  /** Real rows from the same population the generator never saw. */
  readonly control: Table;
  readonly synthetic: Table;
  readonly metadata: Metadata;
  readonly secrets?: readonly string[];
}

export interface AttackResult {
  readonly name: string;
  /** Estimated privacy risk in [0, 1] with its 95% interval; NaN with `reason` when not computable. */
  readonly risk: number;
  readonly ci: readonly [number, number];
  readonly verdict: string;
  readonly warnings: readonly string[];
  readonly details?: JsonValue;
}

export interface AttackPlugin {
  readonly kind: 'attack';
  readonly name: string;
  readonly description: string;
  run(input: AttackInput, ctx: RunContext): Promise<AttackResult> | AttackResult;
}

export type Plugin = GeneratorPlugin<any> | MetricPlugin | AttackPlugin;
