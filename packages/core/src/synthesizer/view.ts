import { SynthkitError } from '../errors/synthkit-error.js';
import type { ColumnMetadata, IdMetadata, Metadata, PiiMetadata } from '../metadata/types.js';
import type { ContinuousViewColumn, DiscreteViewColumn, ViewColumn, ViewTable } from '../plugin/types.js';
import type { Column } from '../table/column.js';
import { Table } from '../table/table.js';
import { boundsClamp } from '../transforms/bounds-clamp.js';
import { datetimeNumber } from '../transforms/datetime-number.js';
import { missingIndicator } from '../transforms/missing-indicator.js';
import { ordinal } from '../transforms/ordinal.js';
import { rounding } from '../transforms/rounding.js';
import { fromLabels, toLabels } from './labels.js';

/** Suffix of the discrete column that says whether a continuous value is missing. */
export const MISSING_SUFFIX = '#missing';
export const MISSING_INDICATOR_LABELS = ['present', 'missing'] as const;

/** How one table column becomes view column(s) and comes back: plain JSON, saved in artifacts. */
export type ColumnPlan = ContinuousPlan | DiscretePlan | RegeneratedPlan;

export type ContinuousPlan = {
  readonly kind: 'continuous';
  readonly name: string;
  readonly physical: 'number' | 'datetime';
  /** Imputed value when the column has missing values (then a `<name>#missing` column follows), else null. */
  readonly fill: number | null;
  /** Output rounding step: decimals for numbers (0 = integer), null = keep as generated. */
  readonly decimals: number | null;
  /** Datetime resolution in ms (1 for numbers). */
  readonly unit: number;
  /** Clamp range, null when bounds are not enforced. */
  readonly bounds: { readonly min: number; readonly max: number } | null;
  /**
   * True when the training column had no value at all: every generated value is then missing,
   * whatever the generator makes of its (constant) indicator. Absent in older artifacts.
   */
  readonly empty?: boolean;
};

export type DiscretePlan = {
  readonly kind: 'discrete';
  readonly name: string;
  readonly physical: Column['type'];
  readonly labels: string[];
  readonly missingCode: number;
};

export type RegeneratedPlan = {
  readonly kind: 'regenerated';
  readonly name: string;
  readonly meta: IdMetadata | PiiMetadata;
};

export type ViewPlan = { readonly columns: ColumnPlan[] };

/** Learns how to turn `table` (described by `metadata`) into a generator's view. */
export function fitViewPlan(table: Table, metadata: Metadata): ViewPlan {
  const columns: ColumnPlan[] = [];
  for (const [name, meta] of Object.entries(metadata.columns)) {
    if (meta.sdtype === 'id' || meta.sdtype === 'pii') {
      columns.push({ kind: 'regenerated', name, meta });
      continue;
    }
    const col = tableColumn(table, name);
    if (meta.sdtype === 'categorical' || meta.sdtype === 'boolean') {
      const state = ordinal.fit(toLabels(col));
      columns.push({ kind: 'discrete', name, physical: col.type, ...state });
      continue;
    }
    columns.push(continuousPlan(name, meta, col));
  }
  return { columns };
}

function continuousPlan(name: string, meta: ColumnMetadata, col: Column): ContinuousPlan {
  if (
    col.type === 'categorical' ||
    col.type === 'boolean' ||
    (meta.sdtype === 'datetime' && col.type !== 'datetime')
  )
    throw new SynthkitError(
      'TYPE_MISMATCH',
      `Column "${name}" is ${meta.sdtype} in the metadata but holds ${col.type} values`,
      {
        column: name,
        hint: `Set its sdtype to "categorical" in the metadata, or fix the values that are not ${meta.sdtype}`,
      },
    );
  const values = col.values;
  const observed = boundsClamp.fit(values);
  const hasMissing = values.some(Number.isNaN);
  const fill = hasMissing ? missingIndicator.fit(values).fill : null;
  const empty = values.length > 0 && values.every(Number.isNaN) ? { empty: true } : {};
  if (col.type === 'datetime') {
    const unit = datetimeNumber.fit(values).unit;
    return {
      kind: 'continuous',
      name,
      physical: 'datetime',
      fill,
      decimals: null,
      unit,
      bounds: observed,
      ...empty,
    };
  }
  const num = meta.sdtype === 'numerical' ? meta : undefined;
  const decimals = num?.representation === 'integer' ? 0 : (num?.decimals ?? rounding.fit(values).decimals);
  const bounds =
    num?.enforceBounds === false ? null : { min: num?.min ?? observed.min, max: num?.max ?? observed.max };
  return { kind: 'continuous', name, physical: 'number', fill, decimals, unit: 1, bounds, ...empty };
}

