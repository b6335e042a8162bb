import { Rng } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { growTree } from './grow.js';
import { routeRows } from './route.js';
import type { GrowParams, Predictor } from './types.js';

const params: GrowParams = { minLeaf: 5, minSplit: 15, maxDepth: 30, cp: 1e-8 };

function continuous(values: Float64Array): Predictor {
  const order = Int32Array.from(values.keys()).sort((a, b) => values[a]! - values[b]! || a - b);
  return { kind: 'continuous', values, order };
}

function leafSizes(start: Int32Array): number[] {
  return Array.from(start.subarray(1), (e, l) => e - start[l]!);
}

describe('growTree', () => {
  it('finds the threshold that separates two classes, and stops at pure leaves', () => {
    const x = Float64Array.from({ length: 200 }, (_, i) => i / 200);
    const y = Int32Array.from(x, (v) => (v > 0.3 ? 1 : 0));
    const { tree, leaves } = growTree(
      [continuous(x)],
      { kind: 'discrete', codes: y, nLevels: 2 },
      200,
      params,
    );
    expect(tree.feature[0]).toBe(0);
    expect(tree.threshold[0]).toBeGreaterThanOrEqual(0.3);
    expect(tree.threshold[0]).toBeLessThan(0.305);
    expect(tree.nLeaves).toBe(2);
    expect(leafSizes(leaves.start)).toEqual([61, 139]);
  });

  it('never makes a leaf smaller than minLeaf, whatever the noise', () => {
    const rng = new Rng(7);
    const n = 3000;
    const x = Float64Array.from({ length: n }, () => rng.normal());
    const z = Int32Array.from({ length: n }, () => rng.int(6));
    const y = Float64Array.from(x, (v, i) => v * v + z[i]! + rng.normal());
    for (const minLeaf of [1, 5, 40]) {
      const { tree, leaves } = growTree(
        [continuous(x), { kind: 'discrete', codes: z, nLevels: 6 }],
        { kind: 'continuous', values: y },
        n,
        { ...params, minLeaf, minSplit: 3 * minLeaf },
      );
      expect(Math.min(...leafSizes(leaves.start))).toBeGreaterThanOrEqual(minLeaf);
      expect(leaves.start[tree.nLeaves]).toBe(n);
      // every training row is in exactly one leaf
      expect(new Set(leaves.rows).size).toBe(n);
    }
  });

  it('groups the levels of a discrete predictor by their mean target', () => {
    // levels 0 and 2 have mean 10, levels 1 and 3 mean 0: one split must separate {0,2} from {1,3}
    const n = 400;
    const codes = Int32Array.from({ length: n }, (_, i) => i % 4);
    const y = Float64Array.from(codes, (c) => (c % 2 === 0 ? 10 : 0));
    const { tree } = growTree(
      [{ kind: 'discrete', codes, nLevels: 4 }],
      { kind: 'continuous', values: y },
      n,
      params,
    );
    expect(tree.nLeaves).toBe(2);
    const mask = Array.from(tree.catLeft.subarray(tree.threshold[0]!, tree.threshold[0]! + 4));
    expect(mask[0]).toBe(mask[2]);
    expect(mask[1]).toBe(mask[3]);
    expect(mask[0]).not.toBe(mask[1]);
  });

  it('routes rows to the leaf they were trained in', () => {
    const rng = new Rng(3);
    const n = 2000;
    const x = Float64Array.from({ length: n }, () => rng.uniform(-5, 5));
    const z = Int32Array.from({ length: n }, () => rng.int(9));
    const y = Int32Array.from(x, (v, i) => (v > 0 ? 1 : 0) + (z[i]! > 4 ? 2 : 0));
    const { tree, leaves } = growTree(
      [continuous(x), { kind: 'discrete', codes: z, nLevels: 9 }],
      { kind: 'discrete', codes: y, nLevels: 4 },
      n,
      params,
    );
    const leafOf = new Int32Array(n);
    routeRows(tree, [x, z], n, leafOf);
    for (let l = 0; l < tree.nLeaves; l++)
      for (let i = leaves.start[l]!; i < leaves.start[l + 1]!; i++) expect(leafOf[leaves.rows[i]!]).toBe(l);
    expect(tree.nLeaves).toBe(4);
  });

  it('honours maxDepth and cp', () => {
    const rng = new Rng(11);
    const n = 1000;
    const x = Float64Array.from({ length: n }, () => rng.next());
    const y = Float64Array.from(x, (v) => Math.sin(10 * v) + 0.1 * rng.normal());
    const stump = growTree([continuous(x)], { kind: 'continuous', values: y }, n, { ...params, maxDepth: 1 });
    expect(stump.tree.nLeaves).toBe(2);
    const deep = growTree([continuous(x)], { kind: 'continuous', values: y }, n, params);
    expect(deep.tree.nLeaves).toBeGreaterThan(40);
    const pruned = growTree([continuous(x)], { kind: 'continuous', values: y }, n, { ...params, cp: 0.05 });
    expect(pruned.tree.nLeaves).toBeGreaterThan(1);
    expect(pruned.tree.nLeaves).toBeLessThan(15);
  });

  it('is one leaf without predictors or for a constant target', () => {
    const y = new Float64Array(50).fill(3);
    expect(
      growTree([], { kind: 'continuous', values: Float64Array.from({ length: 50 }, (_, i) => i) }, 50, params)
        .tree.nLeaves,
    ).toBe(1);
    expect(
      growTree(
        [continuous(Float64Array.from({ length: 50 }, (_, i) => i))],
        { kind: 'continuous', values: y },
        50,
        params,
      ).tree.nLeaves,
    ).toBe(1);
  });
});
