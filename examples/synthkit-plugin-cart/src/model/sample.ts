import {
  drawFromCumulative,
  type Rng,
  SynthkitError,
  type ViewColumn,
  type ViewCondition,
  type ViewTable,
} from '@synthkit/core';
import { routeRows } from '../tree/route.js';
import { isAtom } from './atoms.js';
import { kernelDraw, kernelMass } from './smoothing.js';
import type { CartModelData, ColumnModel, ContinuousColumnModel, DiscreteColumnModel } from './types.js';

/** What a condition requires of the column at one visit position. */
export type Requirement =
  | { readonly code: number }
  | { readonly min: number; readonly max: number }
  | undefined;

/** Checks conditions against the model and turns them into one requirement per visit position. */
export function requirements(model: CartModelData, conditions: readonly ViewCondition[]): Requirement[] {
  const out: Requirement[] = model.visit.map(() => undefined);
  for (const c of conditions) {
    const at = model.visit.findIndex((m) => m.name === c.column);
    const col = model.visit[at];
    if (!col)
      throw new SynthkitError('BAD_CONDITION', `Condition on "${c.column}", which the model does not have`, {
        column: c.column,
        hint: `Columns are: ${model.viewNames.join(', ')}`,
      });
    const before = out[at];
    if (c.kind === 'equals' && col.kind === 'discrete') {
      if (!(Number.isInteger(c.code) && c.code >= 0 && c.code < col.labels.length))
        throw new SynthkitError(
          'BAD_CONDITION',
          `Condition code ${c.code} is not a category of "${c.column}"`,
          {
            column: c.column,
            hint: `Codes run from 0 to ${col.labels.length - 1}`,
          },
        );
      if (before && 'code' in before && before.code !== c.code) throw conflicting(c.column);
      out[at] = { code: c.code };
    } else if (c.kind === 'range' && col.kind === 'continuous') {
      const min = Math.max(c.min, before && 'min' in before ? before.min : -Infinity);
      const max = Math.min(c.max, before && 'max' in before ? before.max : Infinity);
      if (Number.isNaN(c.min) || Number.isNaN(c.max) || min > max) throw conflicting(c.column);
      out[at] = { min, max };
    } else {
      throw new SynthkitError(
        'BAD_CONDITION',
        `A ${c.kind} condition does not fit the ${col.kind} column "${c.column}"`,
        {
          column: c.column,
          hint: 'Use equals (a code) on discrete columns and range (min, max) on continuous ones',
        },
      );
    }
  }
  return out;
}

function conflicting(column: string): SynthkitError {
  return new SynthkitError('CONDITION_UNSATISFIABLE', `The conditions on "${column}" exclude every value`, {
    column,
    hint: 'Give one value, or ranges that overlap, per column',
  });
}

/** Synthetic columns in visit order, the first `n` entries filled. */
interface Block {
  readonly columns: (Float64Array | Int32Array)[];
  n: number;
}

/**
 * Draws up to `m` candidate rows, column by column in visit order: route each row down the
 * column's tree on the columns already drawn, then draw from that leaf (Reiter 2005). A condition
 * restricts its column's draw to the allowed values; when a free column was drawn before it, each
 * row is first kept with probability P(allowed | its leaf), which is exact rejection sampling of the
 * earlier columns given the condition, and costs nothing when the conditioned columns come first.
 */
export function drawBlock(
  model: CartModelData,
  m: number,
  required: readonly Requirement[],
  rng: Rng,
): Block {
  const block: Block = { columns: [], n: m };
  const leaf = new Int32Array(m);
  const keep = new Float64Array(m);
  // True while every column so far was fixed to one value: all rows then share each leaf.
  let prefixFixed = true;
  for (let j = 0; j < model.visit.length; j++) {
    const col = model.visit[j]!;
    routeRows(col.tree, block.columns, block.n, leaf);
    const req = required[j];
    if (req && 'code' in req && col.kind === 'discrete') {
      if (!prefixFixed) {
        for (let i = 0; i < block.n; i++) keep[i] = classShare(col, leaf[i]!, req.code);
        keepRows(block, leaf, keep, rng);
      }
      block.columns.push(new Int32Array(m).fill(req.code));
      continue;
    }
    if (req && 'min' in req && col.kind === 'continuous') {
      const leaves = new LeafWindow(col, req.min, req.max, model.smoothing);
      for (let i = 0; i < block.n; i++) keep[i] = leaves.share(leaf[i]!);
      // With a fixed prefix every row shares one leaf: keep all, or none when nothing is allowed.
      if (!prefixFixed || keep[0] === 0) keepRows(block, leaf, keep, rng);
      block.columns.push(leaves.draw(leaf, block.n, m, rng));
      prefixFixed = false;
      continue;
    }
    prefixFixed = false;
    block.columns.push(
      col.kind === 'discrete'
        ? drawClasses(col, leaf, block.n, m, rng)
        : drawNumbers(col, leaf, block.n, m, rng, model.smoothing),
    );
  }
  return block;
}