function tableColumn(table: Table, name: string): Column {
  if (!table.has(name))
    throw new SynthkitError(
      'UNKNOWN_COLUMN',
      `The metadata describes column "${name}" but the table has no such column`,
      {
        column: name,
        hint: `Remove it from the metadata or check the file; the table's columns are: ${table.names.join(', ')}`,
      },
    );
  return table.column(name);
}

/**
 * The view a generator would be fitted on for this table and metadata (for plugin tests and
 * benches; the Synthesizer does this itself).
 */
export function viewOf(table: Table, metadata: Metadata): ViewTable {
  return toView(fitViewPlan(table, metadata), table);
}

/** The table as a generator sees it: see the rules in docs/architecture.md and the README. */
export function toView(plan: ViewPlan, table: Table): ViewTable {
  const columns: ViewColumn[] = [];
  for (const p of plan.columns) {
    if (p.kind === 'regenerated') continue;
    const col = table.column(p.name);
    if (p.kind === 'discrete') {
      columns.push({
        kind: 'discrete',
        name: p.name,
        codes: ordinal.forward(p, toLabels(col)),
        labels: p.labels,
      });
      continue;
    }
    const raw = (col as { values: Float64Array }).values;
    if (p.fill === null) {
      columns.push({
        kind: 'continuous',
        name: p.name,
        values: Float64Array.from(raw),
        integer: p.decimals === 0,
      });
      continue;
    }
    const { values, missing } = missingIndicator.forward({ fill: p.fill }, raw);
    columns.push({ kind: 'continuous', name: p.name, values, integer: p.decimals === 0 });
    columns.push({
      kind: 'discrete',
      name: p.name + MISSING_SUFFIX,
      codes: Int32Array.from(missing),
      labels: MISSING_INDICATOR_LABELS,
    });
  }
  return { nRows: table.nRows, columns };
}

/** An empty view with the plan's shape: the signature sampled batches are checked against. */
export function viewSignature(plan: ViewPlan): ViewTable {
  return toView(plan, emptyTable(plan));
}

function emptyTable(plan: ViewPlan): Table {
  return new Table(
    plan.columns
      .filter((p) => p.kind !== 'regenerated')
      .map((p): [string, Column] => {
        if (p.kind === 'continuous') return [p.name, { type: p.physical, values: new Float64Array(0) }];
        return [
          p.name,
          fromLabels(p.physical, { type: 'categorical', codes: new Int32Array(0), categories: [] }),
        ];
      }),
  );
}

/**
 * Back from a generator's output to table columns: missing values restored, values clamped to the
 * bounds and rounded to the data's decimals (or datetime unit). Regenerated columns are left out;
 * the Synthesizer adds them once rejection has settled which rows stay.
 */
export function fromView(plan: ViewPlan, view: ViewTable): Table {
  const byName = new Map(view.columns.map((c) => [c.name, c]));
  const out: Array<[string, Column]> = [];
  for (const p of plan.columns) {
    if (p.kind === 'regenerated') continue;
    if (p.kind === 'discrete') {
      const v = byName.get(p.name) as DiscreteViewColumn;
      out.push([p.name, fromLabels(p.physical, ordinal.reverse(p, v.codes))]);
      continue;
    }
    const src = (byName.get(p.name) as ContinuousViewColumn).values;
    const missing =
      p.fill === null ? undefined : (byName.get(p.name + MISSING_SUFFIX) as DiscreteViewColumn).codes;
    out.push([p.name, { type: p.physical, values: finishContinuous(p, src, missing) }]);
  }
  return new Table(out);
}

