import { SynthkitError } from '../errors/synthkit-error.js';
import type { Metadata } from '../metadata/types.js';
import { MISSING_LABEL } from '../transforms/ordinal.js';
import { type Conditions, resolveConditions } from './conditions.js';
import type { ViewPlan } from './view.js';

export interface BalanceOptions {
  /** A categorical or boolean column. */
  readonly column: string;
  /** Target share of each value (normalised to sum 1); default: equal shares of every value seen. */
  readonly shares?: Readonly<Record<string, number>>;
}

export interface BalanceGroup {
  readonly label: string;
  /** Rows of this value in the whole output. */
  readonly rows: number;
}

/**
 * Splits `n` rows between a column's values by target shares (largest-remainder rounding, so the
 * counts add up to n exactly). Each group is then drawn through conditional sampling.
 */
export function balanceGroups(
  n: number,
  balance: BalanceOptions,
  plan: ViewPlan,
  metadata: Metadata,
): BalanceGroup[] {
  const p = plan.columns.find((x) => x.name === balance.column);
  if (p?.kind !== 'discrete')
    throw new SynthkitError(
      'BAD_CONDITION',
      `Cannot balance on "${balance.column}": it is not a learned categorical column`,
      {
        column: balance.column,
        hint: `Balance on one of: ${plan.columns
          .filter((x) => x.kind === 'discrete')
          .map((x) => x.name)
          .join(', ')}`,
      },
    );
  const env = { plan, metadata, reparams: [], supports: 'discrete' as const };
  const label = (value: string) => {
    const eq = resolveConditions({ [balance.column]: value } as Conditions, env).passed[0];
    return p.labels[eq?.kind === 'equals' ? eq.code : -1]!;
  };
  const entries: Array<[string, number]> = balance.shares
    ? Object.entries(balance.shares).map(([v, s]) => [label(v), s])
    : p.labels.filter((l, k) => k !== p.missingCode || l !== MISSING_LABEL).map((l) => [l, 1]);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  if (!entries.every(([, w]) => Number.isFinite(w) && w >= 0) || !(total > 0))
    throw new SynthkitError(
      'BAD_CONDITION',
      `Balance shares for "${balance.column}" must be non-negative numbers, not all zero`,
      {
        column: balance.column,
        hint: 'e.g. { " Female": 0.5, " Male": 0.5 }',
      },
    );
  const exact = entries.map(([, w]) => (n * w) / total);
  const rows = exact.map(Math.floor);
  const order = exact
    .map((x, k) => [x - Math.floor(x), k] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let r = n - rows.reduce((s, x) => s + x, 0), j = 0; r > 0; r--, j++) rows[order[j]![1]]!++;
  return entries.map(([l], k) => ({ label: l, rows: rows[k]! })).filter((g) => g.rows > 0);
}

/** Rows of each group inside output rows [start, end): cumulative rounding, so every group ends exactly at its total. */
export function groupRowsIn(
  groups: readonly BalanceGroup[],
  n: number,
  start: number,
  end: number,
): number[] {
  return groups.map((g) => Math.round((g.rows * end) / n) - Math.round((g.rows * start) / n));
}
