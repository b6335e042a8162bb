import { type JsonValue, type ModelState, SynthkitError, type TypedArray } from '@synthkit/core';
import type { Tree } from '../tree/types.js';
import type { CartModelData, ColumnModel } from './types.js';

const FORMAT = 'synthkit-plugin-cart/1';

/**
 * The model as plain data: JSON for names, labels and bounds, and per visited column j the typed
 * arrays `j.feature`, `j.threshold`, `j.left`, `j.right`, `j.catLeft` (the tree) plus
 * `j.leafStart`, `j.leafValues`, `j.leafBandwidth`, `j.atoms` (numeric) or `j.leafCounts` (discrete).
 */
export function saveState(model: CartModelData): ModelState {
  const arrays: Record<string, TypedArray> = {};
  const columns = model.visit.map((c, j): JsonValue => {
    const t = c.tree;
    Object.assign(arrays, {
      [`${j}.feature`]: t.feature,
      [`${j}.threshold`]: t.threshold,
      [`${j}.left`]: t.left,
      [`${j}.right`]: t.right,
      [`${j}.catLeft`]: t.catLeft,
    });
    if (c.kind === 'discrete') {
      arrays[`${j}.leafCounts`] = c.leafCounts;
      return { kind: 'discrete', name: c.name, labels: [...c.labels], nLeaves: t.nLeaves };
    }
    Object.assign(arrays, {
      [`${j}.leafStart`]: c.leafStart,
      [`${j}.leafValues`]: c.leafValues,
      [`${j}.leafBandwidth`]: c.leafBandwidth,
      [`${j}.atoms`]: c.atoms,
    });
    return { kind: 'continuous', name: c.name, nLeaves: t.nLeaves, min: c.min, max: c.max };
  });
  return {
    json: { format: FORMAT, viewNames: [...model.viewNames], smoothing: model.smoothing, columns },
    arrays,
  };
}

/** Rebuilds a model from `saveState`'s output; BAD_ARTIFACT when anything is missing or inconsistent. */
export function loadState(state: ModelState): CartModelData {
  const json = state.json as Record<string, unknown> | null;
  if (!json || typeof json !== 'object' || json.format !== FORMAT)
    throw bad(
      `expected format "${FORMAT}", got ${JSON.stringify((json as { format?: unknown } | null)?.format)}`,
    );
  const viewNames = json.viewNames;
  const columns = json.columns;
  const smoothing = json.smoothing;
  if (!isStringArray(viewNames) || !Array.isArray(columns) || columns.length !== viewNames.length)
    throw bad('the column lists are missing or differ in length');
  if (smoothing !== 'density' && smoothing !== 'none')
    throw bad(`unknown smoothing ${JSON.stringify(smoothing)}`);
  const visit = columns.map((c: Record<string, unknown>, j): ColumnModel => {
    const name = c.name;
    const nLeaves = c.nLeaves;
    if (typeof name !== 'string' || !viewNames.includes(name) || !isCount(nLeaves))
      throw bad(`column ${j} is malformed`);
    const tree = readTree(state, j, nLeaves);
    if (c.kind === 'discrete') {
      if (!isStringArray(c.labels) || c.labels.length < 1) throw bad(`column "${name}" has no labels`);
      const leafCounts = array(state, `${j}.leafCounts`, Int32Array, nLeaves * c.labels.length);
      return { kind: 'discrete', name, labels: c.labels, tree, leafCounts };
    }
    if (c.kind !== 'continuous' || typeof c.min !== 'number' || typeof c.max !== 'number')
      throw bad(`column "${name}" is malformed`);
    const leafStart = array(state, `${j}.leafStart`, Int32Array, nLeaves + 1);
    const leafValues = array(state, `${j}.leafValues`, Float64Array);
    if (leafStart[0] !== 0 || leafStart[nLeaves] !== leafValues.length)
      throw bad(`column "${name}" has bad leaf offsets`);
    for (let l = 0; l < nLeaves; l++)
      if (!(leafStart[l + 1]! > leafStart[l]!)) throw bad(`column "${name}" has an empty leaf`);
    return {
      kind: 'continuous',
      name,
      tree,
      leafStart,
      leafValues,
      leafBandwidth: array(state, `${j}.leafBandwidth`, Float64Array, nLeaves),
      atoms: array(state, `${j}.atoms`, Float64Array),
      min: c.min,
      max: c.max,
    };
  });
  return { visit, viewNames, smoothing };
}

function readTree(state: ModelState, j: number, nLeaves: number): Tree {
  const feature = array(state, `${j}.feature`, Int32Array);
  const nNodes = feature.length;
  const tree: Tree = {
    feature,
    threshold: array(state, `${j}.threshold`, Float64Array, nNodes),
    left: array(state, `${j}.left`, Int32Array, nNodes),
    right: array(state, `${j}.right`, Int32Array, nNodes),
    catLeft: array(state, `${j}.catLeft`, Uint8Array),
    nLeaves,
  };
  // Every child index must point forward (the tree was built parent first), so routing always ends.
  for (let i = 0; i < nNodes; i++) {
    const f = tree.feature[i]!;
    if (f >= j || f < -1) throw bad(`tree ${j} splits on column ${f}, which is not visited before it`);
    if (
      f === -1
        ? !(tree.left[i]! >= 0 && tree.left[i]! < nLeaves)
        : !(tree.left[i]! > i && tree.right[i]! > i && tree.right[i]! < nNodes)
    )
      throw bad(`tree ${j} has a bad link at node ${i}`);
  }
  return tree;
}

function array<T extends TypedArray>(
  state: ModelState,
  key: string,
  type: { new (n: number): T; name: string },
  length?: number,
): T {
  const a = state.arrays[key];
  if (!(a instanceof type)) throw bad(`array "${key}" is missing or not a ${type.name}`);
  if (length !== undefined && a.length !== length)
    throw bad(`array "${key}" has ${a.length} entries, expected ${length}`);
  return a;
}

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1;
}

function bad(what: string): SynthkitError {
  return new SynthkitError('BAD_ARTIFACT', `Not a cart model: ${what}`, {
    hint: 'Save the model again with this version of synthkit-plugin-cart',
  });
}
