import { SynthkitError } from '@synthkit/core';
import { minEigenvalue } from '../latent/nearest-correlation.js';
import type { ParsedSpec, SpecColumn } from './spec-types.js';

type Dist = 'normal' | 'uniform' | 'lognormal' | 'beta' | 'gamma' | 'integer';

const DISTRIBUTIONS: Record<Dist, { arity: readonly number[]; usage: string }> = {
  normal: { arity: [2], usage: 'normal(mean, sd) with sd > 0' },
  uniform: { arity: [2], usage: 'uniform(min, max) with min < max' },
  lognormal: { arity: [2], usage: 'lognormal(mu, sigma) with sigma > 0 (mu, sigma of the log)' },
  beta: { arity: [2, 4], usage: 'beta(a, b) or beta(a, b, min, max) with a, b > 0 and min < max' },
  gamma: { arity: [2], usage: 'gamma(shape, scale) with shape, scale > 0' },
  integer: { arity: [2], usage: 'integer(min, max) with integers min <= max (uniform)' },
};

const USAGE =
  'Give a distribution string such as "normal(50, 10)", or { "values": { "a": 0.3, "b": 0.7 } }, ' +
  '{ "datetime": { "from": "2024-01-01", "to": "2024-12-31", "format": "%Y-%m-%d" } } or { "boolean": 0.3 }';

function bad(message: string, column?: string, hint?: string): SynthkitError {
  return new SynthkitError('BAD_SPEC', message, { column, hint });
}

/** Validates a spec (parsed JSON) and returns its columns and latent correlation matrix. */
export function parseSpec(spec: unknown): ParsedSpec {
  if (!isObject(spec) || !isObject(spec.columns))
    throw bad(
      'A spec needs a "columns" object',
      undefined,
      'e.g. { "columns": { "age": "normal(40, 12)" } }',
    );
  for (const key of Object.keys(spec))
    if (key !== 'columns' && key !== 'correlation')
      throw bad(
        `Unknown spec field "${key}"`,
        undefined,
        'A spec has "columns" and optionally "correlation"',
      );
  const columns = Object.entries(spec.columns).map(([name, raw]) => parseColumn(name, raw));
  if (columns.length === 0) throw bad('The spec declares no columns', undefined, USAGE);
  const d = columns.length;
  const correlation = new Float64Array(d * d);
  for (let i = 0; i < d; i++) correlation[i * d + i] = 1;
  if (spec.correlation !== undefined) applyCorrelation(spec.correlation, columns, correlation);
  return { columns, correlation };
}

function parseColumn(name: string, raw: unknown): SpecColumn {
  if (name.trim() === '') throw bad('A column name is empty', name);
  if (typeof raw === 'string') return parseDistribution(name, raw, undefined);
  if (!isObject(raw)) throw bad(`Column "${name}" must be a distribution string or an object`, name, USAGE);
  const keys = Object.keys(raw);
  const kind = keys.find((k) => ['distribution', 'values', 'datetime', 'boolean'].includes(k));
  const allowed = kind === 'distribution' ? ['distribution', 'decimals'] : [kind];
  const extra = keys.find((k) => !allowed.includes(k));
  if (!kind) throw bad(`Column "${name}" has no distribution, values, datetime or boolean`, name, USAGE);
  if (extra)
    throw bad(
      `Column "${name}" has an unknown field "${extra}"`,
      name,
      `Fields allowed here: ${allowed.join(', ')}`,
    );
  switch (kind) {
    case 'distribution': {
      if (typeof raw.distribution !== 'string')
        throw bad(`Column "${name}": "distribution" must be a string`, name, USAGE);
      let decimals: number | undefined;
      if (raw.decimals !== undefined) {
        if (
          !(Number.isInteger(raw.decimals) && (raw.decimals as number) >= 0 && (raw.decimals as number) <= 15)
        )
          throw bad(`Column "${name}": "decimals" must be an integer from 0 to 15`, name);
        decimals = raw.decimals as number;
      }
      return parseDistribution(name, raw.distribution, decimals);
    }
    case 'values':
      return parseValues(name, raw.values);
    case 'datetime':
      return parseDatetime(name, raw.datetime);
    default:
      return parseBoolean(name, raw.boolean);
  }
}