function classShare(col: DiscreteColumnModel, leaf: number, code: number): number {
  const k = col.labels.length;
  let total = 0;
  for (let c = 0; c < k; c++) total += col.leafCounts[leaf * k + c]!;
  return col.leafCounts[leaf * k + code]! / total;
}

function drawClasses(col: DiscreteColumnModel, leaf: Int32Array, n: number, m: number, rng: Rng): Int32Array {
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
  col: ContinuousColumnModel,
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
      smoothing === 'density' && h > 0 && !isAtom(atoms, donor)
        ? kernelDraw(donor, h, min, max, rng.next())
        : donor;
  }
  return out;
}

/**
 * A numeric column's leaves seen through a range condition [a, b]: each donor weighs its kernel's
 * mass inside the range (1 or 0 for a donor that is not smoothed). Weights are computed once per
 * leaf that rows fall in.
 */
class LeafWindow {
  private readonly cumulative = new Map<number, Float64Array>();

  constructor(
    private readonly col: ContinuousColumnModel,
    private readonly a: number,
    private readonly b: number,
    private readonly smoothing: 'density' | 'none',
  ) {}

  /** Share of the leaf's kernel density mass inside the range. */
  share(leaf: number): number {
    const cum = this.weights(leaf);
    return cum[cum.length - 1]! / cum.length;
  }

  /** A value for each of the first n rows from its leaf's density restricted to the range. */
  draw(leaf: Int32Array, n: number, m: number, rng: Rng): Float64Array {
    const { leafStart, leafValues, leafBandwidth, min, max } = this.col;
    const out = new Float64Array(m);
    for (let i = 0; i < n; i++) {
      const l = leaf[i]!;
      const cum = this.weights(l);
      const d = leafValues[leafStart[l]! + drawFromCumulative(cum, rng.next() * cum[cum.length - 1]!)]!;
      out[i] = this.smoothed(l, d)
        ? kernelDraw(d, leafBandwidth[l]!, Math.max(this.a, min), Math.min(this.b, max), rng.next())
        : d;
    }
    return out;
  }

  private smoothed(leaf: number, donor: number): boolean {
    return (
      this.smoothing === 'density' && this.col.leafBandwidth[leaf]! > 0 && !isAtom(this.col.atoms, donor)
    );
  }

  private weights(leaf: number): Float64Array {
    let cum = this.cumulative.get(leaf);
    if (cum) return cum;
    const { leafStart, leafValues, leafBandwidth, min, max } = this.col;
    const s = leafStart[leaf]!;
    const h = leafBandwidth[leaf]!;
    cum = new Float64Array(leafStart[leaf + 1]! - s);
    let total = 0;
    for (let i = 0; i < cum.length; i++) {
      const d = leafValues[s + i]!;
      // Far from both ends of the range, a kernel's mass is 1 or 0 to double precision.
      const far = Math.min(Math.abs(d - this.a), Math.abs(d - this.b)) > 40 * h;
      if (!this.smoothed(leaf, d) || far) total += d >= this.a && d <= this.b ? 1 : 0;
      else total += kernelMass(d, h, min, max, this.a, this.b);
      cum[i] = total;
    }
    this.cumulative.set(leaf, cum);
    return cum;
  }
}

/** Keeps row i with probability keep[i]; compacts the block's columns and `leaf` in place. */
function keepRows(block: Block, leaf: Int32Array, keep: Float64Array, rng: Rng): void {
  let kept = 0;
  for (let i = 0; i < block.n; i++) {
    if (rng.next() < keep[i]!) {
      for (const col of block.columns) col[kept] = col[i]!;
      leaf[kept] = leaf[i]!;
      kept++;
    }
  }
  block.n = kept;
}

/** Rows [0, n) of the blocks (visit order) as one view table (view order). */
export function blockToView(model: CartModelData, parts: readonly Block[], n: number): ViewTable {
  const columns: ViewColumn[] = model.viewNames.map((name) => {
    const j = model.visit.findIndex((c) => c.name === name);
    const col: ColumnModel = model.visit[j]!;
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
