/**
 * The JSON a user writes to generate a table with no data (see the README and examples/spec.json).
 *
 * ```json
 * { "columns": { "age": "normal(40, 12)", "plan": { "values": { "free": 0.7, "pro": 0.3 } } },
 *   "correlation": { "columns": ["age", "plan"], "matrix": [[1, 0.4], [0.4, 1]] } }
 * ```
 */
export interface CopulaSpec {
  /** Column name → a distribution string, or one of the object forms, in output order. */
  readonly columns: Readonly<Record<string, ColumnSpec | string>>;
  /** Correlation of the columns' latent normal scores (Gaussian copula); other pairs are independent. */
  readonly correlation?: {
    readonly columns: readonly string[];
    readonly matrix: ReadonlyArray<readonly number[]>;
  };
}

export type ColumnSpec =
  | {
      /** normal(mean, sd) | uniform(min, max) | lognormal(mu, sigma) | beta(a, b[, min, max]) | gamma(shape, scale) | integer(min, max) */
      readonly distribution: string;
      /** Round numbers to this many decimals (not for integer). */
      readonly decimals?: number;
    }
  | { readonly values: Readonly<Record<string, number>> }
  | { readonly datetime: { readonly from: string; readonly to: string; readonly format?: string } }
  | { readonly boolean: number };

/** A validated column. */
export type SpecColumn =
  | {
      readonly name: string;
      readonly kind: 'number';
      readonly dist: 'normal' | 'uniform' | 'lognormal' | 'beta' | 'gamma';
      readonly args: readonly number[];
      readonly decimals?: number;
    }
  | { readonly name: string; readonly kind: 'integer'; readonly min: number; readonly max: number }
  | {
      readonly name: string;
      readonly kind: 'categorical';
      readonly labels: readonly string[];
      readonly weights: readonly number[];
    }
  | {
      readonly name: string;
      readonly kind: 'datetime';
      readonly from: number;
      readonly to: number;
      readonly format: string;
      /** Values are whole days when the format has no time of day, whole seconds otherwise. */
      readonly stepMs: number;
    }
  | { readonly name: string; readonly kind: 'boolean'; readonly p: number };

export interface ParsedSpec {
  readonly columns: readonly SpecColumn[];
  /** Row-major d×d latent correlation over all columns (identity where the spec says nothing). */
  readonly correlation: Float64Array;
}