function parseDistribution(name: string, text: string, decimals: number | undefined): SpecColumn {
  const m = /^\s*([a-z]+)\s*\(([^()]*)\)\s*$/i.exec(text);
  const dist = m?.[1]?.toLowerCase() as Dist | undefined;
  const info = dist ? DISTRIBUTIONS[dist] : undefined;
  if (!m || !info || !dist)
    throw bad(
      `Column "${name}": cannot read the distribution "${text}"`,
      name,
      `Known: ${Object.values(DISTRIBUTIONS)
        .map((d) => d.usage)
        .join('; ')}`,
    );
  const args =
    m[2]!.trim() === '' ? [] : m[2]!.split(',').map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
  const wrong = () => bad(`Column "${name}": invalid ${text.trim()}`, name, `Use ${info.usage}`);
  if (!info.arity.includes(args.length) || !args.every(Number.isFinite)) throw wrong();
  const [a, b, c, e] = args as [number, number, number?, number?];
  switch (dist) {
    case 'normal':
    case 'lognormal':
      if (!(b > 0)) throw wrong();
      break;
    case 'uniform':
      if (!(a < b)) throw wrong();
      break;
    case 'beta':
      if (!(a > 0 && b > 0) || (c !== undefined && !(c < e!))) throw wrong();
      break;
    case 'gamma':
      if (!(a > 0 && b > 0)) throw wrong();
      break;
    case 'integer':
      if (!(Number.isInteger(a) && Number.isInteger(b) && a <= b)) throw wrong();
      if (decimals !== undefined) throw bad(`Column "${name}": integer() takes no "decimals"`, name);
      return { name, kind: 'integer', min: a, max: b };
  }
  return { name, kind: 'number', dist, args, ...(decimals !== undefined ? { decimals } : {}) };
}

function parseValues(name: string, raw: unknown): SpecColumn {
  if (!isObject(raw) || Object.keys(raw).length === 0)
    throw bad(
      `Column "${name}": "values" must map each value to its weight`,
      name,
      'e.g. { "values": { "a": 0.3, "b": 0.7 } }',
    );
  const labels = Object.keys(raw);
  const weights = labels.map((l) => raw[l]);
  const badAt = weights.findIndex((w) => typeof w !== 'number' || !Number.isFinite(w) || w < 0);
  if (badAt >= 0)
    throw bad(
      `Column "${name}": the weight of "${labels[badAt]}" must be a number >= 0`,
      name,
      'Weights are relative; they need not sum to 1',
    );
  const total = (weights as number[]).reduce((s, w) => s + w, 0);
  if (!(total > 0))
    throw bad(`Column "${name}": the weights sum to 0`, name, 'Give at least one value a positive weight');
  return { name, kind: 'categorical', labels, weights: (weights as number[]).map((w) => w / total) };
}

function parseDatetime(name: string, raw: unknown): SpecColumn {
  if (!isObject(raw) || typeof raw.from !== 'string' || typeof raw.to !== 'string')
    throw bad(
      `Column "${name}": "datetime" needs "from" and "to" dates`,
      name,
      'e.g. { "from": "2024-01-01", "to": "2024-12-31", "format": "%Y-%m-%d" }',
    );
  const from = parseDate(name, raw.from);
  const to = parseDate(name, raw.to);
  if (!(from.ms <= to.ms))
    throw bad(`Column "${name}": "from" (${raw.from}) is after "to" (${raw.to})`, name, 'Swap the two dates');
  if (raw.format !== undefined && typeof raw.format !== 'string')
    throw bad(`Column "${name}": "format" must be a string`, name);
  const format =
    (raw.format as string | undefined) ?? (from.hasTime || to.hasTime ? '%Y-%m-%d %H:%M:%S' : '%Y-%m-%d');
  if (!/%[YymdHMS]/.test(format))
    throw bad(
      `Column "${name}": format "${format}" has no date fields`,
      name,
      'Use strftime fields such as %Y-%m-%d %H:%M:%S',
    );
  return {
    name,
    kind: 'datetime',
    from: from.ms,
    to: to.ms,
    format,
    stepMs: /%[HMS]/.test(format) ? 1000 : 86_400_000,
  };
}

