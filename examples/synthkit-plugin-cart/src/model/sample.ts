import { type Rng, SynthkitError, type ViewColumn, type ViewCondition, type ViewTable } from '@synthkit/core';
import { routeRows } from '../tree/route.js';
import { isAtom } from './fit.js';
import { smoothDraw } from './smoothing.js';
import type { CartModelData, ColumnModel } from './types.js';

/** Per visit position, the code an `equals` condition fixes there (-1 = free). */
export type FixedCodes = Int32Array;

/**
 * Checks conditions against the model and turns them into fixed codes per visit position. Only
 * `equals` on discrete columns is supported (the plugin declares `supports.conditions: 'discrete'`).
 */
export function fixedCodes(model: CartModelData, conditions: readonly ViewCondition[]): FixedCodes {
  const fixed = new Int32Array(model.visit.length).fill(-1);
  for (const c of conditions) {
    const at = model.visit.findIndex((m) => m.name === c.column);
    const col = model.visit[at];
    if (!col)
      throw new SynthkitError('BAD_CONDITION', `Condition on "${c.column}", which the model does not have`, {
        column: c.column,
        hint: `Columns are: ${model.viewNames.join(', ')}`,
      });
    if (c.kind !== 'equals' || col.kind !== 'discrete')
      throw new SynthkitError(
        'UNSUPPORTED',
        `The cart generator fixes discrete columns only, not a ${c.kind} on "${c.column}"`,
        {
          column: c.column,
          hint: "It declares supports.conditions = 'discrete'; the Synthesizer enforces other conditions by rejection",
        },
      );
    if (!(Number.isInteger(c.code) && c.code >= 0 && c.code < col.labels.length))
      throw new SynthkitError(
        'BAD_CONDITION',
        `Condition code ${c.code} is not a category of "${c.column}"`,
        {
          column: c.column,
          hint: `Codes run from 0 to ${col.labels.length - 1}`,
        },
      );
    if (fixed[at] !== -1 && fixed[at] !== c.code)
      throw new SynthkitError(
        'CONDITION_UNSATISFIABLE',
        `Two different values are required for "${c.column}"`,
        {
          column: c.column,
          hint: 'Give one value per column',
        },
      );
    fixed[at] = c.code;
  }
  return fixed;
}

/** Synthetic columns in visit order, the first `n` entries filled. */
interface Block {
  readonly columns: (Float64Array | Int32Array)[];
  n: number;
}

/**
 * Draws up to `m` candidate rows, column by column in visit order: route each row down the
 * column's tree on the columns already drawn, then draw from that leaf (Reiter 2005). A condition
 * fixes its column; when a free column was drawn before it, each row is kept with probability
 * P(fixed value | its leaf), which is exact rejection sampling of the earlier columns given the
 * condition, and costs nothing when the fixed columns are visited first.
 */
export function drawBlock(model: CartModelData, m: number, fixed: FixedCodes, rng: Rng): Block {
  const block: Block = { columns: [], n: m };
  const leaf = new Int32Array(m);
  let prefixFixed = true;
  for (let j = 0; j < model.visit.length; j++) {
    const col = model.visit[j]!;
    const n = block.n;
    routeRows(col.tree, block.columns, n, leaf);
    const code = fixed[j]!;
    if (code >= 0 && col.kind === 'discrete') {
      if (!prefixFixed)
        block.n = keepWithLeafProbability(block, leaf, col.leafCounts, col.labels.length, code, rng);
      block.columns.push(new Int32Array(m).fill(code));
      continue;
    }
    prefixFixed = false;
    block.columns.push(
      col.kind === 'discrete'
        ? drawClasses(col, leaf, n, m, rng)
        : drawNumbers(col, leaf, n, m, rng, model.smoothing),
    );
  }
  return block;
}

function drawClasses(
  col: Extract<ColumnModel, { kind: 'discrete' }>,
  leaf: Int32Array,
  n: number,
  m: number,
  rng: Rng,
): Int32Array {
  const k = col.labels.length;
  const counts = col.leafCounts;
  const out = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const base = leaf[i]! * k;
    let total = 0;
    for (let c = 0; c < k; c++) total += counts[base + c]!;
    let r = rng.next() * total;
    let c = 0;
    for (; c < k - 1; c++) {
      r -= counts[base + c]!;
      if (r < 0) break;
    }
    // Skip zero-count classes the floating point walk could land on at the very end.
    while (counts[base + c] === 0 && c > 0) c--;
    out[i] = c;
  }
  return out;
}

function drawNumbers(
  col: Extract<ColumnModel, { kind: 'continuous' }>,
  leaf: Int32Array,
  n: number,
  m: number,
  rng: Rng,
  smoothing: 'density' | 'none',
): Float64Array {
  const out = new Float64Array(m);
  const { leafStart, leafValues, leafBandwidth, atoms, min, max } = col;
  for (let i = 0; i < n; i++) {
    const l = leaf[i]!;
    const s = leafStart[l]!;
    const donor = leafValues[s + rng.int(leafStart[l + 1]! - s)]!;
    const h = leafBandwidth[l]!;
    out[i] =
      smoothing === 'density' && h > 0 && !isAtom(atoms, donor) ? smoothDraw(donor, h, min, max, rng) : donor;
  }
  return out;
}

/** Keeps row i with probability counts[leaf_i, code] / leaf total; compacts the block in place. */
function keepWithLeafProbability(
  block: Block,
  leaf: Int32Array,
  counts: Int32Array,
  k: number,
  code: number,
  rng: Rng,
): number {
  let kept = 0;
  for (let i = 0; i < block.n; i++) {
    const base = leaf[i]! * k;
    let total = 0;
    for (let c = 0; c < k; c++) total += counts[base + c]!;
    if (rng.next() * total < counts[base + code]!) {
      for (const col of block.columns) col[kept] = col[i]!;
      kept++;
    }
  }
  return kept;
}

/** Rows [0, n) of a block (visit order) as a view table (view order). */
export function blockToView(model: CartModelData, parts: readonly Block[], n: number): ViewTable {
  const columns: ViewColumn[] = model.viewNames.map((name) => {
    const j = model.visit.findIndex((c) => c.name === name);
    const col = model.visit[j]!;
    const out = col.kind === 'continuous' ? new Float64Array(n) : new Int32Array(n);
    let at = 0;
    for (const part of parts) {
      const take = Math.min(part.n, n - at);
      if (take <= 0) break;
      out.set(part.columns[j]!.subarray(0, take), at);
      at += take;
    }
    return col.kind === 'continuous'
      ? { kind: 'continuous', name, values: out as Float64Array }
      : { kind: 'discrete', name, codes: out as Int32Array, labels: col.labels };
  });
  return { nRows: n, columns };
}
