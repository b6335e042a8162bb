import { SynthkitError, type ViewTable } from '@synthkit/core';
import type { ScheduleSpec } from '../schedule/noise-schedule.js';
import { defaultQuantileCount, fitQuantiles, toNormal } from '../transform/quantile-normal.js';
import { type DiffusionSidecar, SIDECAR_FORMAT, type SidecarColumn, type SidecarLayout } from './sidecar.js';

/**
 * The sidecar of a model trained on `view`: quantile knots of every continuous column, category
 * labels of every discrete one, the schedule, and the conditioning column with its class prior.
 */
export function fitSidecar(
  view: ViewTable,
  schedule: ScheduleSpec,
  conditionColumn?: string,
): DiffusionSidecar {
  const nq = defaultQuantileCount(view.nRows);
  const columns = view.columns.map(
    (c): SidecarColumn =>
      c.kind === 'continuous'
        ? {
            name: c.name,
            kind: 'numerical',
            transform: { kind: 'quantile', quantiles: [...fitQuantiles(c.values, nq)] },
            // whole-number columns stay whole when the ONNX model and sidecar are sampled on their own
            ...(c.integer ? { decimals: 0 } : {}),
          }
        : { name: c.name, kind: 'categorical', categories: [...c.labels] },
  );
  if (!conditionColumn) return { format: SIDECAR_FORMAT, version: 1, columns, schedule };
  const cond = view.columns.find((c) => c.name === conditionColumn);
  if (!cond)
    throw new SynthkitError(
      'UNKNOWN_COLUMN',
      `ddpm option target names "${conditionColumn}", which is not a column`,
      {
        column: conditionColumn,
        hint: `Columns: ${view.columns.map((c) => c.name).join(', ')}`,
      },
    );
  if (cond.kind !== 'discrete')
    throw new SynthkitError(
      'BAD_OPTION',
      `ddpm can only condition on a categorical column; "${conditionColumn}" is numerical`,
      {
        column: conditionColumn,
        hint: 'Pick a categorical target (e.g. the class label), or leave target empty',
      },
    );
  const prior = new Array<number>(cond.labels.length).fill(0);
  for (const code of cond.codes) prior[code]!++;
  return {
    format: SIDECAR_FORMAT,
    version: 1,
    columns,
    schedule,
    conditioning: { column: conditionColumn, prior: prior.map((c) => c / view.nRows) },
  };
}

/** Training rows in model space: normal scores of numerical columns and codes of categorical ones. */
export interface EncodedRows {
  readonly n: number;
  /** [n × numerical count] */
  readonly num: Float32Array;
  /** [n × categorical count] */
  readonly codes: Int32Array;
  readonly labels?: Int32Array;
}

export function encodeView(view: ViewTable, layout: SidecarLayout): EncodedRows {
  const n = view.nRows;
  const byName = new Map(view.columns.map((c) => [c.name, c]));
  const nNum = layout.numerical.length;
  const nCat = layout.categorical.length;
  const num = new Float32Array(n * nNum);
  layout.numerical.forEach((spec, j) => {
    const col = byName.get(spec.name);
    if (col?.kind !== 'continuous' || spec.transform.kind !== 'quantile')
      throw new Error(`encodeView: ${spec.name}`);
    const q = Float64Array.from(spec.transform.quantiles);
    for (let i = 0; i < n; i++) num[i * nNum + j] = toNormal(q, col.values[i]!);
  });
  const codes = new Int32Array(n * nCat);
  layout.categorical.forEach((spec, c) => {
    const col = byName.get(spec.name);
    if (col?.kind !== 'discrete') throw new Error(`encodeView: ${spec.name}`);
    for (let i = 0; i < n; i++) codes[i * nCat + c] = col.codes[i]!;
  });
  const condCol = layout.condition ? byName.get(layout.condition.column.name) : undefined;
  const labels = condCol?.kind === 'discrete' ? condCol.codes.slice() : undefined;
  return labels ? { n, num, codes, labels } : { n, num, codes };
}
