import { SynthkitError } from '@synthkit/core';
import type { ScheduleSpec } from '../schedule/noise-schedule.js';

/**
 * The JSON sidecar that makes an ONNX denoiser samplable: which columns the model's dimensions
 * stand for, how to map them back to values, the noise schedule it was trained with, and the names
 * of its inputs and outputs. Written by our trainer; written by hand (or a few lines of Python) for
 * a model trained elsewhere. The layout it implies is fixed: model dimensions are the numerical
 * columns in `columns` order, then one one-hot span per categorical column in `columns` order
 * (the conditioning column, if any, is not a dimension; it is the `y` input).
 */
export interface DiffusionSidecar {
  readonly format: typeof SIDECAR_FORMAT;
  readonly version: 1;
  /** Output column order. */
  readonly columns: readonly SidecarColumn[];
  readonly schedule: ScheduleSpec;
  /** Input/output names in the ONNX graph; defaults x_t, t, y, out. */
  readonly io?: { readonly x?: string; readonly t?: string; readonly y?: string; readonly out?: string };
  /** Class-conditioning: a categorical column fed as `y` (its code), drawn from `prior` when sampling. */
  readonly conditioning?: { readonly column: string; readonly prior: readonly number[] };
}

export type SidecarColumn = NumericalSidecarColumn | CategoricalSidecarColumn;

export interface NumericalSidecarColumn {
  readonly name: string;
  readonly kind: 'numerical';
  /** How the model's value maps back to the column: quantile knots (TabDDPM), a z-score, or none. */
  readonly transform:
    | { readonly kind: 'quantile'; readonly quantiles: readonly number[] }
    | { readonly kind: 'standard'; readonly mean: number; readonly std: number }
    | { readonly kind: 'identity' };
  /** Round outputs to this many decimals (0 for integers); absent keeps full precision. */
  readonly decimals?: number;
}

export interface CategoricalSidecarColumn {
  readonly name: string;
  readonly kind: 'categorical';
  /** Category labels in the order of the model's one-hot span (or of `y` codes). */
  readonly categories: readonly string[];
}

export const SIDECAR_FORMAT = 'synthkit-diffusion-encoder';

/** Where each column lives in the model's input/output vectors. */
export interface SidecarLayout {
  readonly numerical: readonly NumericalSidecarColumn[];
  /** Categorical columns that are model dimensions (excludes the conditioning column). */
  readonly categorical: readonly CategoricalSidecarColumn[];
  readonly spanStart: Int32Array;
  readonly spanSize: Int32Array;
  /** Width of x_t and of the output: numerical count + Σ category counts. */
  readonly width: number;
  readonly condition?: { readonly column: CategoricalSidecarColumn; readonly prior: Float64Array };
  readonly io: { readonly x: string; readonly t: string; readonly y: string; readonly out: string };
}

export function sidecarLayout(s: DiffusionSidecar): SidecarLayout {
  const condName = s.conditioning?.column;
  const numerical = s.columns.filter((c): c is NumericalSidecarColumn => c.kind === 'numerical');
  const categorical = s.columns.filter(
    (c): c is CategoricalSidecarColumn => c.kind === 'categorical' && c.name !== condName,
  );
  const spanStart = new Int32Array(categorical.length);
  const spanSize = new Int32Array(categorical.length);
  let at = numerical.length;
  categorical.forEach((c, i) => {
    spanStart[i] = at;
    spanSize[i] = c.categories.length;
    at += c.categories.length;
  });
  const condColumn = s.columns.find(
    (c): c is CategoricalSidecarColumn => c.kind === 'categorical' && c.name === condName,
  );
  return {
    numerical,
    categorical,
    spanStart,
    spanSize,
    width: at,
    ...(s.conditioning && condColumn
      ? { condition: { column: condColumn, prior: Float64Array.from(s.conditioning.prior) } }
      : {}),
    io: { x: s.io?.x ?? 'x_t', t: s.io?.t ?? 't', y: s.io?.y ?? 'y', out: s.io?.out ?? 'out' },
  };
}

/**
 * Validates parsed JSON as a sidecar; every problem is a SynthkitError BAD_SPEC naming the field.
 * `source` (a file name) goes into messages.
 */
