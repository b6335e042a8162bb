import { SynthkitError, type ViewColumn, type ViewCondition, type ViewTable } from '@synthkit/core';

/** Rows `rows` of a view, in that order. */
export function takeRows(view: ViewTable, rows: Int32Array): ViewTable {
  return {
    nRows: rows.length,
    columns: view.columns.map((c): ViewColumn => {
      if (c.kind === 'continuous') {
        const values = new Float64Array(rows.length);
        for (let i = 0; i < rows.length; i++) values[i] = c.values[rows[i]!]!;
        return { ...c, values };
      }
      const codes = new Int32Array(rows.length);
      for (let i = 0; i < rows.length; i++) codes[i] = c.codes[rows[i]!]!;
      return { ...c, codes };
    }),
  };
}

/** Views of the same shape, one after the other. */
export function concatViews(parts: readonly ViewTable[]): ViewTable {
  if (parts.length === 1) return parts[0]!;
  const first = parts[0]!;
  const nRows = parts.reduce((s, p) => s + p.nRows, 0);
  return {
    nRows,
    columns: first.columns.map((c, j): ViewColumn => {
      let o = 0;
      if (c.kind === 'continuous') {
        const values = new Float64Array(nRows);
        for (const p of parts) {
          const v = (p.columns[j] as typeof c).values;
          values.set(v, o);
          o += v.length;
        }
        return { ...c, values };
      }
      const codes = new Int32Array(nRows);
      for (const p of parts) {
        const v = (p.columns[j] as typeof c).codes;
        codes.set(v, o);
        o += v.length;
      }
      return { ...c, codes };
    }),
  };
}

/**
 * Checks conditions against the columns a model was fitted on and returns a row filter (the
 * indices of rows meeting all of them), or undefined when there are none.
 */
export function conditionFilter(
  columns: ReadonlyArray<{
    readonly kind: 'continuous' | 'discrete';
    readonly name: string;
    readonly labels?: readonly string[];
  }>,
  conditions: readonly ViewCondition[],
): ((view: ViewTable) => Int32Array) | undefined {
  if (conditions.length === 0) return undefined;
  const checks = conditions.map((c) => {
    const j = columns.findIndex((col) => col.name === c.column);
    if (j < 0)
      throw new SynthkitError('BAD_CONDITION', `No column "${c.column}" to condition on`, {
        column: c.column,
        hint: `Columns: ${columns.map((x) => x.name).join(', ')}`,
      });
    const col = columns[j]!;
    if (c.kind === 'equals') {
      if (col.kind !== 'discrete')
        throw new SynthkitError('BAD_CONDITION', `"${c.column}" is continuous; use a range condition`, {
          column: c.column,
        });
      const k = col.labels?.length ?? 0;
      if (!Number.isInteger(c.code) || c.code < 0 || c.code >= k)
        throw new SynthkitError(
          'BAD_CONDITION',
          `Category code ${c.code} is not one of the ${k} categories of "${c.column}"`,
          { column: c.column },
        );
    } else {
      if (col.kind !== 'continuous')
        throw new SynthkitError('BAD_CONDITION', `"${c.column}" is discrete; use an equals condition`, {
          column: c.column,
        });
      if (!(c.min <= c.max))
        throw new SynthkitError('BAD_CONDITION', `Range [${c.min}, ${c.max}] on "${c.column}" is empty`, {
          column: c.column,
        });
    }
    return { c, j };
  });
  return (view) => {
    const keep: number[] = [];
    for (let i = 0; i < view.nRows; i++) {
      let ok = true;
      for (const { c, j } of checks) {
        const col = view.columns[j]!;
        if (c.kind === 'equals') ok = col.kind === 'discrete' && col.codes[i] === c.code;
        else ok = col.kind === 'continuous' && col.values[i]! >= c.min && col.values[i]! <= c.max;
        if (!ok) break;
      }
      if (ok) keep.push(i);
    }
    return Int32Array.from(keep);
  };
}
