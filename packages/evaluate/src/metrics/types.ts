/** A score for one column; NaN with `reason` when the metric cannot be computed for it. */
export interface ColumnScore {
  readonly column: string;
  readonly metric: string;
  readonly score: number;
  readonly reason?: string;
}

/** A score for one pair of columns, with the two correlations when the metric is a correlation. */
export interface PairScore {
  readonly columns: readonly [string, string];
  readonly metric: string;
  readonly score: number;
  readonly real?: number;
  readonly synthetic?: number;
  readonly reason?: string;
}

/** Score and reason of a single computation (before it is attached to a column name). */
export interface Scored {
  readonly score: number;
  readonly reason?: string;
}

export function incomputable(reason: string): Scored {
  return { score: Number.NaN, reason };
}