export function parseSidecar(json: unknown, source = 'encoder sidecar'): DiffusionSidecar {
  const bad = (what: string, column?: string): never => {
    throw new SynthkitError('BAD_SPEC', `${source}: ${what}`, {
      ...(column !== undefined ? { column } : {}),
      hint: 'See the "Bring your own model" section of @synthkit/diffusion\'s README for the sidecar format',
    });
  };
  if (!isObject(json)) return bad('must be a JSON object');
  if (json.format !== SIDECAR_FORMAT) bad(`"format" must be "${SIDECAR_FORMAT}"`);
  if (json.version !== 1)
    bad(`"version" must be 1 (this reader knows version 1), got ${JSON.stringify(json.version)}`);
  if (!Array.isArray(json.columns) || json.columns.length === 0) bad('"columns" must be a non-empty array');
  const seen = new Set<string>();
  for (const [i, c] of (json.columns as unknown[]).entries()) {
    if (!isObject(c) || typeof c.name !== 'string' || c.name === '')
      bad(`columns[${i}] needs a non-empty "name"`);
    const col = c as Record<string, unknown>;
    const name = col.name as string;
    if (seen.has(name)) bad(`column "${name}" is listed twice`, name);
    seen.add(name);
    if (col.kind === 'categorical') {
      const cats = col.categories;
      if (!Array.isArray(cats) || cats.length < 1 || !cats.every((v) => typeof v === 'string'))
        bad(`categorical column "${name}" needs "categories": a non-empty array of strings`, name);
      if (new Set(cats as string[]).size !== (cats as string[]).length)
        bad(`categorical column "${name}" repeats a category`, name);
    } else if (col.kind === 'numerical') {
      checkTransform(col.transform, name, bad);
      if (col.decimals !== undefined && !(Number.isInteger(col.decimals) && (col.decimals as number) >= 0))
        bad(`numerical column "${name}": "decimals" must be a non-negative integer`, name);
    } else bad(`column "${name}": "kind" must be "numerical" or "categorical"`, name);
  }
  checkSchedule(json.schedule, bad);
  if (json.io !== undefined) {
    if (!isObject(json.io)) bad('"io" must be an object of input/output names');
    for (const k of ['x', 't', 'y', 'out'])
      if (
        (json.io as Record<string, unknown>)[k] !== undefined &&
        typeof (json.io as Record<string, unknown>)[k] !== 'string'
      )
        bad(`"io.${k}" must be a string`);
  }
  if (json.conditioning !== undefined) {
    const cond = json.conditioning;
    if (!isObject(cond) || typeof cond.column !== 'string') bad('"conditioning" needs a "column"');
    const c = cond as Record<string, unknown>;
    const col = (json.columns as Record<string, unknown>[]).find((x) => x.name === c.column);
    if (col?.kind !== 'categorical')
      bad(`"conditioning.column" must name a categorical column, got "${c.column}"`);
    const k = (col!.categories as unknown[]).length;
    const prior = c.prior;
    if (
      !Array.isArray(prior) ||
      prior.length !== k ||
      !prior.every((p) => typeof p === 'number' && p >= 0) ||
      sum(prior) <= 0
    )
      bad(`"conditioning.prior" must be ${k} non-negative numbers (one per category of "${c.column}")`);
  }
  return json as unknown as DiffusionSidecar;
}

/** A sidecar column that the table being worked with lacks is an error before any sampling starts. */
export function checkSidecarColumns(
  s: DiffusionSidecar,
  available: readonly string[],
  source = 'encoder sidecar',
): void {
  const have = new Set(available);
  for (const c of s.columns)
    if (!have.has(c.name))
      throw new SynthkitError(
        'MISSING_COLUMN',
        `${source} describes column "${c.name}", which the table does not have`,
        {
          column: c.name,
          hint: `The table's columns are: ${available.join(', ')}. Use the sidecar written with this model, or rename the column`,
        },
      );
}

function checkTransform(t: unknown, name: string, bad: (what: string, column?: string) => never): void {
  if (!isObject(t)) {
    bad(
      `numerical column "${name}" needs a "transform" ({"kind": "quantile", "quantiles": [...]}, "standard" or "identity")`,
      name,
    );
  }
  if (t.kind === 'quantile') {
    const q = t.quantiles;
    if (!Array.isArray(q) || q.length < 1 || !q.every((v) => typeof v === 'number' && Number.isFinite(v)))
      bad(`numerical column "${name}": "quantiles" must be a non-empty array of finite numbers`, name);
    for (let i = 1; i < (q as number[]).length; i++)
      if ((q as number[])[i]! < (q as number[])[i - 1]!)
        bad(`numerical column "${name}": "quantiles" must be non-decreasing`, name);
  } else if (t.kind === 'standard') {
    if (typeof t.mean !== 'number' || typeof t.std !== 'number' || !(t.std > 0))
      bad(`numerical column "${name}": a "standard" transform needs "mean" and a positive "std"`, name);
  } else if (t.kind !== 'identity')
    bad(`numerical column "${name}": transform kind must be quantile, standard or identity`, name);
}

function checkSchedule(s: unknown, bad: (what: string) => never): void {
  if (!isObject(s)) {
    bad('"schedule" is required, e.g. {"kind": "cosine", "T": 1000}');
  }
  if (s.kind === 'cosine' || s.kind === 'linear') {
    if (!Number.isInteger(s.T) || (s.T as number) < 1) bad('"schedule.T" must be a positive integer');
  } else if (s.kind === 'betas') {
    const b = s.betas;
    if (!Array.isArray(b) || b.length < 1 || !b.every((v) => typeof v === 'number' && v > 0 && v < 1))
      bad('"schedule.betas" must be a non-empty array of numbers in (0, 1)');
  } else bad('"schedule.kind" must be cosine, linear or betas');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sum(a: readonly number[]): number {
  return a.reduce((s, v) => s + v, 0);
}
