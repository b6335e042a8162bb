import { type BalanceOptions, MISSING_BOOL, MISSING_CODE, SynthkitError, type Table } from '@synthkit/core';

/**
 * Completes `--balance "income:>50K=0.5"`: the shares given are fractions of the output, and the
 * values not named share what is left in their natural proportions (counted in `natural`, the training
 * rows or a pilot sample of the model), so naming one value never silently drops the others.
 * When every value is named, the shares are relative weights (normalised), as before.
 */
export function completeBalance(balance: BalanceOptions, natural: Table | undefined): BalanceOptions {
  if (!balance.shares || !natural?.has(balance.column)) return balance;
  const counts = valueCounts(natural, balance.column);
  const named = new Map<string, number>();
  const matched = new Set<string>();
  for (const [value, share] of Object.entries(balance.shares)) {
    const key = matchValue(value, counts);
    if (key !== undefined) matched.add(key);
    named.set(value, share);
  }
  const rest = [...counts].filter(([k]) => !matched.has(k));
  if (rest.length === 0) return balance;
  const given = [...named.values()].reduce((s, x) => s + x, 0);
  if (given > 1 + 1e-9)
    throw new SynthkitError(
      'BAD_OPTION',
      `Balance shares for "${balance.column}" add up to ${round(given)}, leaving nothing for the values not named (${rest
        .slice(0, 5)
        .map(([k]) => JSON.stringify(k))
        .join(', ')}${rest.length > 5 ? ', …' : ''})`,
      {
        column: balance.column,
        hint: 'Give shares as fractions of the output (e.g. --balance "income:>50K=0.5"): values not named share the rest in their natural proportions; or name every value',
      },
    );
  const total = rest.reduce((s, [, c]) => s + c, 0);
  const left = Math.max(0, 1 - given);
  const shares: Record<string, number> = Object.fromEntries(named);
  for (const [k, c] of rest) shares[k] = (left * c) / total;
  return { column: balance.column, shares };
}

/** Non-missing values of a column as text (the form conditions are written in), with their counts. */
function valueCounts(table: Table, name: string): Map<string, number> {
  const col = table.column(name);
  const counts = new Map<string, number>();
  const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  if (col.type === 'categorical') {
    const n = new Float64Array(col.categories.length);
    for (const c of col.codes) if (c !== MISSING_CODE) n[c]!++;
    col.categories.forEach((k, i) => {
      if (n[i]! > 0) counts.set(k, n[i]!);
    });
  } else if (col.type === 'boolean') {
    for (const v of col.values) if (v !== MISSING_BOOL) add(v === 1 ? 'true' : 'false');
  } else for (const v of col.values) if (!Number.isNaN(v)) add(String(v));
  return counts;
}

/** The value a user means: exact, else the one value equal up to surrounding spaces (Adult's " >50K"). */
function matchValue(value: string, counts: Map<string, number>): string | undefined {
  if (counts.has(value)) return value;
  const loose = [...counts.keys()].filter((k) => k.trim() === value.trim());
  return loose.length === 1 ? loose[0] : undefined;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