function finishContinuous(
  p: ContinuousPlan,
  src: Float64Array,
  missing: Int32Array | undefined,
): Float64Array {
  const values = new Float64Array(src.length);
  const lo = p.bounds?.min ?? Number.NEGATIVE_INFINITY;
  const hi = p.bounds?.max ?? Number.POSITIVE_INFINITY;
  // Snap to a grid: the datetime unit, or 10^-decimals (as a divisor so 0.1-steps stay exact).
  const unit = p.physical === 'datetime' ? p.unit : 0;
  const scale = unit === 0 && p.decimals !== null ? 10 ** p.decimals : 0;
  // One specialised pass per case: this runs on every sampled value.
  const n = values.length;
  if (scale === 1)
    for (let i = 0; i < n; i++) {
      const v = src[i]!;
      values[i] = Math.round(v < lo ? lo : v > hi ? hi : v);
    }
  else if (scale > 0)
    for (let i = 0; i < n; i++) {
      const v = src[i]!;
      values[i] = Math.round((v < lo ? lo : v > hi ? hi : v) * scale) / scale;
    }
  else if (unit > 0)
    for (let i = 0; i < n; i++) {
      const v = src[i]!;
      values[i] = Math.round((v < lo ? lo : v > hi ? hi : v) / unit) * unit;
    }
  else
    for (let i = 0; i < n; i++) {
      const v = src[i]!;
      values[i] = v < lo ? lo : v > hi ? hi : v;
    }
  if (p.empty) values.fill(Number.NaN);
  else if (missing !== undefined)
    for (let i = 0; i < values.length; i++) if (missing[i] === 1) values[i] = Number.NaN;
  return values;
}

/** Throws BAD_PLUGIN when a generator's batch does not have the shape of the view it was fitted on. */
export function checkViewShape(expected: ViewTable, got: ViewTable, generator: string): void {
  const bad = (what: string, column?: string): never => {
    throw new SynthkitError('BAD_PLUGIN', `Generator "${generator}" returned a batch that ${what}`, {
      ...(column === undefined ? {} : { column }),
      hint: 'A sampled batch must have the columns, kinds and labels of the view the model was fitted on; report this to the plugin author',
    });
  };
  if (got.columns.length !== expected.columns.length)
    bad(`has ${got.columns.length} columns instead of ${expected.columns.length}`);
  for (let j = 0; j < expected.columns.length; j++) {
    const e = expected.columns[j]!;
    const g = got.columns[j]!;
    if (g.name !== e.name || g.kind !== e.kind)
      bad(`has ${g.kind} column "${g.name}" where ${e.kind} "${e.name}" belongs`);
    const n = g.kind === 'continuous' ? g.values.length : g.codes.length;
    if (n !== got.nRows) bad(`has ${n} entries for ${got.nRows} rows`, g.name);
    const at =
      g.kind === 'continuous'
        ? firstNonFinite(g.values)
        : firstOutside(g.codes, (e as DiscreteViewColumn).labels.length);
    if (at < 0) continue;
    if (g.kind === 'continuous') bad(`holds ${g.values[at]} at row ${at + 1}`, g.name);
    else
      bad(
        `holds code ${g.codes[at]} (labels 0..${(e as DiscreteViewColumn).labels.length - 1}) at row ${at + 1}`,
        g.name,
      );
  }
}

function firstNonFinite(v: Float64Array): number {
  // x - x is 0 for finite x and NaN for NaN and ±Infinity.
  for (let i = 0; i < v.length; i++) if (v[i]! - v[i]! !== 0) return i;
  return -1;
}

function firstOutside(codes: Int32Array, k: number): number {
  for (let i = 0; i < codes.length; i++) if (codes[i]! >>> 0 >= k) return i;
  return -1;
}
