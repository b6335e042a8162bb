import type { Tree } from '../tree/types.js';

/** A numeric column's tree and, per leaf, its training values (ascending) and kernel bandwidth. */
export interface ContinuousColumnModel {
  readonly kind: 'continuous';
  readonly name: string;
  readonly tree: Tree;
  /** Values of leaf l are `leafValues[leafStart[l] .. leafStart[l+1])`. */
  readonly leafStart: Int32Array;
  readonly leafValues: Float64Array;
  readonly leafBandwidth: Float64Array;
  /** Values common enough to be kept exact (never smoothed), ascending: e.g. capital-gain's 0. */
  readonly atoms: Float64Array;
  readonly min: number;
  readonly max: number;
}

/** A discrete column's tree and, per leaf, its class counts (`nLeaves x labels.length`). */
export interface DiscreteColumnModel {
  readonly kind: 'discrete';
  readonly name: string;
  readonly labels: readonly string[];
  readonly tree: Tree;
  readonly leafCounts: Int32Array;
}

export type ColumnModel = ContinuousColumnModel | DiscreteColumnModel;

/**
 * The fitted synthesiser: one tree per column, in visit order; the tree of visit position j splits
 * on the columns at positions 0..j-1 (predictor f of that tree is the column at position f).
 */
export interface CartModelData {
  readonly visit: readonly ColumnModel[];
  /** Column names in the order of the view the model was fitted on (the order of sampled output). */
  readonly viewNames: readonly string[];
  readonly smoothing: 'density' | 'none';
}
