import { type Reparam, rejectWhere } from '../constraints/constraint.js';
import { SynthkitError } from '../errors/synthkit-error.js';
import type { Metadata } from '../metadata/types.js';
import type { GeneratorPlugin, ViewCondition } from '../plugin/types.js';
import { type Column, isMissingAt } from '../table/column.js';
import type { Table } from '../table/table.js';
import { MISSING_LABEL } from '../transforms/ordinal.js';
import { roundTo } from '../transforms/rounding.js';
import { labelOf } from './labels.js';
import { type ContinuousPlan, type DiscretePlan, MISSING_SUFFIX, type ViewPlan } from './view.js';

/** A fixed value (a category, a number, a date) or a range `{ min, max }` (either side optional). */
export type ConditionValue =
  | string
  | number
  | boolean
  | Date
  | null
  | { readonly min?: number | string | Date; readonly max?: number | string | Date };
export type Conditions = Readonly<Record<string, ConditionValue>>;

/** A condition as checked on sampled rows. */
export interface RowCheck {
  /** e.g. `sex = " Female"` or `age in [30, 40]` */
  readonly name: string;
  readonly column: string;
  markInvalid(table: Table, valid: Uint8Array): number;
}

export interface ResolvedConditions {
  /** What the generator is asked to honour (what its `supports.conditions` allows). */
  readonly passed: ViewCondition[];
  /** Every condition, checked on every sampled row; rows failing one are rejected. */
  readonly checks: RowCheck[];
}

interface Env {
  readonly plan: ViewPlan;
  readonly metadata: Metadata;
  readonly reparams: readonly Reparam[];
  readonly supports: GeneratorPlugin['supports']['conditions'];
}

/** Translates user conditions (by column and value) into view conditions and row checks. */
export function resolveConditions(conditions: Conditions, env: Env): ResolvedConditions {
  const passed: ViewCondition[] = [];
  const checks: RowCheck[] = [];
  const touched = new Set(env.reparams.flatMap((r) => r.touches));
  const fixedTouched = new Map<string, string>();
  for (const [column, value] of Object.entries(conditions)) {
    const p = env.plan.columns.find((x) => x.name === column);
    if (!p)
      throw new SynthkitError('BAD_CONDITION', `Condition on unknown column "${column}"`, {
        column,
        hint: `Columns are: ${env.plan.columns.map((x) => x.name).join(', ')}`,
      });
    if (p.kind === 'regenerated')
      throw new SynthkitError(
        'BAD_CONDITION',
        `Column "${column}" is ${p.meta.sdtype}: it is regenerated, not learned, so it cannot be conditioned on`,
        {
          column,
          hint: 'Condition on a learned column instead',
        },
      );
    if (p.kind === 'discrete' && !isRange(value)) {
      const label = matchLabel(p, value, env.metadata);
      checks.push(equalsCheck(p, label));
      if (env.supports === 'none') continue;
      if (touched.has(column)) fixedTouched.set(column, label);
      else passed.push({ kind: 'equals', column, code: p.labels.indexOf(label) });
      continue;
    }
    const [min, max] = rangeOf(p, value);
    const check = rangeCheck(column, min, max);
    checks.push(check);
    if (p.kind !== 'continuous') continue;
    if (p.bounds && (min > p.bounds.max || max < p.bounds.min))
      throw new SynthkitError(
        'CONDITION_UNSATISFIABLE',
        `Cannot sample rows where ${check.name}: outside the column's range [${p.bounds.min}, ${p.bounds.max}]`,
        {
          column,
          hint: 'Synthetic values stay within the observed range; pick a range that overlaps it, or set enforceBounds: false in the metadata',
        },
      );
    if (env.supports !== 'none' && p.fill !== null)
      passed.push({ kind: 'equals', column: column + MISSING_SUFFIX, code: 0 });
    if (env.supports !== 'all') continue;
    const slack = roundingSlack(p, min, max);
    if (!touched.has(column)) {
      passed.push({ kind: 'range', column, ...slack });
      continue;
    }
    // A monotone change of variables (range, positive) maps the range into the generator's units.
    const mapped = env.reparams
      .find((r) => r.touches.includes(column))
      ?.rangeFor?.(column, slack.min, slack.max);
    if (mapped) passed.push({ kind: 'range', column, ...mapped });
  }
  for (const r of env.reparams) {
    const mine = new Map([...fixedTouched].filter(([c]) => r.touches.includes(c)));
    const eq = mine.size > 0 ? r.equalsFor?.(mine) : undefined;
    if (eq) passed.push({ kind: 'equals', ...eq });
  }
  return { passed, checks };
}