function parseDate(column: string, text: string): { ms: number; hasTime: boolean } {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?Z?$/.exec(text.trim());
  if (m) {
    const [y, mo, d, h = 0, mi = 0, s = 0] = m
      .slice(1)
      .map((x) => (x === undefined ? undefined : Number(x))) as number[];
    const ms = Date.UTC(y!, mo! - 1, d!, h, mi, s);
    const back = new Date(ms);
    if (back.getUTCMonth() === mo! - 1 && back.getUTCDate() === d! && h < 24 && mi < 60 && s < 60)
      return { ms, hasTime: m[4] !== undefined };
  }
  throw bad(
    `Column "${column}": "${text}" is not a date`,
    column,
    'Write dates as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS (UTC)',
  );
}

function parseBoolean(name: string, p: unknown): SpecColumn {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1))
    throw bad(
      `Column "${name}": "boolean" must be the probability of true, from 0 to 1`,
      name,
      'e.g. { "boolean": 0.3 }',
    );
  return { name, kind: 'boolean', p };
}

function applyCorrelation(raw: unknown, columns: readonly SpecColumn[], out: Float64Array): void {
  const d = columns.length;
  const hint = 'e.g. { "columns": ["a", "b"], "matrix": [[1, 0.5], [0.5, 1]] }';
  if (!isObject(raw) || !Array.isArray(raw.columns) || !Array.isArray(raw.matrix))
    throw bad('"correlation" needs "columns" and "matrix"', undefined, hint);
  const names = raw.columns as unknown[];
  const index = names.map((n) => {
    const j = columns.findIndex((c) => c.name === n);
    if (j < 0)
      throw bad(
        `"correlation" names column "${String(n)}", which the spec does not declare`,
        String(n),
        `Columns are: ${columns.map((c) => c.name).join(', ')}`,
      );
    return j;
  });
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw bad(`"correlation" lists column "${String(dup)}" twice`, String(dup));
  const k = names.length;
  const m = raw.matrix as unknown[];
  if (m.length !== k || !m.every((row) => Array.isArray(row) && row.length === k))
    throw bad(
      `"correlation.matrix" must be ${k}×${k}, one row and column per listed column`,
      undefined,
      hint,
    );
  const v = (i: number, j: number) => (m[i] as unknown[])[j];
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const x = v(i, j);
      const at = `${names[i]}, ${names[j]}`;
      if (typeof x !== 'number' || !Number.isFinite(x) || x < -1 || x > 1)
        throw bad(`"correlation.matrix" entry (${at}) must be a number from -1 to 1`, String(names[i]));
      if (i === j && x !== 1)
        throw bad(`"correlation.matrix" diagonal entry (${at}) must be 1`, String(names[i]));
      if (Math.abs(x - (v(j, i) as number)) > 1e-9)
        throw bad(
          `"correlation.matrix" is not symmetric at (${at})`,
          String(names[i]),
          'Entry (a, b) must equal entry (b, a)',
        );
      out[index[i]! * d + index[j]!] = x;
    }
  const min = minEigenvalue(out, d);
  if (min < -1e-10)
    throw bad(
      `"correlation.matrix" is not a valid correlation matrix (smallest eigenvalue ${min.toPrecision(3)})`,
      undefined,
      'Some correlations contradict each other (e.g. a~b 0.9, b~c 0.9, a~c -0.9); weaken the strongest ones',
    );
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
