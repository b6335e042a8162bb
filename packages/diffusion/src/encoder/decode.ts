import { type Column, Table } from '@synthkit/core';
import type { RawBatch } from '../sampling/denoise-batches.js';
import { fromNormal } from '../transform/quantile-normal.js';
import type {
  CategoricalSidecarColumn,
  DiffusionSidecar,
  NumericalSidecarColumn,
  SidecarLayout,
} from './sidecar.js';

export type DecodedColumn =
  | { readonly name: string; readonly kind: 'numerical'; readonly values: Float64Array }
  | {
      readonly name: string;
      readonly kind: 'categorical';
      readonly codes: Int32Array;
      readonly categories: readonly string[];
    };

/** Model-space rows → columns in the sidecar's order, numbers mapped back through their transforms. */
export function decodeBatch(
  sidecar: DiffusionSidecar,
  layout: SidecarLayout,
  batch: RawBatch,
): DecodedColumn[] {
  const nNum = layout.numerical.length;
  const nCat = layout.categorical.length;
  const numIndex = new Map(layout.numerical.map((c, i) => [c.name, i]));
  const catIndex = new Map(layout.categorical.map((c, i) => [c.name, i]));
  const decoders = new Map(layout.numerical.map((c) => [c.name, numericalDecoder(c)]));
  return sidecar.columns.map((col): DecodedColumn => {
    if (col.kind === 'numerical') {
      const j = numIndex.get(col.name)!;
      const decode = decoders.get(col.name)!;
      const values = new Float64Array(batch.rows);
      for (let r = 0; r < batch.rows; r++) values[r] = decode(batch.num[r * nNum + j]!);
      return { name: col.name, kind: 'numerical', values };
    }
    const c = catIndex.get(col.name);
    const categories = (col as CategoricalSidecarColumn).categories;
    if (c === undefined)
      return { name: col.name, kind: 'categorical', codes: batch.labels!.slice(), categories };
    const codes = new Int32Array(batch.rows);
    for (let r = 0; r < batch.rows; r++) codes[r] = batch.codes[r * nCat + c]!;
    return { name: col.name, kind: 'categorical', codes, categories };
  });
}

export function decodedToTable(columns: readonly DecodedColumn[]): Table {
  return new Table(
    columns.map((c): [string, Column] =>
      c.kind === 'numerical'
        ? [c.name, { type: 'number', values: c.values }]
        : [c.name, { type: 'categorical', codes: c.codes, categories: c.categories }],
    ),
  );
}

function numericalDecoder(c: NumericalSidecarColumn): (z: number) => number {
  const t = c.transform;
  let f: (z: number) => number;
  if (t.kind === 'quantile') {
    const q = Float64Array.from(t.quantiles);
    f = (z) => fromNormal(q, z);
  } else if (t.kind === 'standard') f = (z) => t.mean + t.std * z;
  else f = (z) => z;
  if (c.decimals === undefined) return f;
  const scale = 10 ** c.decimals;
  return (z) => Math.round(f(z) * scale) / scale;
}