function isRange(v: ConditionValue): v is { min?: number | string | Date; max?: number | string | Date } {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

function matchLabel(p: DiscretePlan, value: ConditionValue, metadata: Metadata): string {
  const labels = p.labels;
  const present = p.missingCode >= 0 ? labels.slice(0, -1) : labels;
  if (value === null && p.missingCode >= 0) return MISSING_LABEL;
  const meta = metadata.columns[p.name];
  let label = value === null ? undefined : labelOf(p.physical, value);
  if (meta?.sdtype === 'boolean' && typeof value === 'string') {
    if (value === meta.trueToken) label = 'true';
    if (value === meta.falseToken) label = 'false';
  }
  if (label !== undefined && present.includes(label)) return label;
  if (typeof value === 'string') {
    // Adult writes " Female" with a leading space; a user typing "Female" means it.
    const loose = present.filter((l) => l.trim() === value.trim());
    if (loose.length === 1) return loose[0]!;
  }
  if (value === MISSING_LABEL && p.missingCode >= 0) return MISSING_LABEL;
  throw new SynthkitError(
    'BAD_CONDITION',
    `Column "${p.name}" never has the value ${JSON.stringify(value)} in the data`,
    {
      column: p.name,
      hint: `Valid values: ${present
        .slice(0, 30)
        .map((l) => JSON.stringify(l))
        .join(', ')}${present.length > 30 ? ` and ${present.length - 30} more` : ''}`,
    },
  );
}

function rangeOf(p: ContinuousPlan | DiscretePlan, value: ConditionValue): [number, number] {
  const bad = (why: string): never => {
    throw new SynthkitError('BAD_CONDITION', `Condition on "${p.name}": ${why}`, {
      column: p.name,
      hint:
        p.physical === 'datetime'
          ? 'Give a date ("2020-01-31") or a range { min, max } of dates'
          : 'Give a number or a range { min, max }, e.g. age=30..40 on the command line',
    });
  };
  if (p.kind === 'discrete' && p.physical !== 'number') return bad('a range needs a numerical column');
  const num = (v: unknown, fallback: number): number => {
    if (v === undefined) return fallback;
    const t =
      v instanceof Date
        ? v.getTime()
        : typeof v === 'number'
          ? v
          : typeof v === 'string' && v.trim() !== ''
            ? p.physical === 'datetime' && Number.isNaN(Number(v))
              ? Date.parse(v)
              : Number(v)
            : Number.NaN;
    return Number.isNaN(t)
      ? bad(`${JSON.stringify(v)} is not a ${p.physical === 'datetime' ? 'date' : 'number'}`)
      : t;
  };
  if (isRange(value)) {
    const min = num(value.min, Number.NEGATIVE_INFINITY);
    const max = num(value.max, Number.POSITIVE_INFINITY);
    if (min > max) bad(`min ${value.min} is above max ${value.max}`);
    return [min, max];
  }
  const v = num(value, Number.NaN);
  return [v, v];
}

/** Widens a range by half a rounding step so values that round into it are not thrown away. */
function roundingSlack(p: ContinuousPlan, min: number, max: number): { min: number; max: number } {
  const lo = p.bounds ? Math.max(min, p.bounds.min) : min;
  const hi = p.bounds ? Math.min(max, p.bounds.max) : max;
  const step = p.physical === 'datetime' ? p.unit : p.decimals === null ? 0 : 10 ** -p.decimals;
  const h = (step / 2) * (1 - 1e-9);
  const onGrid = (x: number) =>
    step > 0 && (p.physical === 'datetime' ? x % step === 0 : roundTo(x, p.decimals ?? 0) === x);
  const finite = (x: number, f: number) => (Number.isFinite(x) ? x : f);
  return {
    min: finite(onGrid(lo) ? lo - h : lo, -Number.MAX_VALUE),
    max: finite(onGrid(hi) ? hi + h : hi, Number.MAX_VALUE),
  };
}

function equalsCheck(p: DiscretePlan, label: string): RowCheck {
  const column = p.name;
  const missing = label === MISSING_LABEL && p.missingCode >= 0;
  return {
    name: `${column} = ${JSON.stringify(label)}`,
    column,
    markInvalid(table, valid) {
      const c = table.column(column);
      const hit = missing ? (i: number) => isMissingAt(c, i) : matcher(c, label);
      return rejectWhere(valid, (i) => !hit(i));
    },
  };
}

function matcher(c: Column, label: string): (i: number) => boolean {
  switch (c.type) {
    case 'categorical': {
      const k = c.categories.indexOf(label);
      return (i) => c.codes[i] === k;
    }
    case 'boolean': {
      const v = label === 'true' ? 1 : 0;
      return (i) => c.values[i] === v;
    }
    case 'number':
    case 'datetime': {
      const v = c.type === 'number' ? Number(label) : Date.parse(label);
      return (i) => c.values[i] === v;
    }
  }
}

function rangeCheck(column: string, min: number, max: number): RowCheck {
  return {
    name: min === max ? `${column} = ${min}` : `${column} in [${min}, ${max}]`,
    column,
    markInvalid(table, valid) {
      const v = (table.column(column) as { values: Float64Array }).values;
      // NaN fails both comparisons, so a missing value never meets a range.
      return rejectWhere(valid, (i) => !(v[i]! >= min && v[i]! <= max));
    },
  };
}
