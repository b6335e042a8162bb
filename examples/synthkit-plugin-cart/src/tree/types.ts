/** A predictor as the tree learner sees it: a view column, prepared once per fit. */
export type Predictor =
  | {
      readonly kind: 'continuous';
      readonly values: Float64Array;
      /** Row indices sorted by value (ties by row), computed once and reused by every tree. */
      readonly order: Int32Array;
    }
  | { readonly kind: 'discrete'; readonly codes: Int32Array; readonly nLevels: number };

/** What a tree predicts: a class (classification tree) or a number (regression tree). */
export type Target =
  | { readonly kind: 'discrete'; readonly codes: Int32Array; readonly nLevels: number }
  | { readonly kind: 'continuous'; readonly values: Float64Array };

export interface GrowParams {
  readonly minLeaf: number;
  /** Nodes with fewer rows are not split; rpart derives it as 3 x minbucket. */
  readonly minSplit: number;
  readonly maxDepth: number;
  readonly cp: number;
}

/**
 * A fitted tree as flat typed arrays (saved as they are). Node 0 is the root. An inner node sends
 * a row left when `value <= threshold` (continuous predictor) or when `catLeft[threshold + code]`
 * is 1 (discrete predictor: `threshold` then holds an offset into `catLeft`). For a leaf,
 * `feature` is -1 and `left` holds the leaf number.
 */
export interface Tree {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly catLeft: Uint8Array;
  readonly nLeaves: number;
}

/** Training rows of each leaf, as a CSR list: rows of leaf l are `rows[start[l] .. start[l+1])`. */
export interface LeafRows {
  readonly start: Int32Array;
  readonly rows: Int32Array;
}
