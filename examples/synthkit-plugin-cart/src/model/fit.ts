import { type RunContext, SynthkitError, type ViewTable } from '@synthkit/core';
import { growTree } from '../tree/grow.js';
import type { GrowParams, LeafRows, Predictor, Target } from '../tree/types.js';
import { aborted } from './aborted.js';
import { findAtoms, isAtom } from './atoms.js';
import { silvermanBandwidth } from './smoothing.js';
import type { CartModelData, ColumnModel } from './types.js';
import { visitOrder } from './visit-order.js';

export interface FitSettings extends GrowParams {
  readonly smoothing: 'density' | 'none';
  readonly visitSequence: string;
}

/**
 * Sequential CART synthesis, fitting half (Reiter 2005; Nowok, Raab & Dibben 2016): the first
 * visited column keeps its marginal (a tree with no split), every later column gets a tree on all
 * the columns visited before it.
 */
export function fitCart(view: ViewTable, settings: FitSettings, ctx: RunContext): CartModelData {
  checkView(view);
  const names = view.columns.map((c) => c.name);
  const order = visitOrder(names, settings.visitSequence);
  const predictors: Predictor[] = order.map((i) => toPredictor(view.columns[i]!));
  const visit: ColumnModel[] = [];
  for (let j = 0; j < order.length; j++) {
    if (ctx.signal?.aborted) throw aborted('fitting');
    const column = view.columns[order[j]!]!;
    const target: Target =
      column.kind === 'continuous'
        ? { kind: 'continuous', values: column.values }
        : { kind: 'discrete', codes: column.codes, nLevels: column.labels.length };
    const { tree, leaves } = growTree(predictors.slice(0, j), target, view.nRows, settings);
    if (column.kind === 'continuous') {
      visit.push({
        kind: 'continuous',
        name: column.name,
        tree,
        ...numericLeaves(column.values, leaves, predictors[j]!),
      });
    } else {
      visit.push({
        kind: 'discrete',
        name: column.name,
        labels: column.labels,
        tree,
        leafCounts: classCounts(column.codes, column.labels.length, leaves),
      });
    }
    ctx.progress({
      stage: 'fit',
      done: j + 1,
      total: order.length,
      message: column.name,
      metrics: { leaves: tree.nLeaves },
    });
  }
  return { visit, viewNames: names, smoothing: settings.smoothing };
}

function checkView(view: ViewTable): void {
  if (view.nRows < 1)
    throw new SynthkitError('NO_ROWS', 'CART needs at least one training row', {
      hint: 'Pass a table with data rows',
    });
  if (view.columns.length < 1)
    throw new SynthkitError('EMPTY_INPUT', 'CART needs at least one column to synthesise', {
      hint: 'Keep at least one column that is not an id or PII column',
    });
  const seen = new Set<string>();
  for (const c of view.columns) {
    if (seen.has(c.name))
      throw new SynthkitError('DUPLICATE_COLUMN', `Column "${c.name}" appears twice`, { column: c.name });
    seen.add(c.name);
    if (c.kind === 'continuous') {
      const v = c.values;
      if (v.length !== view.nRows) throw badLength(c.name, v.length, view.nRows);
      for (let i = 0; i < v.length; i++)
        if (!Number.isFinite(v[i]!))
          throw new SynthkitError(
            'BAD_VALUE',
            `Column "${c.name}" holds ${v[i]} where the view allows finite numbers only`,
            {
              column: c.name,
              row: i + 1,
              hint: 'Build the view with the Synthesizer, which imputes missing values and adds an indicator column',
            },
          );
    } else {
      const codes = c.codes;
      if (codes.length !== view.nRows) throw badLength(c.name, codes.length, view.nRows);
      if (c.labels.length < 1)
        throw new SynthkitError('BAD_VALUE', `Discrete column "${c.name}" has no labels`, { column: c.name });
      for (let i = 0; i < codes.length; i++)
        if (!(codes[i]! >= 0 && codes[i]! < c.labels.length))
          throw new SynthkitError(
            'BAD_VALUE',
            `Column "${c.name}" holds code ${codes[i]} outside 0..${c.labels.length - 1}`,
            {
              column: c.name,
              row: i + 1,
              hint: 'Discrete view codes index the column labels',
            },
          );
    }
  }
}

function badLength(name: string, got: number, want: number): SynthkitError {
  return new SynthkitError('BAD_VALUE', `Column "${name}" has ${got} values but the view has ${want} rows`, {
    column: name,
  });
}

function toPredictor(c: ViewTable['columns'][number]): Predictor {
  if (c.kind === 'discrete') return { kind: 'discrete', codes: c.codes, nLevels: c.labels.length };
  const x = c.values;
  const order = new Int32Array(x.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => x[a]! - x[b]! || a - b);
  return { kind: 'continuous', values: x, order };
}

function numericLeaves(
  y: Float64Array,
  leaves: LeafRows,
  self: Predictor,
): Omit<Extract<ColumnModel, { kind: 'continuous' }>, 'kind' | 'name' | 'tree'> {
  const order = (self as Extract<Predictor, { kind: 'continuous' }>).order;
  const n = y.length;
  const atoms = findAtoms(y, order);
  const nLeaves = leaves.start.length - 1;
  const leafValues = new Float64Array(n);
  const leafBandwidth = new Float64Array(nLeaves);
  const free = new Float64Array(n);
  // A leaf's 5 to 30 values give a rule-of-thumb bandwidth far wider than the column's own, which
  // would blur the marginal (fnlwgt's KS drops by 0.02); the column's bandwidth caps it.
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = y[order[i]!]!;
    if (!isAtom(atoms, v)) free[m++] = v;
  }
  const columnBandwidth = silvermanBandwidth(free.subarray(0, m));
  for (let l = 0; l < nLeaves; l++) {
    const s = leaves.start[l]!;
    const e = leaves.start[l + 1]!;
    for (let i = s; i < e; i++) leafValues[i] = y[leaves.rows[i]!]!;
    const values = leafValues.subarray(s, e).sort();
    // The bandwidth describes the spread of the values that will be smoothed, not of the atoms.
    m = 0;
    for (let i = 0; i < values.length; i++) if (!isAtom(atoms, values[i]!)) free[m++] = values[i]!;
    leafBandwidth[l] = Math.min(silvermanBandwidth(free.subarray(0, m)), columnBandwidth);
  }
  return {
    leafStart: leaves.start,
    leafValues,
    leafBandwidth,
    atoms,
    min: y[order[0]!]!,
    max: y[order[n - 1]!]!,
  };
}

function classCounts(codes: Int32Array, k: number, leaves: LeafRows): Int32Array {
  const nLeaves = leaves.start.length - 1;
  const counts = new Int32Array(nLeaves * k);
  for (let l = 0; l < nLeaves; l++)
    for (let i = leaves.start[l]!; i < leaves.start[l + 1]!; i++) counts[l * k + codes[leaves.rows[i]!]!]!++;
  return counts;
}
